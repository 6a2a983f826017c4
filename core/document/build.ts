import { chartSpaceXml } from "../chart/chart-space.js";
import type { Instrument } from "../instruments/types.js";
import { hasErrors, type Problem } from "../model/problem.js";
import type { ReadOrigins } from "../model/origins.js";
import type { Partnership } from "../model/types.js";
import { numberClauses, resolveReferences } from "./clauses.js";
import { resolveCharts } from "./charts.js";
import { checkDefinedTerms } from "./defined-terms.js";
import { formatDate } from "../format/uk.js";
import { MAIN_TEMPLATE, type DocumentKind } from "./kinds.js";
import { parseMarkup } from "./markup/blocks.js";
import { plainText } from "./markup/inline.js";
import { missingValues } from "./missing-values.js";
import { compileTemplates, renderMarkup } from "./render.js";
import { escapeRegExp } from "../text/regexp.js";
import { findInTemplates } from "./source-position.js";
import { viewModel } from "./view-model.js";
import { legalProblems } from "./final-gaps.js";
import { regulationCoverage } from "./regulation-coverage.js";
import { buildBody } from "./word/body.js";
import { chartPart } from "./word/chart.js";
import { coreProperties } from "./word/deterministic.js";
import { documentContent } from "./word/document.js";
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from "./word/house-style.js";
import { packDocument } from "./word/package.js";
import { ReferenceFields } from "./word/references.js";
import { Comments, type MissingValue } from "./word/runs.js";
import { sourceParts } from "./redline/source.js";

export type DocumentMode = "draft" | "final";

export interface BuildInput {
  kind: DocumentKind;
  partnership: Partnership;
  /** What the reader found wrong with the workbook; any error stops a final document. */
  workbookProblems: readonly Problem[];
  /** File name → source, as listed in TEMPLATE_FILES. */
  templates: Readonly<Record<string, string>>;
  mode: DocumentMode;
  /** Drafting notes and missing-value notes as Word comments (drafts only). */
  notes: boolean;
  style?: HouseStyle;
  /** Where the reader found each value, so [MISSING] comments name the right cell. */
  origins?: ReadOrigins;
  /** The assessment instruments, for charts of assessment scores (`::: chart instrumentScores`). */
  instruments?: readonly Instrument[];
}

export interface BuildResult {
  /** The .docx, or null when the document was refused (template errors, or a final with gaps). */
  bytes: Uint8Array | null;
  /** Everything worth telling the user, each located in the workbook or a template. */
  problems: Problem[];
}

/** Dates stamped in the file when the workbook gives no document date (zip times start in 1980). */
const FALLBACK_DATE = "1980-01-01";

function templateProblem(
  templates: Readonly<Record<string, string>>,
  mainFile: string,
  severity: Problem["severity"],
  message: string,
  snippet: string,
  pattern?: RegExp,
): Problem {
  const position = findInTemplates(templates, snippet, mainFile, pattern);
  return {
    severity,
    sheet: position?.file ?? mainFile,
    cell: position ? `${position.line}:${position.column}` : "",
    message,
  };
}

function missingProblem(missing: MissingValue): Problem {
  const bang = missing.location.lastIndexOf("!");
  return {
    severity: "error",
    sheet: bang > 0 ? missing.location.slice(0, bang) : missing.location || "Workbook",
    cell: bang > 0 ? missing.location.slice(bang + 1) : "",
    message: `${missing.label} is missing from the workbook`,
    hint: "A final document needs it: fill it in, or generate a draft.",
  };
}

function dateOf(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * Builds a terms of reference or a partnership agreement from a partnership.
 * Pure (no files, no network): the command line and the add-in both call it.
 */
export async function buildDocument(input: BuildInput): Promise<BuildResult> {
  const mainFile = MAIN_TEMPLATE[input.kind];
  const { compiled, problems: compileProblems } = compileTemplates(input.templates);
  if (compileProblems.length > 0) return { bytes: null, problems: compileProblems };

  const context = viewModel(input.partnership, input.kind, input.mode, input.origins);
  const rendered = renderMarkup(compiled, input.kind, context);
  if (rendered.problems.length > 0) return { bytes: null, problems: rendered.problems };

  // Issue 10: regulation 7(3) coverage (a drafting note in drafts) and who may be a party.
  const pooled = context.pooled && input.kind === "agreement";
  const coverage = regulationCoverage(rendered.markup, { pooled, draft: input.mode === "draft" });
  const legal = legalProblems(input.partnership, input.kind, rendered.markup, input.origins);
  const parsed = parseMarkup(coverage.markup);
  const where = (
    severity: Problem["severity"],
    message: string,
    snippet: string,
    pattern?: RegExp,
  ) => templateProblem(input.templates, mainFile, severity, message, snippet, pattern);
  const problems: Problem[] = parsed.issues.map((issue) =>
    where("error", issue.message, issue.snippet),
  );
  problems.push(...coverage.issues.map((issue) => where("error", issue.message, issue.snippet)));
  const { numbered, targets, issues } = numberClauses(parsed.blocks);
  problems.push(...issues.map((issue) => where("error", issue.message, issue.snippet)));
  const unresolved = resolveReferences(numbered, targets, parsed.front.clauseWord);
  for (const raw of new Set(unresolved)) {
    problems.push(
      where("error", `Cross-reference ${raw} points to no clause: no clause has that {#id}`, raw),
    );
  }
  const charts = resolveCharts(parsed.blocks, {
    partnership: input.partnership,
    instruments: input.instruments ?? [],
  });
  problems.push(...charts.issues.map((issue) => where("error", issue.message, issue.snippet)));
  for (const issue of checkDefinedTerms(numbered, parsed.properNouns)) {
    const pattern = issue.snippet.startsWith('"')
      ? undefined
      : new RegExp(`(?<![A-Za-z])${escapeRegExp(issue.snippet)}(?![A-Za-z])`, "g");
    problems.push(where(issue.severity, issue.message, issue.snippet, pattern));
  }
  if (hasErrors(problems))
    return { bytes: null, problems: [...problems, ...input.workbookProblems] };

  const missing = missingValues(parsed);
  if (input.mode === "final") {
    const blocking = [
      ...input.workbookProblems.filter((p) => p.severity === "error"),
      ...missing.map(missingProblem),
      ...legal.filter((p) => p.severity === "error"),
    ];
    if (blocking.length > 0) {
      return {
        bytes: null,
        problems: [
          ...blocking,
          ...input.workbookProblems.filter((p) => p.severity !== "error"),
          ...problems,
        ],
      };
    }
  }

  const details = input.partnership.details;
  const iso = details.documentDate ?? FALLBACK_DATE;
  const date = dateOf(iso);
  const draft = input.mode === "draft";
  const style = input.style ?? DEFAULT_HOUSE_STYLE;
  const version = details.documentVersion || "not set";
  const printedDate = details.documentDate ? formatDate(details.documentDate) : "undated";
  const title = plainText(parsed.front.title);
  const headerText = draft
    ? `DRAFT – version ${version} – ${printedDate}`
    : `${title} – version ${version} – ${printedDate}`;
  const comments = new Comments(draft && input.notes);
  const references = new ReferenceFields(targets);
  const body = buildBody(numbered, comments, style.body.size ?? 22, charts.charts, references);
  const content = documentContent({
    front: parsed.front,
    body,
    comments,
    draft,
    style,
    headerText,
  });
  const bytes = packDocument({
    style,
    draft,
    headerText,
    comments: comments.list,
    date,
    content,
    core: coreProperties({
      title: details.name ? `${title}: ${details.name}` : title,
      description: headerText,
      creator: "Partnership Workbench",
      date,
    }),
    extra: [
      ...body.charts.map((spec, i) => chartPart(i + 1, chartSpaceXml(spec))),
      // What next year's redline compares against (redline/source.ts).
      ...sourceParts(references.bookmarkIds()),
    ],
  });
  const gaps = missing.map((m): Problem => ({
    ...missingProblem(m),
    severity: "warning",
    hint: "The draft shows it as [MISSING: …].",
  }));
  return {
    bytes,
    problems: [
      ...input.workbookProblems,
      ...legal.map((p): Problem => ({ ...p, severity: "warning" })),
      ...gaps,
      ...problems,
    ],
  };
}

import { chartSpaceXml } from "../../chart/chart-space.js";
import { formatDate } from "../../format/uk.js";
import { hasErrors, type Problem } from "../../model/problem.js";
import type { ReadOrigins } from "../../model/origins.js";
import type { Partnership } from "../../model/types.js";
import { indicatorStatuses } from "../../report/indicator-status.js";
import type { DocumentMode } from "../build.js";
import { missingValues } from "../missing-values.js";
import { numberClauses, resolveReferences } from "../clauses.js";
import { parseMarkup } from "../markup/blocks.js";
import { plainText } from "../markup/inline.js";
import { renderTemplateFile } from "../render.js";
import { findInTemplates } from "../source-position.js";
import { buildBody } from "../word/body.js";
import { chartPart } from "../word/chart.js";
import { coreProperties } from "../word/deterministic.js";
import { documentContent } from "../word/document.js";
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from "../word/house-style.js";
import { packDocument } from "../word/package.js";
import { Comments, type MissingValue } from "../word/runs.js";
import { resolvePerformanceCharts } from "./charts.js";
import { performanceReportView } from "./view-model.js";

/** The template a non-developer edits: templates/documents/performance-report.md.hbs. */
export const PERFORMANCE_REPORT_TEMPLATE = "performance-report.md.hbs";

export interface PerformanceReportInput {
  partnership: Partnership;
  /** The report template and any partials, file name → source. */
  templates: Readonly<Record<string, string>>;
  workbookProblems: readonly Problem[];
  mode: DocumentMode;
  notes: boolean;
  /** The period reported on (a label of the Indicators' period columns); the latest when absent. */
  period?: string;
  style?: HouseStyle;
  origins?: ReadOrigins;
}

export interface PerformanceReportResult {
  bytes: Uint8Array | null;
  problems: Problem[];
}

const FALLBACK_DATE = "1980-01-01";

function located(
  templates: Readonly<Record<string, string>>,
  message: string,
  snippet: string,
): Problem {
  const position = findInTemplates(templates, snippet, PERFORMANCE_REPORT_TEMPLATE);
  return {
    severity: "error",
    sheet: position?.file ?? PERFORMANCE_REPORT_TEMPLATE,
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
    hint: "A final report needs it: fill it in, or make a draft.",
  };
}

/**
 * The board's quarterly performance report (issue 9): a one-page summary,
 * a section per objective with its indicators, XmR charts, commentary and
 * corrective action, finance and open actions. Pure, with the documents'
 * conventions: a draft marks what is missing, a final refuses while
 * anything is, and the same workbook always gives the same bytes.
 */
export async function buildPerformanceReport(
  input: PerformanceReportInput,
): Promise<PerformanceReportResult> {
  const { partnership } = input;
  const period = input.period ?? null;
  if (period !== null && !partnership.periods.includes(period)) {
    return {
      bytes: null,
      problems: [
        {
          severity: "error",
          sheet: "Indicators",
          cell: "",
          message: `"${period}" is not a reporting period of this workbook`,
          hint: `Use one of the Indicators table's period columns: ${partnership.periods.join(", ") || "(none yet)"}.`,
        },
      ],
    };
  }
  const statuses = indicatorStatuses(partnership, period);
  const context = performanceReportView({
    partnership,
    period,
    draft: input.mode === "draft",
    origins: input.origins,
    statuses,
  });
  const rendered = renderTemplateFile(input.templates, PERFORMANCE_REPORT_TEMPLATE, context);
  if (rendered.problems.length > 0) return { bytes: null, problems: rendered.problems };
  const parsed = parseMarkup(rendered.markup);
  const where = (message: string, snippet: string) => located(input.templates, message, snippet);
  const problems: Problem[] = parsed.issues.map((i) => where(i.message, i.snippet));
  const { numbered, targets, issues } = numberClauses(parsed.blocks);
  problems.push(...issues.map((i) => where(i.message, i.snippet)));
  for (const raw of new Set(resolveReferences(numbered, targets, parsed.front.clauseWord)))
    problems.push(
      where(`Cross-reference ${raw} points to no section: no heading has that {#id}`, raw),
    );
  const charts = resolvePerformanceCharts(parsed.blocks, {
    partnership,
    statuses,
    period: period ?? partnership.periods.at(-1) ?? "",
  });
  problems.push(...charts.issues.map((i) => where(i.message, i.snippet)));
  if (hasErrors(problems))
    return { bytes: null, problems: [...problems, ...input.workbookProblems] };

  const missing = missingValues(parsed);
  if (input.mode === "final") {
    const blocking = [
      ...input.workbookProblems.filter((p) => p.severity === "error"),
      ...missing.map(missingProblem),
    ];
    if (blocking.length > 0) return { bytes: null, problems: [...blocking, ...problems] };
  }

  const details = partnership.details;
  const iso = details.documentDate ?? FALLBACK_DATE;
  const date = new Date(`${iso}T00:00:00Z`);
  const draft = input.mode === "draft";
  const style = input.style ?? DEFAULT_HOUSE_STYLE;
  const printed = details.documentDate ? formatDate(details.documentDate) : "undated";
  const title = plainText(parsed.front.title);
  const shownPeriod = period ?? partnership.periods.at(-1) ?? "";
  const headerText = draft
    ? `DRAFT – performance report ${shownPeriod} – ${printed}`
    : `${title} – ${shownPeriod} – ${printed}`;
  const comments = new Comments(draft && input.notes);
  const body = buildBody(numbered, comments, style.body.size ?? 22, charts.charts);
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
    extra: body.charts.map((spec, i) => chartPart(i + 1, chartSpaceXml(spec))),
  });
  const gaps = missing.map((m): Problem => ({
    ...missingProblem(m),
    severity: "warning",
    hint: "The draft shows it as [MISSING: …].",
  }));
  return { bytes, problems: [...input.workbookProblems, ...gaps, ...problems] };
}

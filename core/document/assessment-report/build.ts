import { perceptionGapChart, sectionMeansChart } from "../../chart/assessment-charts.js";
import { chartSpaceXml } from "../../chart/chart-space.js";
import type { ChartSpec } from "../../chart/types.js";
import { formatDate } from "../../format/uk.js";
import type { Instrument } from "../../instruments/types.js";
import { analyseAssessments, type InstrumentAnalysis } from "../../measures/assessment-analysis.js";
import { hasErrors, type Problem } from "../../model/problem.js";
import type { ReadOrigins, RecordOrigin } from "../../model/origins.js";
import type { Partnership } from "../../model/types.js";
import type { DocumentMode } from "../build.js";
import { missingValues } from "../missing-values.js";
import { numberClauses, resolveReferences } from "../clauses.js";
import { parseMarkup, type Block } from "../markup/blocks.js";
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
import { assessmentReportView } from "./view-model.js";

/** The template a non-developer edits: templates/documents/assessment-report.md.hbs. */
export const ASSESSMENT_REPORT_TEMPLATE = "assessment-report.md.hbs";

export interface AssessmentReportInput {
  partnership: Partnership;
  instruments: readonly Instrument[];
  /** The report template and any partials, file name → source. */
  templates: Readonly<Record<string, string>>;
  workbookProblems: readonly Problem[];
  mode: DocumentMode;
  notes: boolean;
  /** The round reported on; the open round when absent. */
  round?: string;
  style?: HouseStyle;
  origins?: ReadOrigins;
  /** Where each Actions row was read (the Actions reader's origins). */
  actionOrigins?: readonly RecordOrigin[];
}

export interface AssessmentReportResult {
  bytes: Uint8Array | null;
  problems: Problem[];
}

const FALLBACK_DATE = "1980-01-01";

/** The charts the report template can name, each of one instrument (its id). */
const REPORT_CHARTS: Record<string, (analysis: InstrumentAnalysis) => ChartSpec | null> = {
  assessmentSections: sectionMeansChart,
  perceptionGaps: perceptionGapChart,
};

function located(
  templates: Readonly<Record<string, string>>,
  severity: Problem["severity"],
  message: string,
  snippet: string,
): Problem {
  const position = findInTemplates(templates, snippet, ASSESSMENT_REPORT_TEMPLATE);
  return {
    severity,
    sheet: position?.file ?? ASSESSMENT_REPORT_TEMPLATE,
    cell: position ? `${position.line}:${position.column}` : "",
    message,
  };
}

function resolveReportCharts(
  blocks: readonly Block[],
  analyses: readonly InstrumentAnalysis[],
): { charts: Map<Block, ChartSpec>; issues: { message: string; snippet: string }[] } {
  const charts = new Map<Block, ChartSpec>();
  const issues: { message: string; snippet: string }[] = [];
  for (const block of blocks) {
    if (block.kind !== "chart") continue;
    const build = Object.hasOwn(REPORT_CHARTS, block.name) ? REPORT_CHARTS[block.name] : undefined;
    const analysis = analyses.find((a) => a.instrumentId === block.argument);
    if (!build) {
      issues.push({
        message: `Chart "${block.name}" is not a chart the assessment report knows; use one of ${Object.keys(REPORT_CHARTS).join(", ")}`,
        snippet: block.source,
      });
    } else if (!analysis) {
      issues.push({
        message: `Chart "${block.name}": no assessment grid has the id "${block.argument}"`,
        snippet: block.source,
      });
    } else {
      const spec = build(analysis);
      if (spec) charts.set(block, spec);
    }
  }
  return { charts, issues };
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
 * The board's assessment report (issue 8): who took part, a one-page
 * summary, a section per instrument with its charts, items and comments,
 * and the action plan. Pure, like buildDocument, and with its conventions:
 * a draft marks what is missing, a final refuses while anything is.
 */
export async function buildAssessmentReport(
  input: AssessmentReportInput,
): Promise<AssessmentReportResult> {
  const analyses = analyseAssessments(input.partnership, input.instruments, input.round);
  if ("error" in analyses) {
    return {
      bytes: null,
      problems: [
        {
          severity: "error",
          sheet: "Assessment history",
          cell: "",
          message: `The report: ${analyses.error}`,
        },
      ],
    };
  }
  const details = input.partnership.details;
  const dateCell = input.origins?.details.documentDate;
  const context = assessmentReportView({
    partnership: input.partnership,
    analyses,
    draft: input.mode === "draft",
    actionOrigins: input.actionOrigins,
    today: details.documentDate,
    dateLocation: dateCell ? `${dateCell.sheet}!${dateCell.cell}` : "Partnership",
  });
  const rendered = renderTemplateFile(input.templates, ASSESSMENT_REPORT_TEMPLATE, context);
  if (rendered.problems.length > 0) return { bytes: null, problems: rendered.problems };
  const parsed = parseMarkup(rendered.markup);
  const where = (message: string, snippet: string) =>
    located(input.templates, "error", message, snippet);
  const problems: Problem[] = parsed.issues.map((i) => where(i.message, i.snippet));
  const { numbered, targets, issues } = numberClauses(parsed.blocks);
  problems.push(...issues.map((i) => where(i.message, i.snippet)));
  for (const raw of new Set(resolveReferences(numbered, targets, parsed.front.clauseWord)))
    problems.push(
      where(`Cross-reference ${raw} points to no section: no heading has that {#id}`, raw),
    );
  const charts = resolveReportCharts(parsed.blocks, analyses);
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

  const iso = details.documentDate ?? FALLBACK_DATE;
  const date = new Date(`${iso}T00:00:00Z`);
  const draft = input.mode === "draft";
  const style = input.style ?? DEFAULT_HOUSE_STYLE;
  const printed = details.documentDate ? formatDate(details.documentDate) : "undated";
  const title = plainText(parsed.front.title);
  const round = analyses[0]?.round ?? "";
  const headerText = draft
    ? `DRAFT – assessment round ${round} – ${printed}`
    : `${title} – round ${round} – ${printed}`;
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

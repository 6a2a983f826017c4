import { readFileSync } from "node:fs";
import {
  buildPerformanceReport,
  PERFORMANCE_REPORT_TEMPLATE,
  type PerformanceReportInput,
} from "../../core/document/performance-report/build.js";
import type { Partnership } from "../../core/model/types.js";
import { monthlyPartnership } from "./monthly-partnership.js";

/**
 * The performance report the report's tests read, shared with the global
 * set-up so the PDF LibreOffice prints is of this very report.
 */

export const PERFORMANCE_TEMPLATE = readFileSync(
  new URL(`../../templates/documents/${PERFORMANCE_REPORT_TEMPLATE}`, import.meta.url),
  "utf8",
);

/** A draft with notes from the shipped template, unless `more` says otherwise. */
export function buildPerformance(
  partnership: Partnership,
  more: Partial<PerformanceReportInput> = {},
) {
  return buildPerformanceReport({
    partnership,
    templates: { [PERFORMANCE_REPORT_TEMPLATE]: PERFORMANCE_TEMPLATE },
    workbookProblems: [],
    mode: "draft",
    notes: true,
    ...more,
  });
}

/** Everything a final report needs: a date, commentary where Amber or Red, forecasts. */
export function completePerformance(): Partnership {
  const p = monthlyPartnership();
  p.details.documentDate = "2027-01-20";
  for (const indicator of p.indicators)
    if (!indicator.commentary) indicator.commentary = `Commentary on ${indicator.id}.`;
  for (const line of p.finance) line.forecast = (line.budget ?? 0) * 1.1;
  p.partners[1]!.contribution = 100_000;
  // £90,000 for 3,000 hours is £30 an hour, against a benchmark of £25.
  p.finance[0]!.benchmarkUnitCost = 25;
  return p;
}

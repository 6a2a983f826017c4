import { finalDocumentGaps } from "../document/final-gaps.js";
import type { DocumentKind } from "../document/kinds.js";
import type { Instrument } from "../instruments/types.js";
import { summarise, type PartnershipSummary } from "../measures/summary.js";
import type { Problem } from "../model/problem.js";
import type { IsoDate } from "../model/types.js";
import type { ReadResult } from "../read/reader.js";
import { overdueActionProblems } from "./overdue-actions.js";
import { checkOverTime, today, type IndicatorSummary } from "./check-over-time.js";
import { financeReconciliation } from "./finance-reconciliation.js";

export interface CheckReport {
  /** The reader's problems, then each value the final document needs and lacks. */
  problems: Problem[];
  errors: number;
  warnings: number;
  /** The document checked: the one the arrangement needs (what `generate auto` makes). */
  document: DocumentKind;
  /** How many of the warnings are values a final document needs. */
  finalGaps: number;
  /** True when `generate --final` would make the document: no errors and no gaps. */
  finalReady: boolean;
  /** With `indicators`: each indicator judged over time (issue 9). */
  summary: PartnershipSummary & { indicators: IndicatorSummary[] };
}

/**
 * Check, as both hosts run it: what the reader found, plus everything a
 * final document would refuse for, each at its cell. After a check with no
 * errors and no final gaps, `generate --final` (same templates) never refuses.
 */
export function checkPartnership(
  read: ReadResult,
  instruments: readonly Instrument[],
  templates: Readonly<Record<string, string>>,
  /** The day overdue returns and past-due objectives are judged at; today when absent. */
  asAt: IsoDate = today(),
): CheckReport {
  const overTime = checkOverTime(read, asAt);
  const final = finalDocumentGaps({
    partnership: read.partnership,
    origins: read.origins,
    templates,
  });
  const reconciliation = financeReconciliation(read.partnership, read.origins);
  const problems = [
    ...read.problems,
    ...(reconciliation ? [reconciliation] : []),
    ...overTime.problems,
    ...final.templateProblems,
    ...final.legal,
    ...final.gaps,
    ...overdueActionProblems(read.partnership, read.origins, asAt),
  ];
  const errors = problems.filter((p) => p.severity === "error").length;
  return {
    problems,
    errors,
    warnings: problems.length - errors,
    document: final.kind,
    finalGaps: final.gaps.length,
    finalReady: errors === 0 && final.gaps.length === 0,
    summary: { ...summarise(read.partnership, instruments), indicators: overTime.indicators },
  };
}

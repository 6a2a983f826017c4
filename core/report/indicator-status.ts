import { xmrData, type XmrData } from "../chart/xmr.js";
import { directionFor, ragFor } from "../measures/indicator.js";
import { MONTHS_BETWEEN_RETURNS } from "../measures/periods.js";
import {
  ragHistory,
  redTwiceRunning,
  targetProfiles,
  type PeriodTarget,
} from "../measures/trajectory.js";
import type { Direction, Indicator, Partnership, RagStatus } from "../model/types.js";

/**
 * Where each indicator stands at the report's period, as a board reads it:
 * the latest value and what was expected of it, its RAG now and a period
 * earlier, direction of travel, SPC, Red twice running and an overdue
 * return. Values after the report's period are left out, so a report for
 * an earlier period reads as it would have then.
 */

export interface IndicatorStatus {
  indicator: Indicator;
  /** Its row in the Indicators table (0-based), for locating its cells. */
  index: number;
  latest: number | null;
  /** The period of the latest value; "" without one. */
  latestPeriod: string;
  /** What the report's period expected: the Targets table's value for it, else the target. */
  expected: number | null;
  rag: RagStatus;
  /** The RAG the indicator had at the period before the report's; null in the first period. */
  previousRag: RagStatus | null;
  direction: Direction;
  spc: XmrData | null;
  redTwice: boolean;
  /** No value for the report's period although one was due by the indicator's frequency. */
  overdue: boolean;
}

/**
 * The months one period covers, from its labels: "Jan 25" or "2025-01" are
 * months, "Q1" or "2025/26 Q1" quarters, "2025/26" or "2025" years. Other
 * labels are taken as quarters, the workbook's default periods.
 */
export function monthsPerPeriod(periods: readonly string[]): number {
  const label = (periods[0] ?? "").trim();
  if (/\bQ[1-4]\b/i.test(label)) return 3;
  if (/^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\d{4}-\d{2}$)/i.test(label))
    return 1;
  if (/^(?:\d{4}\/\d{2}|\d{4})$/.test(label)) return 12;
  return 3;
}

/**
 * Overdue: blank in the report's period, and at least one full reporting
 * cycle (by frequency) since the last value. An indicator that has never
 * reported is overdue once a first cycle has passed. Without a frequency, a
 * value is due every period.
 */
function isOverdue(
  values: readonly (number | null)[],
  at: number,
  indicator: Indicator,
  months: number,
): boolean {
  if (at < 0 || (values[at] ?? null) !== null) return false;
  const cycle = indicator.frequency
    ? Math.max(1, Math.round(MONTHS_BETWEEN_RETURNS[indicator.frequency] / months))
    : 1;
  let last = -1;
  for (let i = at; i >= 0; i--) {
    if ((values[i] ?? null) !== null) {
      last = i;
      break;
    }
  }
  return at - last >= cycle;
}

/** `period`: the report's period (a label of `partnership.periods`); the last one when null. */
export function indicatorStatuses(
  partnership: Partnership,
  period: string | null = null,
): IndicatorStatus[] {
  const at = period === null ? partnership.periods.length - 1 : partnership.periods.indexOf(period);
  if (period !== null && at < 0)
    throw new RangeError(
      `"${period}" is not a reporting period of this workbook (${partnership.periods.join(", ")}).`,
    );
  const periods = partnership.periods.slice(0, at + 1);
  const profiles = targetProfiles(
    (partnership as Partnership & { targets?: PeriodTarget[] }).targets ?? [],
  );
  const months = monthsPerPeriod(partnership.periods);
  return partnership.indicators.map((indicator, index) => {
    const values = periods.map((_, i) => indicator.values[i] ?? null);
    const profile = profiles.get(indicator.id);
    const expectedAll = periods.map((label) => profile?.get(label) ?? indicator.target);
    const history = ragHistory(values, expectedAll, indicator.tolerance, indicator.polarity);
    const latestAt = lastIndexWithValue(values);
    const latest = latestAt < 0 ? null : (values[latestAt] ?? null);
    const previousAt = lastIndexWithValue(values.slice(0, Math.max(latestAt, 0)));
    const previous = previousAt < 0 ? null : (values[previousAt] ?? null);
    const expected = at < 0 ? null : (expectedAll[at] ?? null);
    return {
      indicator,
      index,
      latest,
      latestPeriod: latestAt < 0 ? "" : (periods[latestAt] ?? ""),
      expected,
      rag:
        latestAt < 0
          ? "No data"
          : ragFor(latest, expectedAll[latestAt] ?? null, indicator.tolerance, indicator.polarity),
      previousRag: at < 1 ? null : ragNow(history.slice(0, at)),
      direction: directionFor(latest, previous, indicator.target, indicator.polarity),
      spc: xmrData({ ...indicator, values }, periods),
      redTwice: redTwiceRunning(history),
      overdue: isOverdue(values, at, indicator, months),
    };
  });
}

/** The RAG a history ends on: its last rated period's, or "No data". */
function ragNow(history: readonly RagStatus[]): RagStatus {
  for (let i = history.length - 1; i >= 0; i--) if (history[i] !== "No data") return history[i]!;
  return "No data";
}

function lastIndexWithValue(values: readonly (number | null)[]): number {
  for (let i = values.length - 1; i >= 0; i--) if ((values[i] ?? null) !== null) return i;
  return -1;
}

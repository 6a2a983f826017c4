import { xmrData, type XmrData } from "../chart/xmr.js";
import { indicatorOverTime, planOf } from "../measures/over-time.js";
import { targetProfiles } from "../measures/trajectory.js";
import type { Direction, Indicator, Partnership, RagStatus } from "../model/types.js";

/**
 * Where each indicator stands at the report's period, as a board reads it:
 * the latest value and what was expected of it, its RAG now and a period
 * earlier, direction of travel, SPC, Red twice running and overdue returns,
 * judged by the same code as the Indicators sheet and `check`
 * (measures/over-time.ts). Values after the report's period are left out,
 * so a report for an earlier period reads as it would have then.
 */

export interface IndicatorStatus {
  indicator: Indicator;
  /** Its row in the Indicators table (0-based), for locating its cells. */
  index: number;
  latest: number | null;
  /** The period of the latest value; "" without one. */
  latestPeriod: string;
  /** What the report's period expected: its trajectory (Targets table, or baseline to target). */
  expected: number | null;
  rag: RagStatus;
  /** The RAG the indicator had at the period before the report's; null in the first period. */
  previousRag: RagStatus | null;
  direction: Direction;
  spc: XmrData | null;
  redTwice: boolean;
  /** The periods (up to the report's) whose return is overdue as at the document date. */
  overdue: string[];
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
  const plan = planOf({ periods });
  const profiles = targetProfiles(partnership.targets ?? []);
  // Overdue as at the report's date; an undated draft shows none rather than guess a day.
  const asAt = partnership.details.documentDate ?? "0001-01-01";
  return partnership.indicators.map((indicator, index) => {
    const values = periods.map((_, i) => indicator.values[i] ?? null);
    const judged = indicatorOverTime(
      { ...indicator, values },
      periods,
      plan,
      partnership.details.endDate,
      profiles,
      asAt,
    );
    const latestAt = judged.latestPeriod;
    // What the previous period's report said: its latest value then, judged as it was then.
    const previousAt = lastIndexWithValue(values.slice(0, Math.max(at, 0)));
    return {
      indicator,
      index,
      latest: latestAt < 0 ? null : (values[latestAt] ?? null),
      latestPeriod: latestAt < 0 ? "" : (periods[latestAt] ?? ""),
      expected: at < 0 ? null : (judged.expected[at] ?? null),
      rag: judged.rag,
      previousRag:
        at < 1 ? null : previousAt < 0 ? "No data" : (judged.history[previousAt] ?? null),
      direction: judged.direction,
      spc: xmrData({ ...indicator, values }, periods),
      redTwice: judged.redTwice,
      overdue: judged.overdue,
    };
  });
}

function lastIndexWithValue(values: readonly (number | null)[]): number {
  for (let i = values.length - 1; i >= 0; i--) if ((values[i] ?? null) !== null) return i;
  return -1;
}

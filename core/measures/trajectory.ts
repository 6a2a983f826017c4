import type { Frequency, IsoDate, PeriodTarget, Polarity, RagStatus } from "../model/types.js";
import { ragFor } from "./indicator.js";
import {
  dueDate,
  frequencyOfPeriods,
  parseIsoDate,
  periodIndexOf,
  periodsOf,
  reportsIn,
  type PeriodPlan,
} from "./periods.js";

/**
 * Performance over time: what each period was expected to show (the
 * trajectory), each period's RAG against that, "Red in two consecutive
 * periods", and which returns are overdue.
 */

export type { PeriodTarget };

export interface TrajectoryInput {
  plan: PeriodPlan;
  baseline: number | null;
  target: number | null;
  /** When the target is to be met; the plan's end when null. */
  targetDate: IsoDate | null;
  /** The partnership's end date; the last period's end when null. */
  planEnd: IsoDate | null;
  /** Explicit targets by period label (this indicator's Targets rows); each wins for its period. */
  profile?: ReadonlyMap<string, number>;
}

/** Targets rows grouped by indicator, then period label. The first row for a pair wins. */
export function targetProfiles(rows: readonly PeriodTarget[]): Map<string, Map<string, number>> {
  const profiles = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const profile = profiles.get(row.indicatorId) ?? new Map<string, number>();
    if (!profile.has(row.period)) profile.set(row.period, row.target);
    profiles.set(row.indicatorId, profile);
  }
  return profiles;
}

/**
 * The expected value per period. An explicit target for the period wins.
 * Otherwise a straight line by period from the baseline (the first period's
 * expected value) to the target in the period holding the target date, and
 * the target from then on. Steps are equal per period, not per day, so a
 * monthly line does not wobble with the months' lengths. Without a baseline,
 * or with a target date in the first period (or before), every period
 * expects the target itself; without a target, nothing is expected (null).
 */
export function expectedValues(input: TrajectoryInput): (number | null)[] {
  const { plan, baseline, target } = input;
  const reachedAt = periodIndexOf(plan, targetDateOf(input));
  const periods = periodsOf(plan);
  const profile = input.profile?.size ? input.profile : null;
  const expected: (number | null)[] = [];
  for (let index = 0; index < periods.length; index++) {
    const label = periods[index]?.label;
    const explicit = profile === null || label === undefined ? undefined : profile.get(label);
    if (explicit !== undefined) expected.push(explicit);
    else if (target === null) expected.push(null);
    else if (baseline === null || index >= reachedAt) expected.push(target);
    else if (index === 0) expected.push(baseline);
    else expected.push(baseline + ((target - baseline) * index) / reachedAt);
  }
  return expected;
}

/**
 * RAG of one value against the value expected for its period, with the
 * indicator's polarity and tolerance: the same rule as the latest value
 * against the final target (indicator.ts), the tolerance band being the
 * fraction of the expected value.
 */
export function ragAgainstExpected(
  value: number | null,
  expected: number | null,
  tolerance: number | null,
  polarity: Polarity | null,
): RagStatus {
  return ragFor(value, expected, tolerance, polarity);
}

/** RAG per period; "No data" where the period has no value or nothing is expected. */
export function ragHistory(
  values: readonly (number | null)[],
  expected: readonly (number | null)[],
  tolerance: number | null,
  polarity: Polarity | null,
): RagStatus[] {
  return values.map((value, i) =>
    ragAgainstExpected(value ?? null, expected[i] ?? null, tolerance, polarity),
  );
}

/**
 * Red in the latest two rated reports: the last two periods rated at all
 * (periods without a value are skipped, so a quarterly indicator in a
 * monthly plan compares its own consecutive returns).
 */
export function redTwiceRunning(history: readonly RagStatus[]): boolean {
  let reds = 0;
  for (let i = history.length - 1; i >= 0 && reds < 2; i--) {
    if (history[i] === "No data") continue;
    if (history[i] !== "Red") return false;
    reds++;
  }
  return reds === 2;
}

/**
 * Overdue flags per period, as at a date: a period the indicator reports in
 * (see `reportsIn`) whose value is blank on or after its due date (see
 * `dueDate`). An indicator without a frequency reports every period, with
 * the grace of the periods' own frequency.
 */
export function overduePeriods(
  values: readonly (number | null)[],
  plan: PeriodPlan,
  frequency: Frequency | null,
  asAt: IsoDate,
): boolean[] {
  if (parseIsoDate(asAt) === null)
    throw new RangeError(`"As at" is not a calendar date (YYYY-MM-DD): "${asAt}".`);
  const cycle = frequency ?? frequencyOfPeriods(plan.length);
  const periods = periodsOf(plan);
  const overdue: boolean[] = [];
  for (let index = 0; index < periods.length; index++) {
    const value = values[index];
    const blank = value === null || value === undefined;
    const end = periods[index]?.end;
    overdue.push(
      blank && end !== undefined && reportsIn(plan, index, cycle) && asAt >= dueDate(end, cycle),
    );
  }
  return overdue;
}

function targetDateOf(input: TrajectoryInput): IsoDate {
  const last = periodsOf(input.plan).at(-1);
  return input.targetDate ?? input.planEnd ?? last?.end ?? input.plan.start;
}

import type { Direction, Indicator, IsoDate, Partnership, RagStatus } from "../model/types.js";
import { directionFor, latestValue, previousValue, ragFor } from "./indicator.js";
import { periodIndexOf, planFromLabels, type PeriodPlan } from "./periods.js";
import { spc, type SpcResult } from "./spc.js";
import { spcInputOf } from "./spc-input.js";
import {
  expectedValues,
  overduePeriods,
  ragHistory,
  redTwiceRunning,
  targetProfiles,
} from "./trajectory.js";

/**
 * Each indicator judged over time, as the workbook, `check` and the board's
 * report show it: the value expected per period, RAG per period against it,
 * the latest period's RAG, Red twice running, overdue returns and SPC.
 *
 * Periods are the partnership's: one period length for every indicator, the
 * period headers giving the dates (planFromLabels). Frequency says which of
 * those periods an indicator reports in (periods.ts, reportsIn). Headers that
 * are not period labels ("Period 1") carry no dates: then every period
 * expects the final target, and nothing can be overdue.
 */
export interface IndicatorOverTime {
  id: string;
  /** Expected value per period (trajectory); null where nothing is expected. */
  expected: (number | null)[];
  /** RAG per period against `expected`; "No data" where the period has no value. */
  history: RagStatus[];
  /** The index of the latest period with a value; -1 when none has one. */
  latestPeriod: number;
  /** The RAG of the latest period with a value. */
  rag: RagStatus;
  direction: Direction;
  redTwice: boolean;
  /** Labels of the periods whose return is overdue as at the date asked. */
  overdue: string[];
  spc: SpcResult | null;
}

/** The partnership's period plan, when its period headers are labels the workbook writes. */
export function planOf(partnership: Pick<Partnership, "periods">): PeriodPlan | null {
  return planFromLabels(partnership.periods);
}

export function indicatorsOverTime(partnership: Partnership, asAt: IsoDate): IndicatorOverTime[] {
  const plan = planOf(partnership);
  const profiles = targetProfiles(partnership.targets ?? []);
  const planEnd = partnership.details.endDate;
  return partnership.indicators.map((indicator) =>
    indicatorOverTime(indicator, partnership.periods, plan, planEnd, profiles, asAt),
  );
}

export function indicatorOverTime(
  indicator: Indicator,
  periods: readonly string[],
  plan: PeriodPlan | null,
  planEnd: IsoDate | null,
  profiles: ReadonlyMap<string, ReadonlyMap<string, number>>,
  asAt: IsoDate,
): IndicatorOverTime {
  const { values, expected, history, latest, rag } = ragOverPeriods(
    indicator,
    periods,
    plan,
    planEnd,
    profiles.get(indicator.id),
  );
  const overdueFlags = plan === null ? [] : overduePeriods(values, plan, indicator.frequency, asAt);
  return {
    id: indicator.id,
    expected,
    history,
    latestPeriod: latest,
    rag,
    direction: directionFor(
      latestValue(values),
      previousValue(values),
      indicator.target,
      indicator.polarity,
    ),
    redTwice: redTwiceRunning(history),
    overdue: periods.filter((_, i) => overdueFlags[i] === true),
    spc: spc(spcInputOf(indicator, periods)),
  };
}

/** Whether one indicator met its target at its objective's due date. */
export interface TargetAtDueDate {
  indicatorId: string;
  /** The period whose value was judged: the latest with a value up to the due date's period. */
  period: string | null;
  /** null when there was no value by then, or no target or polarity. */
  met: boolean | null;
}

export interface ObjectiveAtDueDate {
  objectiveId: string;
  dueDate: IsoDate;
  indicators: TargetAtDueDate[];
}

/**
 * Objectives whose due date has passed as at `asAt`, each with whether its
 * indicators met their final target at that date (Green against the target
 * itself, within no tolerance: "met" means met).
 */
export function objectivesPastDue(partnership: Partnership, asAt: IsoDate): ObjectiveAtDueDate[] {
  const plan = planOf(partnership);
  if (plan === null) return [];
  const result: ObjectiveAtDueDate[] = [];
  for (const objective of partnership.objectives) {
    const due = objective.dueDate;
    if (due === null || due >= asAt) continue;
    const last = Math.min(periodIndexOf(plan, due), partnership.periods.length - 1);
    const indicators = partnership.indicators
      .filter((i) => i.objectiveId.toLowerCase() === objective.id.toLowerCase())
      .map((indicator) => targetAt(indicator, partnership.periods, last));
    result.push({ objectiveId: objective.id, dueDate: due, indicators });
  }
  return result;
}

function targetAt(indicator: Indicator, periods: readonly string[], last: number): TargetAtDueDate {
  for (let i = last; i >= 0; i--) {
    const value = indicator.values[i];
    if (value === null || value === undefined) continue;
    return {
      indicatorId: indicator.id,
      period: periods[i] ?? null,
      met: metTarget(indicator, value),
    };
  }
  return { indicatorId: indicator.id, period: null, met: null };
}

function metTarget(indicator: Indicator, value: number): boolean | null {
  const { target, polarity, tolerance } = indicator;
  if (target === null || polarity === null) return null;
  switch (polarity) {
    case "Higher is better":
      return value >= target;
    case "Lower is better":
      return value <= target;
    case "Closer to target":
      // No side is better: met within the tolerance band, as Green is.
      return Math.abs(value - target) <= Math.abs(target) * (tolerance ?? 0);
  }
}

/**
 * Each indicator's RAG as the Indicators sheet's RAG column shows it: the
 * latest value against what its period expected. What the Summary counts,
 * so the summary, the charts and `check` agree with the sheet. Lighter than
 * `indicatorsOverTime`: no SPC, no overdue dates.
 */
export function latestRags(partnership: Partnership): RagStatus[] {
  const plan = planOf(partnership);
  const profiles = targetProfiles(partnership.targets ?? []);
  const { periods } = partnership;
  return partnership.indicators.map((indicator) => {
    const values = periods.map((_, i) => indicator.values[i] ?? null);
    const latest = latestWithValue(values);
    if (latest < 0) return "No data";
    const expected = expectedOf(
      indicator,
      periods,
      plan,
      partnership.details.endDate,
      profiles.get(indicator.id),
    );
    return ragFor(
      values[latest] ?? null,
      expected[latest] ?? null,
      indicator.tolerance,
      indicator.polarity,
    );
  });
}

/** An indicator's latest RAG (as `latestRags`) and whether it has been Red twice running. */
export interface RagJudgement {
  rag: RagStatus;
  redTwice: boolean;
}

/**
 * The latest RAG and Red twice running of each indicator, against what each
 * period expected: what the reader's "Red but no corrective action" warning
 * needs, without SPC or overdue dates.
 */
export function ragJudgements(partnership: Partnership): RagJudgement[] {
  const plan = planOf(partnership);
  const profiles = targetProfiles(partnership.targets ?? []);
  const { periods } = partnership;
  return partnership.indicators.map((indicator) => {
    const { history, rag } = ragOverPeriods(
      indicator,
      periods,
      plan,
      partnership.details.endDate,
      profiles.get(indicator.id),
    );
    return { rag, redTwice: redTwiceRunning(history) };
  });
}

/** Each period's expected value: the Targets table's, else the line from baseline to target. */
function expectedOf(
  indicator: Indicator,
  periods: readonly string[],
  plan: PeriodPlan | null,
  planEnd: IsoDate | null,
  profile: ReadonlyMap<string, number> | undefined,
): (number | null)[] {
  return plan === null
    ? periods.map((label) => profile?.get(label) ?? indicator.target)
    : expectedValues({
        plan,
        baseline: indicator.baseline,
        target: indicator.target,
        targetDate: indicator.targetDate ?? null,
        planEnd,
        profile,
      });
}

/** The index of the latest period with a value, or -1. */
function latestWithValue(values: readonly (number | null)[]): number {
  let latest = values.length - 1;
  while (latest >= 0 && values[latest] === null) latest--;
  return latest;
}

/** Every period's RAG against what it expected, and the latest period with a value and its RAG. */
function ragOverPeriods(
  indicator: Indicator,
  periods: readonly string[],
  plan: PeriodPlan | null,
  planEnd: IsoDate | null,
  profile: ReadonlyMap<string, number> | undefined,
) {
  const values = periods.map((_, i) => indicator.values[i] ?? null);
  const expected = expectedOf(indicator, periods, plan, planEnd, profile);
  const history = ragHistory(values, expected, indicator.tolerance, indicator.polarity);
  const latest = latestWithValue(values);
  const rag: RagStatus = latest < 0 ? "No data" : (history[latest] ?? "No data");
  return { values, expected, history, latest, rag };
}

import type { FinanceLine, Partner } from "../model/types.js";

/**
 * The three Es for one service line, as the National Audit Office defines
 * them: economy is spending less (what the inputs cost against plan or
 * benchmark), efficiency is spending well (outputs for the inputs),
 * effectiveness is spending wisely (outcomes against what was intended).
 *
 * A blank input or a division by zero gives null (a blank cell in the
 * sheet), never an error; a zero numerator is a real zero. Nothing is
 * rounded: rounding is the number format's job.
 */
export interface FinanceRatios {
  /**
   * Forecast outturn − budget, both for the whole year; null without a
   * forecast, because spend to date set against a full-year budget looks
   * like an underspend all year.
   */
  variance: number | null;
  variancePercent: number | null;
  /** Actual spend to date ÷ outputs delivered to date. */
  unitCost: number | null;
  /**
   * Economy: (unit cost − benchmark unit cost) ÷ benchmark unit cost.
   * Positive means the outputs cost more than planned; negative, less.
   */
  economy: number | null;
  /** Outputs per £1,000 of actual spend. */
  efficiency: number | null;
  /** Outcomes achieved ÷ outcome target; null when no outcome is recorded. */
  effectiveness: number | null;
  costPerOutcome: number | null;
}

/** a ÷ b, or null when either is missing or b is zero. */
export function safeDivide(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null;
  return a / b;
}

function perThousand(perPound: number | null): number | null {
  return perPound === null ? null : perPound * 1000;
}

export function financeRatios(line: FinanceLine): FinanceRatios {
  const { budget, actual, outputs, outcomeTarget, outcomesAchieved } = line;
  const forecast = line.forecast ?? null;
  const benchmark = line.benchmarkUnitCost ?? null;
  const variance = forecast === null || budget === null ? null : forecast - budget;
  const unitCost = safeDivide(actual, outputs);
  return {
    variance,
    variancePercent: safeDivide(variance, budget),
    unitCost,
    economy: safeDivide(
      unitCost === null || benchmark === null ? null : unitCost - benchmark,
      benchmark,
    ),
    efficiency: perThousand(safeDivide(outputs, actual)),
    effectiveness: safeDivide(outcomesAchieved, outcomeTarget),
    costPerOutcome: safeDivide(actual, outcomesAchieved),
  };
}

/**
 * Two lines share a measure when their measure texts match ignoring case,
 * as Excel's `=` compares text, so the sheet and this code group alike.
 */
export function sameMeasure(a: string, b: string): boolean {
  return a !== "" && a.toLowerCase() === b.toLowerCase();
}

/** Efficiency across the lines that count the same output: bed days are never added to referrals. */
export interface OutputUnitTotal {
  outputMeasure: string;
  /** The lines counted: each has outputs and actual spend recorded. */
  serviceLines: string[];
  outputs: number;
  actual: number;
  /** Outputs per £1,000 of their actual spend. */
  efficiency: number | null;
  unitCost: number | null;
}

/** Effectiveness across the lines that count the same outcome. */
export interface OutcomeUnitTotal {
  outcomeMeasure: string;
  /** The lines counted: each has an outcome target and outcomes achieved recorded. */
  serviceLines: string[];
  outcomeTarget: number;
  outcomesAchieved: number;
  effectiveness: number | null;
}

function countsForEfficiency(line: FinanceLine): boolean {
  return line.outputs !== null && line.actual !== null;
}

/** A line with no outcome recorded is left out, not counted as none achieved. */
export function countsForEffectiveness(line: FinanceLine): boolean {
  return line.outcomesAchieved !== null && line.outcomeTarget !== null;
}

/** Groups lines by a measure, in first-seen order, keeping groups of two lines or more. */
function groups(
  lines: readonly FinanceLine[],
  measure: (line: FinanceLine) => string,
  counts: (line: FinanceLine) => boolean,
): FinanceLine[][] {
  const found: FinanceLine[][] = [];
  for (const line of lines.filter(counts)) {
    const group = found.find(
      (g) => g[0] !== undefined && sameMeasure(measure(g[0]), measure(line)),
    );
    if (group) group.push(line);
    else if (measure(line) !== "") found.push([line]);
  }
  return found.filter((g) => g.length >= 2);
}

function sum(values: readonly (number | null | undefined)[]): number {
  return values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

export function outputUnitTotals(lines: readonly FinanceLine[]): OutputUnitTotal[] {
  return groups(lines, (l) => l.outputMeasure, countsForEfficiency).map((group) => {
    const outputs = sum(group.map((l) => l.outputs));
    const actual = sum(group.map((l) => l.actual));
    return {
      outputMeasure: group[0]?.outputMeasure ?? "",
      serviceLines: group.map((l) => l.serviceLine),
      outputs,
      actual,
      efficiency: perThousand(safeDivide(outputs, actual)),
      unitCost: safeDivide(actual, outputs),
    };
  });
}

export function outcomeUnitTotals(lines: readonly FinanceLine[]): OutcomeUnitTotal[] {
  return groups(lines, (l) => l.outcomeMeasure, countsForEffectiveness).map((group) => {
    const outcomeTarget = sum(group.map((l) => l.outcomeTarget));
    const outcomesAchieved = sum(group.map((l) => l.outcomesAchieved));
    return {
      outcomeMeasure: group[0]?.outcomeMeasure ?? "",
      serviceLines: group.map((l) => l.serviceLine),
      outcomeTarget,
      outcomesAchieved,
      effectiveness: safeDivide(outcomesAchieved, outcomeTarget),
    };
  });
}

/**
 * Money totals: pounds add up across lines, outputs and outcomes do not
 * (see `outputUnitTotals` and `outcomeUnitTotals`).
 */
export interface FinanceTotals {
  budget: number;
  /** Spend to date. */
  actual: number;
  /** Forecast outturn of the lines that have one. */
  forecast: number;
  /** Σ (forecast − budget) over the lines with both; 0 when none has. */
  variance: number;
  /** `variance` ÷ the budgets of those same lines, or null. */
  variancePercent: number | null;
  /** Lines with a budget but no forecast: left out of the variance. */
  linesWithoutForecast: number;
}

export function financeTotals(lines: readonly FinanceLine[]): FinanceTotals {
  const withVariance = lines.filter((l) => financeRatios(l).variance !== null);
  const variance = sum(withVariance.map((l) => financeRatios(l).variance));
  return {
    budget: sum(lines.map((l) => l.budget)),
    actual: sum(lines.map((l) => l.actual)),
    forecast: sum(lines.map((l) => l.forecast)),
    variance,
    variancePercent: safeDivide(variance, sum(withVariance.map((l) => l.budget))),
    linesWithoutForecast: lines.filter((l) => l.budget !== null && (l.forecast ?? null) === null)
      .length,
  };
}

/** One service line's measures, with the same-measure totals it takes part in. */
export interface FinanceLineMeasures {
  line: FinanceLine;
  ratios: FinanceRatios;
  /** Efficiency of all lines with this output measure, when two or more count; else null. */
  outputUnitEfficiency: number | null;
  /** Effectiveness of all lines with this outcome measure, when two or more count; else null. */
  outcomeUnitEffectiveness: number | null;
}

/** Everything the sheet, the documents and the reports say about finance, computed once. */
export interface FinanceMeasures {
  lines: FinanceLineMeasures[];
  totals: FinanceTotals;
  byOutputMeasure: OutputUnitTotal[];
  byOutcomeMeasure: OutcomeUnitTotal[];
  /** Service lines with no outcome recorded, left out of effectiveness. */
  noOutcomeRecorded: string[];
}

export function financeMeasures(lines: readonly FinanceLine[]): FinanceMeasures {
  const byOutputMeasure = outputUnitTotals(lines);
  const byOutcomeMeasure = outcomeUnitTotals(lines);
  return {
    lines: lines.map((line) => ({
      line,
      ratios: financeRatios(line),
      outputUnitEfficiency: countsForEfficiency(line)
        ? (byOutputMeasure.find((t) => sameMeasure(t.outputMeasure, line.outputMeasure))
            ?.efficiency ?? null)
        : null,
      outcomeUnitEffectiveness: countsForEffectiveness(line)
        ? (byOutcomeMeasure.find((t) => sameMeasure(t.outcomeMeasure, line.outcomeMeasure))
            ?.effectiveness ?? null)
        : null,
    })),
    totals: financeTotals(lines),
    byOutputMeasure,
    byOutcomeMeasure,
    noOutcomeRecorded: lines.filter((l) => !countsForEffectiveness(l)).map((l) => l.serviceLine),
  };
}

/** What `check` and the task pane show: money totals, the pooled fund and same-measure totals. */
export interface FinanceSummary extends FinanceTotals {
  /** The partners' cash contributions added up, to set against `budget`. */
  pooledFund: number;
  byOutputMeasure: OutputUnitTotal[];
  byOutcomeMeasure: OutcomeUnitTotal[];
}

export function financeSummary(
  lines: readonly FinanceLine[],
  partners: readonly Partner[],
): FinanceSummary {
  return {
    ...financeTotals(lines),
    pooledFund: pooledFundTotal(partners),
    byOutputMeasure: outputUnitTotals(lines),
    byOutcomeMeasure: outcomeUnitTotals(lines),
  };
}

/** The pooled fund: every partner's cash contribution added up (blank counts as none). */
export function pooledFundTotal(partners: readonly Partner[]): number {
  return sum(partners.map((p) => p.contribution));
}

/**
 * Each partner's share of the pooled fund: its cash contribution over the
 * total, the basis for sharing overspends and underspends.
 */
export function contributionShares(partners: readonly Partner[]): (number | null)[] {
  const total = pooledFundTotal(partners);
  return partners.map((p) => safeDivide(p.contribution, total));
}

import type { FinanceLine, Partner } from "../model/types.js";

/**
 * The three Es for one service line. A blank input or a division by zero
 * gives null (a blank cell in the sheet), never an error; a zero numerator
 * is a real zero. Nothing is rounded: rounding is the number format's job.
 */
export interface FinanceRatios {
  variance: number | null;
  variancePercent: number | null;
  unitCost: number | null;
  /** Outputs per £1,000 of actual spend: the seed's efficiency. */
  efficiency: number | null;
  effectiveness: number | null;
  costPerOutcome: number | null;
}

/** a ÷ b, or null when either is missing or b is zero. */
export function safeDivide(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null;
  return a / b;
}

export function financeRatios(line: FinanceLine): FinanceRatios {
  const { budget, actual, outputs, outcomeTarget, outcomesAchieved } = line;
  const variance = actual === null || budget === null ? null : actual - budget;
  const efficiencyPerPound = safeDivide(outputs, actual);
  return {
    variance,
    variancePercent: safeDivide(variance, budget),
    unitCost: safeDivide(actual, outputs),
    efficiency: efficiencyPerPound === null ? null : efficiencyPerPound * 1000,
    effectiveness: safeDivide(outcomesAchieved, outcomeTarget),
    costPerOutcome: safeDivide(actual, outcomesAchieved),
  };
}

export interface FinanceTotals {
  budget: number;
  actual: number;
  outputs: number;
  outcomeTarget: number;
  outcomesAchieved: number;
  variance: number;
  variancePercent: number | null;
  /** Total outputs per £1,000 of total actual spend. */
  efficiency: number | null;
  effectiveness: number | null;
}

function sum(values: (number | null)[]): number {
  return values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

export function financeTotals(lines: readonly FinanceLine[]): FinanceTotals {
  const budget = sum(lines.map((l) => l.budget));
  const actual = sum(lines.map((l) => l.actual));
  const outputs = sum(lines.map((l) => l.outputs));
  const outcomeTarget = sum(lines.map((l) => l.outcomeTarget));
  const outcomesAchieved = sum(lines.map((l) => l.outcomesAchieved));
  const perPound = safeDivide(outputs, actual);
  return {
    budget,
    actual,
    outputs,
    outcomeTarget,
    outcomesAchieved,
    variance: actual - budget,
    variancePercent: safeDivide(actual - budget, budget),
    efficiency: perPound === null ? null : perPound * 1000,
    effectiveness: safeDivide(outcomesAchieved, outcomeTarget),
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

import { describe, expect, it } from "vitest";
import {
  contributionShares,
  financeRatios,
  financeTotals,
  pooledFundTotal,
  safeDivide,
} from "../../../core/measures/finance.js";
import type { FinanceLine, Partner } from "../../../core/model/types.js";

const line = (overrides: Partial<FinanceLine>): FinanceLine => ({
  serviceLine: "Reablement",
  leadPartner: "NCC",
  budget: 200_000,
  actual: 250_000,
  outputMeasure: "Hours",
  outputs: 5_000,
  outcomeMeasure: "People independent at 91 days",
  outcomeTarget: 400,
  outcomesAchieved: 300,
  ...overrides,
});

describe("financeRatios", () => {
  it("computes the three Es as the guidance defines them", () => {
    const r = financeRatios(line({}));
    expect(r.variance).toBe(50_000);
    expect(r.variancePercent).toBe(0.25);
    expect(r.unitCost).toBe(50);
    expect(r.efficiency).toBe(20); // 5,000 outputs ÷ £250,000 × 1,000
    expect(r.effectiveness).toBe(0.75);
    expect(r.costPerOutcome).toBeCloseTo(833.3333333, 6);
  });
  it("does not round: the exact quotient is kept", () => {
    expect(financeRatios(line({ actual: 1000, outputs: 3 })).unitCost).toBe(1000 / 3);
  });
  it("gives blank (null) for a division by zero or a blank input, never an error", () => {
    const r = financeRatios(line({ outputs: 0, outcomesAchieved: 0, budget: 0 }));
    expect(r.unitCost).toBeNull();
    expect(r.costPerOutcome).toBeNull();
    expect(r.variancePercent).toBeNull();
    expect(financeRatios(line({ actual: null })).variance).toBeNull();
    expect(financeRatios(line({ actual: 0 })).efficiency).toBeNull();
  });
  it("keeps a zero numerator as a real zero", () => {
    const r = financeRatios(line({ outputs: 0, outcomesAchieved: 0 }));
    expect(r.efficiency).toBe(0);
    expect(r.effectiveness).toBe(0);
    expect(financeRatios(line({ actual: 0 })).unitCost).toBe(0);
  });
  it("safeDivide is null for missing inputs", () => {
    expect(safeDivide(null, 2)).toBeNull();
    expect(safeDivide(2, null)).toBeNull();
    expect(safeDivide(1, 4)).toBe(0.25);
  });
});

describe("financeTotals", () => {
  it("sums lines, treating blanks as zero, and computes overall ratios", () => {
    const t = financeTotals([line({}), line({ budget: 100_000, actual: null, outputs: null })]);
    expect(t.budget).toBe(300_000);
    expect(t.actual).toBe(250_000);
    expect(t.variance).toBe(-50_000);
    expect(t.efficiency).toBe(20);
  });
  it("has blank ratios for no lines", () => {
    const t = financeTotals([]);
    expect(t.efficiency).toBeNull();
    expect(t.variancePercent).toBeNull();
  });
});

describe("contributionShares", () => {
  const partner = (contribution: number | null) => ({ contribution }) as Partner;
  it("is each contribution over the total", () => {
    expect(contributionShares([partner(300), partner(100), partner(null)])).toEqual([
      0.75,
      0.25,
      null,
    ]);
  });
  it("shares out the pooled fund total, which counts blanks as nothing", () => {
    expect(pooledFundTotal([partner(300), partner(null), partner(100)])).toBe(400);
  });
  it("is blank for everyone when nobody contributes", () => {
    expect(contributionShares([partner(null), partner(0)])).toEqual([null, null]);
  });
});

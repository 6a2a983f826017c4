import { describe, expect, it } from "vitest";
import {
  contributionShares,
  financeMeasures,
  financeRatios,
  financeSummary,
  financeTotals,
  outcomeUnitTotals,
  outputUnitTotals,
  pooledFundTotal,
  safeDivide,
} from "../../../core/measures/finance.js";
import type { FinanceLine, Partner } from "../../../core/model/types.js";

const line = (overrides: Partial<FinanceLine>): FinanceLine => ({
  serviceLine: "Reablement",
  leadPartner: "NCC",
  budget: 200_000,
  actual: 250_000,
  forecast: 250_000,
  outputMeasure: "Hours",
  outputs: 5_000,
  benchmarkUnitCost: 40,
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
    expect(financeRatios(line({ forecast: null })).variance).toBeNull();
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

describe("economy", () => {
  it("is the unit cost against the benchmark unit cost: positive costs more than planned", () => {
    expect(financeRatios(line({})).economy).toBe(0.25); // £50 an hour against £40
    expect(financeRatios(line({ benchmarkUnitCost: 62.5 })).economy).toBe(-0.2);
    expect(financeRatios(line({ benchmarkUnitCost: 50 })).economy).toBe(0);
  });
  it("is blank without a benchmark, a unit cost, or with a zero benchmark", () => {
    expect(financeRatios(line({ benchmarkUnitCost: null })).economy).toBeNull();
    expect(financeRatios(line({ benchmarkUnitCost: undefined })).economy).toBeNull();
    expect(financeRatios(line({ benchmarkUnitCost: 0 })).economy).toBeNull();
    expect(financeRatios(line({ outputs: 0 })).economy).toBeNull();
  });
});

describe("forecast variance", () => {
  it("sets the forecast outturn, not spend to date, against the full-year budget", () => {
    // Half-way through the year: £120,000 spent of £200,000 looks like an underspend,
    // but the forecast says the line will end £30,000 over.
    const r = financeRatios(line({ actual: 120_000, forecast: 230_000 }));
    expect(r.variance).toBe(30_000);
    expect(r.variancePercent).toBe(0.15);
  });
  it("is blank without a forecast, whatever has been spent", () => {
    const r = financeRatios(line({ actual: 120_000, forecast: null }));
    expect(r.variance).toBeNull();
    expect(r.variancePercent).toBeNull();
    expect(financeRatios(line({ forecast: undefined })).variance).toBeNull();
  });
  it("totals only lines with a forecast, against their own budgets", () => {
    const t = financeTotals([
      line({ budget: 200_000, forecast: 230_000 }),
      line({ budget: 100_000, forecast: 90_000 }),
      line({ budget: 500_000, actual: 10_000, forecast: null }),
    ]);
    expect(t.budget).toBe(800_000);
    expect(t.forecast).toBe(320_000);
    expect(t.variance).toBe(20_000);
    expect(t.variancePercent).toBe(20_000 / 300_000);
    expect(t.linesWithoutForecast).toBe(1);
  });
  it("has no percentage for no lines", () => {
    const t = financeTotals([]);
    expect(t.variance).toBe(0);
    expect(t.variancePercent).toBeNull();
  });
});

describe("totals by unit", () => {
  const beds = line({
    serviceLine: "Beds",
    outputMeasure: "Bed days",
    outputs: 14_200,
    actual: 1_512_000,
  });
  const moreBeds = line({
    serviceLine: "More beds",
    outputMeasure: "bed days",
    outputs: 800,
    actual: 88_000,
  });
  const referrals = line({
    serviceLine: "Triage",
    outputMeasure: "Referrals",
    outputs: 5_665,
    actual: 455_000,
  });
  it("never adds bed days to referrals: one total per output measure shared by two lines or more", () => {
    const totals = outputUnitTotals([beds, referrals, moreBeds]);
    expect(totals).toHaveLength(1);
    expect(totals[0]?.outputMeasure).toBe("Bed days");
    expect(totals[0]?.serviceLines).toEqual(["Beds", "More beds"]);
    expect(totals[0]?.outputs).toBe(15_000);
    expect(totals[0]?.actual).toBe(1_600_000);
    expect(totals[0]?.efficiency).toBe((15_000 / 1_600_000) * 1000);
    expect(totals[0]?.unitCost).toBe(1_600_000 / 15_000);
  });
  it("has no total when every line counts something different, or a measure is blank", () => {
    expect(outputUnitTotals([beds, referrals])).toEqual([]);
    const blank = { outputMeasure: "" };
    expect(outputUnitTotals([line(blank), line(blank)])).toEqual([]);
  });
  it("leaves a line out of efficiency when its outputs or spend are blank", () => {
    const noOutputs = line({ serviceLine: "New", outputMeasure: "Bed days", outputs: null });
    expect(outputUnitTotals([beds, noOutputs])).toEqual([]);
    expect(outputUnitTotals([beds, noOutputs, moreBeds])[0]?.serviceLines).toEqual([
      "Beds",
      "More beds",
    ]);
  });
  it("leaves out a line with no outcome recorded rather than counting it as none achieved", () => {
    const a = line({ serviceLine: "A", outcomeTarget: 400, outcomesAchieved: 300 });
    const b = line({ serviceLine: "B", outcomeTarget: 100, outcomesAchieved: 100 });
    const notYet = line({ serviceLine: "C", outcomeTarget: 150, outcomesAchieved: null });
    const totals = outcomeUnitTotals([a, notYet, b]);
    expect(totals).toHaveLength(1);
    expect(totals[0]?.serviceLines).toEqual(["A", "B"]);
    expect(totals[0]?.outcomeTarget).toBe(500); // not 650
    expect(totals[0]?.effectiveness).toBe(0.8); // not 400 ÷ 650
    expect(financeRatios(notYet).effectiveness).toBeNull();
  });
  it("counts a recorded zero as a real zero", () => {
    const a = line({ serviceLine: "A", outcomeTarget: 100, outcomesAchieved: 100 });
    const zero = line({ serviceLine: "Z", outcomeTarget: 100, outcomesAchieved: 0 });
    expect(outcomeUnitTotals([a, zero])[0]?.effectiveness).toBe(0.5);
  });
});

describe("financeMeasures", () => {
  it("gives each line its ratios and the same-measure totals it takes part in", () => {
    const beds = line({
      serviceLine: "Beds",
      outputMeasure: "Bed days",
      outputs: 100,
      actual: 10_000,
    });
    const moreBeds = line({
      serviceLine: "More beds",
      outputMeasure: "Bed days",
      outputs: 300,
      actual: 10_000,
    });
    const triage = line({
      serviceLine: "Triage",
      outputMeasure: "Referrals",
      outcomeMeasure: "Resolved",
      outcomesAchieved: null,
    });
    const m = financeMeasures([beds, moreBeds, triage]);
    expect(m.lines.map((l) => l.outputUnitEfficiency)).toEqual([20, 20, null]);
    expect(m.lines[0]?.ratios.efficiency).toBe(10);
    expect(m.lines[1]?.ratios.efficiency).toBe(30);
    expect(m.lines.map((l) => l.outcomeUnitEffectiveness)).toEqual([0.75, 0.75, null]);
    expect(m.byOutputMeasure).toHaveLength(1);
    expect(m.byOutcomeMeasure).toHaveLength(1);
    expect(m.noOutcomeRecorded).toEqual(["Triage"]);
    expect(m.totals.budget).toBe(600_000);
  });
  it("financeSummary adds the pooled fund beside the budgets", () => {
    const partner = (contribution: number | null) => ({ contribution }) as Partner;
    const s = financeSummary([line({})], [partner(150_000), partner(100_000)]);
    expect(s.pooledFund).toBe(250_000);
    expect(s.budget).toBe(200_000);
    expect(s).not.toHaveProperty("efficiency");
    expect(s).not.toHaveProperty("effectiveness");
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

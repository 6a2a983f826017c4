import { describe, expect, it } from "vitest";
import { processLimits, spc, spcDetail, type SpcInput } from "../../../core/measures/spc.js";
import type { Polarity } from "../../../core/model/types.js";

// Every series below is worked by hand in its comment: mean, moving ranges
// (MR), their mean MR̄, limits mean ± 2.66 × MR̄, and the near-limit band
// beyond two thirds of the way from the mean to a limit.

const periods = (n: number) => Array.from({ length: n }, (_, i) => `P${i + 1}`);
const input = (values: (number | null)[], extra: Partial<SpcInput> = {}): SpcInput => ({
  values,
  periods: periods(values.length),
  polarity: "Higher is better",
  target: null,
  ...extra,
});
/** `count` values alternating a, b, a, … */
const alternate = (a: number, b: number, count: number) =>
  Array.from({ length: count }, (_, i) => (i % 2 === 0 ? a : b));
const flags = (marks: boolean[] | undefined) => (marks ?? []).map((m) => (m ? 1 : 0)).join("");

// 9, 11 alternating then 22. Mean 142/13 = 10.923. MRs: eleven 2s and 11;
// MR̄ = 33/12 = 2.75, and 11 ≥ 3.267 × 2.75 = 8.98 is screened out, so
// MR̄ = 2: limits 10.923 ± 5.32 = 5.603 … 16.243; only 22 is beyond.
const OUTLIER_LAST = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 22];

describe("processLimits", () => {
  it("mean ± 2.66 × the mean moving range", () => {
    // Mean 58/5; MRs 2, 1, 2, 1; MR̄ 1.5.
    const limits = processLimits([10, 12, 11, 13, 12]);
    expect(limits.mean).toBe(58 / 5);
    expect(limits.movingRangeMean).toBe(1.5);
    expect(limits.lower).toBe(58 / 5 - 2.66 * 1.5);
    expect(limits.upper).toBe(58 / 5 + 2.66 * 1.5);
  });
  it("screens out a moving range of 3.267 × MR̄ or more, then recomputes MR̄ once only", () => {
    // MRs: ten 1s, 5 and 40. MR̄ = 55/12 = 4.58; 40 ≥ 14.97 goes. Recomputed:
    // 15/11 = 1.36; 5 is now ≥ 3.267 × 1.36 = 4.45 but stays (screening is once).
    const limits = processLimits([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 5, 45]);
    expect(limits.movingRangeMean).toBe(15 / 11);
  });
  it("screens a moving range exactly 3.267 × MR̄ out (or more, not only more)", () => {
    // MRs 244, 244, 245, 3267: MR̄ = 4000/4 = 1000, and 3267 = 3.267 × 1000.
    expect(processLimits([0, 244, 0, 245, 3512]).movingRangeMean).toBe(733 / 3);
  });
  it("a flat series has zero-width limits and no special cause", () => {
    const limits = processLimits([5, 5, 5, 5]);
    expect([limits.lower, limits.mean, limits.upper]).toEqual([5, 5, 5]);
    expect(spc(input(Array(12).fill(5)))?.special).toEqual(Array(12).fill(false));
  });
});

describe("spc: at least 12 values, blanks skipped", () => {
  it("is null below 12 values, counting only non-blank ones", () => {
    expect(spc(input([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]))).toBeNull();
    expect(spc(input([1, null, 2, 3, 4, null, 5, 6, 7, 8, 9, 10, 11, null]))).toBeNull();
    expect(spc(input([]))).toBeNull();
  });
  it("skips blanks: the same result as without them, one flag per value used", () => {
    const withBlanks = [null, 9, 11, 9, null, 11, 9, 11, 9, 11, 9, 11, 9, 11, null, 22, null];
    const result = spc(input(withBlanks));
    expect(result).toEqual(spc(input(OUTLIER_LAST)));
    expect(result?.special).toHaveLength(13);
  });
  it("is computed from exactly 12 values", () => {
    expect(spc(input([9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11]))).toEqual({
      mean: 10,
      lower: 10 - 2.66 * 2,
      upper: 10 + 2.66 * 2,
      variation: "common",
      assurance: null,
      special: Array(12).fill(false),
    });
  });
  it("needs one period label per value", () => {
    expect(() => spc({ ...input([1, 2]), periods: ["P1"] })).toThrow(/one period label per value/);
  });
});

describe("spc: each rule in a whole series", () => {
  it("rule 1 with screening: only the outlier is beyond the limits", () => {
    const result = spc(input(OUTLIER_LAST));
    expect(result?.mean).toBe(142 / 13);
    expect(result?.lower).toBe(142 / 13 - 2.66 * 2);
    expect(result?.upper).toBe(142 / 13 + 2.66 * 2);
    expect(flags(result?.special)).toBe("0000000000001");
  });

  it("rule 2: 7 points above the mean are a shift, 6 are not", () => {
    // 8, 9 ×… then 12, 11 ×…: mean 123/12 = 10.25; MRs ten 1s and 4, MR̄ 14/11;
    // limits 10.25 ± 3.39, near band beyond ± 2.26: nothing near or beyond.
    const seven = spc(input([8, 9, 8, 9, 8, 12, 11, 12, 11, 12, 11, 12]));
    expect(seven?.mean).toBe(10.25);
    expect(flags(seven?.special)).toBe("000001111111");
    // Six below then six above: mean 10; MR̄ 13/11; nothing marked.
    const six = spc(input([8, 9, 8, 9, 8, 9, 12, 11, 12, 11, 12, 11]));
    expect(six?.mean).toBe(10);
    expect(flags(six?.special)).toBe("000000000000");
  });

  it("rule 2: a point exactly on the mean breaks a run of 7", () => {
    // Six below, then 10.5 11.5 10.5 [10] 11.5 10.5 11.5: sum 130, mean 10 exactly.
    // MRs five 1s, 2, 1, 1, 0.5, 1.5, 1, 1: MR̄ 13/12; limits 10 ± 2.88, near ± 1.92.
    const onMean = [9.5, 8.5, 9.5, 8.5, 9.5, 8.5, 10.5, 11.5, 10.5, 10, 11.5, 10.5, 11.5];
    const result = spc(input(onMean));
    expect(result?.mean).toBe(10);
    expect(flags(result?.special)).toBe("0000000000000");
    expect(result?.variation).toBe("common");
    // The same with 10.5 for the 10: mean 130.5/13 = 10.04, the seven are a shift.
    const run = spc(input(onMean.map((v) => (v === 10 ? 10.5 : v))));
    expect(flags(run?.special)).toBe("0000001111111");
  });

  it("rule 3: 7 rising points are a trend; a tie among them breaks it", () => {
    // 10, 12 ×3 then 9 … 12 by halves: mean 139.5/13 = 10.73; MRs five 2s, 3,
    // six 0.5s: MR̄ 16/12; limits 10.73 ± 3.55, near ± 2.36: no other rule fires.
    const trend = spc(input([10, 12, 10, 12, 10, 12, 9, 9.5, 10, 10.5, 11, 11.5, 12]));
    expect(trend?.mean).toBe(139.5 / 13);
    expect(flags(trend?.special)).toBe("0000001111111");
    expect(trend?.variation).toBe("improvement");
    // 9, 9.5, 10, 10, 10.5, 11, 11.5: the tie splits 7 points into 3 and 4.
    const tie = spc(input([10, 12, 10, 12, 10, 12, 9, 9.5, 10, 10, 10.5, 11, 11.5]));
    expect(flags(tie?.special)).toBe("0000000000000");
  });

  it("rule 4: two of three near the upper limit, on one side of the mean", () => {
    // 10, 11, 9 ×4 then 15, 12, 15: mean 162/15 = 10.8; MRs sum 15 + 6 + 3 + 3 = 27
    // over 14; limits 10.8 ± 5.13, near beyond 14.22: both 15s, not 12.
    const result = spc(input([10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 15, 12, 15]));
    expect(result?.mean).toBe(10.8);
    expect(result?.upper).toBe(10.8 + 2.66 * (27 / 14));
    expect(flags(result?.special)).toBe("000000000000101");
  });
});

describe("spc: variation of the latest point", () => {
  const mirrored = OUTLIER_LAST.map((v) => -v);
  const variation = (values: number[], polarity: Polarity | null) =>
    spc(input(values, { polarity }))?.variation;

  it("common when the latest point is not special cause", () => {
    expect(variation([...OUTLIER_LAST, 11], "Higher is better")).toBe("common");
  });
  it("Higher is better: special high is improvement, special low is concern", () => {
    expect(variation(OUTLIER_LAST, "Higher is better")).toBe("improvement");
    expect(variation(mirrored, "Higher is better")).toBe("concern");
  });
  it("Lower is better: special high is concern, special low is improvement", () => {
    expect(variation(OUTLIER_LAST, "Lower is better")).toBe("concern");
    expect(variation(mirrored, "Lower is better")).toBe("improvement");
  });
  it("Closer to target (or no polarity): neutral high or neutral low", () => {
    expect(variation(OUTLIER_LAST, "Closer to target")).toBe("neutral_high");
    expect(variation(mirrored, "Closer to target")).toBe("neutral_low");
    expect(variation(OUTLIER_LAST, null)).toBe("neutral_high");
  });
  it("a trend point lying exactly on the mean reads by the trend's direction", () => {
    // 13, 14 ×3 then 4 … 10 rising: sum 130, mean 10, so the latest point (10) is
    // on the mean and only the trend marks it. Falling: 7, 6 ×3 then 16 … 10.
    const rising = [13, 14, 13, 14, 13, 14, 4, 5, 6, 7, 8, 9, 10];
    const falling = [7, 6, 7, 6, 7, 6, 16, 15, 14, 13, 12, 11, 10];
    expect(spc(input(rising))?.mean).toBe(10);
    expect(spc(input(falling))?.mean).toBe(10);
    expect(spc(input(rising))?.special.at(-1)).toBe(true);
    expect(variation(rising, "Higher is better")).toBe("improvement");
    expect(variation(falling, "Higher is better")).toBe("concern");
    expect(variation(falling, "Lower is better")).toBe("improvement");
    expect(variation(rising, "Closer to target")).toBe("neutral_high");
  });
});

describe("spc: assurance (the target against the limits)", () => {
  // OUTLIER_LAST: limits 5.603 … 16.243.
  const assurance = (target: number | null, polarity: Polarity) =>
    spc(input(OUTLIER_LAST, { target, polarity }))?.assurance;
  const upper = 142 / 13 + 2.66 * 2;

  it("Higher is better: target above the upper limit fails, below the lower limit passes", () => {
    expect(assurance(17, "Higher is better")).toBe("fail");
    expect(assurance(5, "Higher is better")).toBe("pass");
    expect(assurance(10, "Higher is better")).toBe("inconsistent");
    expect(assurance(upper, "Higher is better")).toBe("inconsistent");
  });
  it("Lower is better: reversed", () => {
    expect(assurance(17, "Lower is better")).toBe("pass");
    expect(assurance(5, "Lower is better")).toBe("fail");
    expect(assurance(10, "Lower is better")).toBe("inconsistent");
  });
  it("null without a target, or for Closer to target", () => {
    expect(assurance(null, "Higher is better")).toBeNull();
    expect(assurance(17, "Closer to target")).toBeNull();
  });
});

describe("spc: a baseline fixed after N points", () => {
  // 24 values: 9, 11 alternating (12 values), then 12, 13 alternating (12).
  // Baseline of 12: mean 10, MRs all 2 so MR̄ 2, limits 10 ± 5.32 = 4.68 …
  // 15.32. The later points all lie above 10 and within the limits, and with
  // the 11 before them make a run of 13 above the mean (a shift).
  // From all 24 instead: mean 270/24 = 11.25, and the change is absorbed.
  const values = [...alternate(9, 11, 12), ...alternate(12, 13, 12)];

  it("takes the mean and limits from the first 12 values only, and flags the later shift", () => {
    const result = spc(input(values, { baselinePoints: 12, target: 15.5 }));
    expect(result?.mean).toBe(10);
    expect(result?.lower).toBe(10 - 2.66 * 2);
    expect(result?.upper).toBe(10 + 2.66 * 2);
    expect(flags(result?.special)).toBe(`${"0".repeat(11)}${"1".repeat(13)}`);
    expect(result?.variation).toBe("improvement");
    expect(result?.assurance).toBe("fail");
  });
  it("without the baseline the limits move with the new points", () => {
    expect(spc(input(values))?.mean).toBe(270 / 24);
  });
  it("a baseline longer than the series uses every value", () => {
    expect(spc(input(values, { baselinePoints: 40 }))).toEqual(spc(input(values)));
  });
  it("refuses a baseline below 12 points (Making Data Count's least) or not whole", () => {
    expect(() => spc(input(values, { baselinePoints: 11 }))).toThrow(/at least 12; got 11/);
    expect(() => spc(input(values, { baselinePoints: 12.5 }))).toThrow(/whole number/);
  });
});

describe("spc: a rebase at a named period", () => {
  // 12 values around 10 (9, 11: MR̄ 2), then 12 around 20 (19, 21: MR̄ 2).
  const before = alternate(9, 11, 12);
  const after = alternate(19, 21, 12);
  const values = [...before, ...after];

  it("reports the latest segment's mean and limits; moving ranges do not cross the rebase", () => {
    const result = spc(input(values, { rebaseAt: "P13" }));
    expect(result?.mean).toBe(20);
    expect(result?.lower).toBe(20 - 2.66 * 2);
    expect(result?.upper).toBe(20 + 2.66 * 2);
  });
  it("judges points before the rebase against the earlier limits", () => {
    // Against the later limits (14.68 … 25.32) every earlier point would be beyond.
    expect(spc(input(values, { rebaseAt: "P13" }))?.special).toEqual(Array(24).fill(false));
  });
  it("gives each point its own segment's limits: they step at the rebase", () => {
    const detail = spcDetail(input(values, { rebaseAt: "P13" }));
    expect(detail?.limits.map((l) => l?.mean)).toEqual([
      ...Array(12).fill(10),
      ...Array(12).fill(20),
    ]);
    expect(detail?.limits[0]?.upper).toBe(10 + 2.66 * 2);
    expect(detail?.limits[23]?.upper).toBe(20 + 2.66 * 2);
  });
  it("without the rebase, the two levels are one process with two shifts", () => {
    const result = spc(input(values));
    expect(result?.mean).toBe(15);
    expect(result?.special).toEqual(Array(24).fill(true));
  });
  it("a run of 7 does not cross the rebase", () => {
    // Segment 1: 9, 11 ×4, 9, then 12 ×3: mean 125/12, MR̄ 19/11, limits
    // 5.82 … 15.01; the 12s are a run of 3 above. Segment 2: 12 ×4, then 9, 11
    // ×4: mean 128/12, MR̄ 17/11, limits 6.56 … 14.78; a run of 4 above.
    // Nothing is near a limit. As one process (mean 253/24 = 10.54) the seven
    // 12s are a run of 7 above the mean: a shift.
    const series = [...alternate(9, 11, 9), 12, 12, 12, 12, 12, 12, 12, ...alternate(9, 11, 8)];
    expect(flags(spc(input(series))?.special)).toBe(
      `${"0".repeat(9)}${"1".repeat(7)}${"0".repeat(8)}`,
    );
    expect(flags(spc(input(series, { rebaseAt: "P13" }))?.special)).toBe("0".repeat(24));
  });
  it("a rebase at a blank period starts the segment at the next value", () => {
    const withBlank = [...before, null, ...after];
    const result = spc({ ...input(withBlank), rebaseAt: "P13" });
    expect(result?.mean).toBe(20);
    expect(result?.special).toHaveLength(24);
  });
  it("a rebase at the first period, or at one no value has reached, leaves one segment", () => {
    expect(spc(input(values, { rebaseAt: "P1" }))).toEqual(spc(input(values)));
    expect(spc(input([...before, null], { rebaseAt: "P13" }))).toEqual(spc(input(before)));
  });
  it("no SPC until the segment after the rebase has 12 values", () => {
    const fewAfter = [...before, ...after.slice(0, 11)];
    expect(spc(input(fewAfter, { rebaseAt: "P13" }))).toBeNull();
    expect(spc(input([...before, ...after.slice(0, 12)], { rebaseAt: "P13" }))?.mean).toBe(20);
  });
  it("points before a rebase too few for limits have none and are marked by no rule", () => {
    // Five values, then the twelve around 20: only the later segment has limits.
    const series = [5, 30, 5, 30, 5, ...after];
    const detail = spcDetail(input(series, { rebaseAt: "P6" }));
    expect(detail?.result.mean).toBe(20);
    expect(detail?.limits.slice(0, 5)).toEqual(Array(5).fill(null));
    expect(detail?.result.special).toEqual(Array(17).fill(false));
  });
  it("applies a baseline to each segment", () => {
    // Later segment's baseline: its first 12 values (19, 21 ×6), mean 20,
    // limits 14.68 … 25.32; the seven 26s after are beyond it and, with the 21
    // before them, a shift of eight.
    const drifting = [...before, ...after, 26, 26, 26, 26, 26, 26, 26];
    const result = spc(input(drifting, { rebaseAt: "P13", baselinePoints: 12 }));
    expect(result?.mean).toBe(20);
    expect(flags(result?.special)).toBe(`${"0".repeat(23)}${"1".repeat(8)}`);
  });
  it("names a rebase period that is not a reporting period", () => {
    expect(() => spc(input(values, { rebaseAt: "Q9 2031/32" }))).toThrow(
      /Rebase period "Q9 2031\/32" is not one of the reporting periods/,
    );
  });
});

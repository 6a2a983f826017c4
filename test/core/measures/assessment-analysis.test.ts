import { describe, expect, it } from "vitest";
import {
  analyseAssessments,
  isContested,
  meanChange,
  perceptionGaps,
  type InstrumentAnalysis,
} from "../../../core/measures/assessment-analysis.js";
import { roundOrder } from "../../../core/measures/assessment-rounds.js";
import { cyclePartnership, record, TRUST } from "./assessment-fixture.js";
import type { Partnership } from "../../../core/model/types.js";

function analyse(p: Partnership, round?: string): InstrumentAnalysis {
  const result = analyseAssessments(p, [TRUST], round);
  if ("error" in result) throw new Error(result.error);
  const [first] = result;
  if (!first) throw new Error("no analysis");
  return first;
}

describe("assessment analysis", () => {
  it("gives each respondent's gap from the mean of the others (hand-worked)", () => {
    // 5 vs (4+3)/2 = 3.5 → +1.5; 4 vs (5+3)/2 = 4 → 0; 3 vs (5+4)/2 = 4.5 → −1.5.
    const gaps = perceptionGaps(
      new Map([
        ["NHS", 5],
        ["LA", 4],
        ["VCS", 3],
      ]),
    );
    expect(gaps).toEqual({ NHS: 1.5, LA: 0, VCS: -1.5 });
    expect(
      perceptionGaps(
        new Map([
          ["NHS", 5],
          ["LA", null],
        ]),
      ),
    ).toEqual({});
  });

  it("flags an item contested at exactly half the scale's range, not below", () => {
    expect(isContested(2, 3, 1, 5)).toBe(true);
    expect(isContested(1.99, 3, 1, 5)).toBe(false);
    expect(isContested(1, 2, 0, 2)).toBe(true);
    expect(isContested(4, 1, 1, 5)).toBe(false);
    expect(isContested(null, 0, 1, 5)).toBe(false);
  });

  it("calls a change in the mean improved, worsened or the same", () => {
    expect(meanChange(4, 3.5)).toEqual({ previousMean: 3.5, delta: 0.5, direction: "improved" });
    expect(meanChange(3, 10 / 3)?.direction).toBe("worsened");
    expect(meanChange(3.04, 3)?.direction).toBe("same");
    expect(meanChange(3, null)).toBeNull();
  });

  it("analyses the open round from the grid against the last closed round", () => {
    const a = analyse(cyclePartnership());
    expect(a.round).toBe("2026");
    expect(a.previousRound).toBe("2025");
    expect(a.respondents).toEqual(["NHS", "LA", "VCS"]);
    const [share, say, deliver] = a.items;
    // Share: 5,4,3 → mean 4, spread 2 (contested on 1–5); 2025 mean 10/3 → improved by 2/3.
    expect(share).toMatchObject({ mean: 4, min: 3, max: 5, spread: 2, contested: true });
    expect(share?.change?.direction).toBe("improved");
    expect(share?.change?.delta).toBeCloseTo(2 / 3, 10);
    expect(share?.gaps).toEqual({ NHS: 1.5, LA: 0, VCS: -1.5 });
    // Say: 4,2 (VCS blank) → mean 3, spread 2: contested; 2025 mean 3 → same.
    expect(say).toMatchObject({ mean: 3, spread: 2, contested: true, scored: 2 });
    expect(say?.change?.direction).toBe("same");
    expect(say?.gaps).toEqual({ NHS: 2, LA: -2 });
    // Deliver: 2,2,2 → agreed; 2025 mean 2 → same; the comment of the open round is kept.
    expect(deliver).toMatchObject({ mean: 2, spread: 0, contested: false });
    expect(deliver?.comments).toEqual([{ respondent: "VCS", comment: "Could not judge" }]);
    expect(a.sections).toEqual([
      { name: "Openness", mean: 3.5, previousMean: (10 / 3 + 3) / 2 },
      { name: "Delivery", mean: 2, previousMean: 2 },
    ]);
  });

  it("analyses a closed round against the round before it, from the history alone", () => {
    const a = analyse(cyclePartnership(), "2025");
    expect(a.previousRound).toBe("2024");
    expect(a.items[0]).toMatchObject({ mean: 10 / 3, spread: 2, contested: true });
    expect(a.items[0]?.change?.direction).toBe("improved");
    expect(a.items[2]?.comments).toEqual([{ respondent: "NHS", comment: "Slow" }]);
    expect(analyseAssessments(cyclePartnership(), [TRUST], "1999")).toEqual({
      error: 'no assessment round is called "1999"; the rounds are 2024, 2025, 2026',
    });
  });

  it("has no change where there is no earlier round", () => {
    const p = cyclePartnership();
    p.assessmentHistory = [];
    const a = analyse(p);
    expect(a.previousRound).toBeNull();
    expect(a.items.every((i) => i.change === null)).toBe(true);
  });

  it("orders rounds by their earliest date, undated last", () => {
    expect(
      roundOrder([
        record("B", "2025-01-01", "x", "NHS", 1),
        { ...record("C", "2025-01-01", "x", "NHS", 1), date: null },
        record("A", "2024-01-01", "x", "NHS", 1),
      ]),
    ).toEqual(["A", "B", "C"]);
  });
});

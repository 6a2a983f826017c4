import { describe, expect, it } from "vitest";
import type { PeriodPlan } from "../../../core/measures/periods.js";
import {
  expectedValues,
  overduePeriods,
  ragAgainstExpected,
  ragHistory,
  redTwiceRunning,
  targetProfiles,
  type TrajectoryInput,
} from "../../../core/measures/trajectory.js";
import { ragFor } from "../../../core/measures/indicator.js";

// Eight quarters, Q1 2024/25 (from 1 April 2024) to Q4 2025/26 (to 31 March 2026).
const quarters: PeriodPlan = { start: "2024-04-01", length: "quarter", count: 8 };
const line = (extra: Partial<TrajectoryInput>): TrajectoryInput => ({
  plan: quarters,
  baseline: 40,
  target: 80,
  targetDate: null,
  planEnd: null,
  ...extra,
});

describe("expectedValues", () => {
  it("runs straight from the baseline (first period) to the target at the plan's end", () => {
    // Target reached in the 8th period (index 7): steps of 40/7.
    const expected = expectedValues(line({}));
    expect(expected[0]).toBe(40);
    expect(expected[1]).toBe(40 + (40 * 1) / 7);
    expect(expected[6]).toBe(40 + (40 * 6) / 7);
    expect(expected[7]).toBe(80);
  });
  it("reaches the target in the period holding the target date, then stays flat", () => {
    // 31 Dec 2024 is in Q3 2024/25 (index 2): 40, 60, 80, then 80.
    expect(expectedValues(line({ targetDate: "2024-12-31" }))).toEqual([
      40, 60, 80, 80, 80, 80, 80, 80,
    ]);
  });
  it("takes the plan's end when the target date is blank", () => {
    // Plan ends 30 Sep 2024, in Q2 (index 1): 40, then 80.
    expect(expectedValues(line({ planEnd: "2024-09-30" }))).toEqual([
      40, 80, 80, 80, 80, 80, 80, 80,
    ]);
  });
  it("continues the line past the last period when the target date is later", () => {
    // 31 Mar 2028 is in the 16th quarter (index 15): steps of 40/15, only 8 shown.
    const expected = expectedValues(line({ targetDate: "2028-03-31" }));
    expect(expected[7]).toBe(40 + (40 * 7) / 15);
  });
  it("falls as well as rises (Lower is better targets)", () => {
    expect(expectedValues(line({ baseline: 30, target: 10, targetDate: "2024-12-31" }))).toEqual([
      30, 20, 10, 10, 10, 10, 10, 10,
    ]);
  });
  it("expects the target throughout without a baseline, or with a target date in the first period or before", () => {
    expect(expectedValues(line({ baseline: null }))).toEqual(Array(8).fill(80));
    expect(expectedValues(line({ targetDate: "2024-05-01" }))).toEqual(Array(8).fill(80));
    expect(expectedValues(line({ targetDate: "2023-01-01" }))).toEqual(Array(8).fill(80));
  });
  it("expects nothing without a target", () => {
    expect(expectedValues(line({ target: null }))).toEqual(Array(8).fill(null));
  });
  it("an explicit target for a period wins; the other periods keep the line", () => {
    const profile = new Map([
      ["Q2 2024/25", 45],
      ["Q4 2025/26", 90],
    ]);
    const expected = expectedValues(line({ targetDate: "2024-12-31", profile, target: null }));
    expect(expected).toEqual([null, 45, null, null, null, null, null, 90]);
    const withTarget = expectedValues(line({ targetDate: "2024-12-31", profile }));
    expect(withTarget).toEqual([40, 45, 80, 80, 80, 80, 80, 90]);
  });
});

describe("targetProfiles", () => {
  it("groups Targets rows by indicator and period; the first row for a pair wins", () => {
    const profiles = targetProfiles([
      { indicatorId: "KPI01", period: "Q1 2024/25", target: 10 },
      { indicatorId: "KPI02", period: "Q1 2024/25", target: 5 },
      { indicatorId: "KPI01", period: "Q2 2024/25", target: 12 },
      { indicatorId: "KPI01", period: "Q1 2024/25", target: 99 },
    ]);
    expect([...(profiles.get("KPI01") ?? [])]).toEqual([
      ["Q1 2024/25", 10],
      ["Q2 2024/25", 12],
    ]);
    expect(profiles.get("KPI02")?.get("Q1 2024/25")).toBe(5);
  });
});

describe("RAG against the expected value", () => {
  it("rates exactly as ragFor rates the latest value against the target", () => {
    for (const [value, expected, tolerance] of [
      [100, 100, 0.1],
      [90, 100, 0.1],
      [89.99, 100, 0.1],
      [60.5, 50, 0.2],
    ] as const) {
      for (const polarity of ["Higher is better", "Lower is better", "Closer to target"] as const) {
        expect(ragAgainstExpected(value, expected, tolerance, polarity)).toBe(
          ragFor(value, expected, tolerance, polarity),
        );
      }
    }
  });
  it("judges in-year progress against the period's expected value, not the final target", () => {
    // Baseline 40, target 80 by Q3: expected 40, 60, 80. 58 in Q2 is within 10% of 60.
    const expected = expectedValues(line({ targetDate: "2024-12-31" }));
    const history = ragHistory([41, 58, 70, null], expected, 0.1, "Higher is better");
    expect(history).toEqual(["Green", "Amber", "Red", "No data"]);
    // Against the final target alone, the same Q2 value would be Red.
    expect(ragFor(58, 80, 0.1, "Higher is better")).toBe("Red");
  });
  it("is No data where nothing is expected", () => {
    expect(ragHistory([5, 6], [null, 6], 0.1, "Higher is better")).toEqual(["No data", "Green"]);
  });
});

describe("redTwiceRunning", () => {
  it("is true when the latest two rated periods are Red", () => {
    expect(redTwiceRunning(["Green", "Red", "Red"])).toBe(true);
    expect(redTwiceRunning(["Red", "Red", "Amber"])).toBe(false);
    expect(redTwiceRunning(["Red", "Amber", "Red"])).toBe(false);
    expect(redTwiceRunning(["Red"])).toBe(false);
  });
  it("skips periods without a value, so consecutive returns are compared", () => {
    expect(redTwiceRunning(["Red", "No data", "No data", "Red", "No data"])).toBe(true);
  });
});

describe("overduePeriods", () => {
  it("a blank quarterly value is overdue from six weeks after its quarter ends", () => {
    // Q1 2024/25 ends 30 Jun 2024: due 11 Aug 2024.
    const values = [null, null, null, null, null, null, null, null];
    const flags = (asAt: string) =>
      overduePeriods(values, quarters, "Quarterly", asAt).map(Number).join("");
    expect(flags("2024-08-10")).toBe("00000000");
    expect(flags("2024-08-11")).toBe("10000000");
    expect(flags("2024-11-11")).toBe("11000000");
  });
  it("a value that came in is never overdue", () => {
    const values = [12, null, 14, null, null, null, null, null];
    expect(overduePeriods(values, quarters, "Quarterly", "2025-06-01").map(Number).join("")).toBe(
      "01010000",
    );
  });
  it("a quarterly indicator in monthly periods owes a value only at each quarter's end", () => {
    const months: PeriodPlan = { start: "2024-04-01", length: "month", count: 6 };
    // June's return due 11 Aug 2024, September's 11 Nov 2024.
    const flags = overduePeriods(Array(6).fill(null), months, "Quarterly", "2024-12-01");
    expect(flags.map(Number).join("")).toBe("001001");
  });
  it("monthly: due the end of the next month; no frequency: the periods' own", () => {
    const months: PeriodPlan = { start: "2024-04-01", length: "month", count: 3 };
    // April's return is due 31 May 2024.
    expect(overduePeriods([null, null, null], months, "Monthly", "2024-05-30")).toEqual([
      false,
      false,
      false,
    ]);
    expect(overduePeriods([null, null, null], months, null, "2024-05-31")).toEqual([
      true,
      false,
      false,
    ]);
  });
  it("refuses an as-at date that is not a date", () => {
    expect(() => overduePeriods([null], quarters, "Annual", "today")).toThrow(
      /"As at" is not a calendar date \(YYYY-MM-DD\): "today"/,
    );
  });
});

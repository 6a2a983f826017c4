import { describe, expect, it } from "vitest";
import {
  beyondLimits,
  shifts,
  specialCause,
  trends,
  twoOfThreeNearLimit,
  type ProcessLimits,
} from "../../../core/measures/spc-rules.js";

// Fixed limits so each rule can be read by eye: mean 0, limits ±3, and the
// near-limit band beyond ±2 (two thirds of the way to a limit) up to ±3.
const LIMITS: ProcessLimits = { mean: 0, lower: -3, upper: 3, movingRangeMean: 3 / 2.66 };
const flags = (marks: boolean[]) => marks.map((mark) => (mark ? 1 : 0)).join("");

describe("rule 1: a point beyond a process limit", () => {
  it("marks points strictly beyond either limit; a point on a limit is inside", () => {
    expect(flags(beyondLimits([3, 3.01, -3, -3.5, 0], LIMITS))).toBe("01010");
  });
});

describe("rule 2: a shift of 7 or more points on one side of the mean", () => {
  it("6 points above the mean are not a shift; 7 are, and all 7 are marked", () => {
    expect(flags(shifts([1, 1, 1, 1, 1, 1, -1], LIMITS))).toBe("0000000");
    expect(flags(shifts([1, 1, 1, 1, 1, 1, 1, -1], LIMITS))).toBe("11111110");
  });
  it("below the mean alike, and a longer run is marked in full", () => {
    expect(flags(shifts([2, -1, -2, -1, -1, -2, -1, -1, -1], LIMITS))).toBe("011111111");
  });
  it("a point exactly on the mean breaks the run", () => {
    expect(flags(shifts([1, 1, 1, 0, 1, 1, 1, 1], LIMITS))).toBe("00000000");
    expect(flags(shifts([1, 1, 1, 1, 1, 1, 1, 1], LIMITS))).toBe("11111111");
  });
  it("a run of 7 that crosses the mean is two runs", () => {
    expect(flags(shifts([1, 1, 1, -1, 1, 1, 1], LIMITS))).toBe("0000000");
  });
});

describe("rule 3: a trend of 7 or more points each strictly higher (or lower)", () => {
  it("7 rising points (6 increases) are a trend; 6 rising points are not", () => {
    expect(flags(trends([1, 2, 3, 4, 5, 6, 7]))).toBe("1111111");
    expect(flags(trends([9, 1, 2, 3, 4, 5, 6, 0]))).toBe("00000000");
  });
  it("falling alike, marking only the points of the trend", () => {
    expect(flags(trends([0, 7, 6, 5, 4, 3, 2, 1, 1]))).toBe("011111110");
  });
  it("a tie breaks the trend", () => {
    expect(flags(trends([1, 2, 3, 3, 4, 5, 6, 7]))).toBe("00000000");
    expect(flags(trends([1, 2, 3, 4, 5, 6, 6, 7]))).toBe("00000000");
  });
  it("a peak shared by a rise and a fall belongs to both", () => {
    expect(flags(trends([1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1]))).toBe("1111111111111");
  });
  it("is indifferent to the mean: a trend may cross it", () => {
    expect(flags(trends([-3, -2, -1, 0, 1, 2, 3]))).toBe("1111111");
  });
});

describe("rule 4: two of three points near a limit, all three on one side", () => {
  it("marks the two near-limit points, not the third point of the window", () => {
    expect(flags(twoOfThreeNearLimit([2.5, 0.5, 2.5], LIMITS))).toBe("101");
    expect(flags(twoOfThreeNearLimit([-2.5, -2.9, -1], LIMITS))).toBe("110");
  });
  it("does not fire when the three points are on opposite sides of the mean", () => {
    expect(flags(twoOfThreeNearLimit([2.5, -0.5, 2.5], LIMITS))).toBe("000");
    expect(flags(twoOfThreeNearLimit([2.5, -2.5, 2.5], LIMITS))).toBe("000");
  });
  it("does not fire when a point of the window is on the mean", () => {
    expect(flags(twoOfThreeNearLimit([2.5, 0, 2.5], LIMITS))).toBe("000");
  });
  it("a point beyond the limit is not near-limit; one on the limit is", () => {
    expect(flags(twoOfThreeNearLimit([3.5, 2.5, 1], LIMITS))).toBe("000");
    expect(flags(twoOfThreeNearLimit([3, 2.5, 1], LIMITS))).toBe("110");
  });
  it("a point exactly two thirds of the way is not beyond it", () => {
    expect(flags(twoOfThreeNearLimit([2, 2.5, 1], LIMITS))).toBe("000");
  });
  it("one near-limit point in a window is not enough", () => {
    expect(flags(twoOfThreeNearLimit([2.5, 1, 1, 2.5, 1, 1], LIMITS))).toBe("000000");
  });
  it("needs three points: two near-limit points alone are not a window", () => {
    expect(flags(twoOfThreeNearLimit([2.5, 2.5], LIMITS))).toBe("00");
  });
});

describe("specialCause", () => {
  it("marks a point any rule marks, and nothing in a stable series", () => {
    expect(flags(specialCause([1, -1, 1, -1, 4, -1, 1], LIMITS))).toBe("0000100");
    expect(flags(specialCause([1, -1, 1, -1, 1, -1, 1], LIMITS))).toBe("0000000");
  });
});

import { describe, expect, it } from "vitest";
import {
  directionFor,
  latestValue,
  previousValue,
  ragFor,
} from "../../../core/measures/indicator.js";

describe("latestValue and previousValue", () => {
  it("take the last and the one-before-last non-blank values", () => {
    expect(latestValue([1, 2, null, 4, null])).toBe(4);
    expect(previousValue([1, 2, null, 4, null])).toBe(2);
  });
  it("are null when there are no values, or only one", () => {
    expect(latestValue([])).toBeNull();
    expect(latestValue([null, null])).toBeNull();
    expect(previousValue([null, 7])).toBeNull();
    expect(latestValue([null, 7])).toBe(7);
  });
  it("treat zero as a value, not a blank", () => {
    expect(latestValue([5, 0])).toBe(0);
    expect(previousValue([0, null, 3])).toBe(0);
  });
});

describe("ragFor", () => {
  it("Higher is better: at or above target Green, within tolerance Amber, else Red", () => {
    expect(ragFor(100, 100, 0.1, "Higher is better")).toBe("Green");
    expect(ragFor(120, 100, 0.1, "Higher is better")).toBe("Green");
    expect(ragFor(90, 100, 0.1, "Higher is better")).toBe("Amber");
    expect(ragFor(89.99, 100, 0.1, "Higher is better")).toBe("Red");
  });
  it("Lower is better: at or below target Green, within tolerance Amber, else Red", () => {
    expect(ragFor(50, 50, 0.2, "Lower is better")).toBe("Green");
    expect(ragFor(40, 50, 0.2, "Lower is better")).toBe("Green");
    expect(ragFor(60, 50, 0.2, "Lower is better")).toBe("Amber");
    expect(ragFor(60.5, 50, 0.2, "Lower is better")).toBe("Red");
  });
  it("Closer to target: within tolerance Green, within twice Amber, else Red, on both sides", () => {
    expect(ragFor(105, 100, 0.05, "Closer to target")).toBe("Green");
    expect(ragFor(95, 100, 0.05, "Closer to target")).toBe("Green");
    expect(ragFor(110, 100, 0.05, "Closer to target")).toBe("Amber");
    expect(ragFor(89, 100, 0.05, "Closer to target")).toBe("Red");
  });
  it("uses the size of a negative target for the tolerance band", () => {
    expect(ragFor(-11, -10, 0.1, "Higher is better")).toBe("Amber");
    expect(ragFor(-12, -10, 0.1, "Higher is better")).toBe("Red");
  });
  it("treats a blank tolerance as zero", () => {
    expect(ragFor(99, 100, null, "Higher is better")).toBe("Red");
    expect(ragFor(100, 100, null, "Closer to target")).toBe("Green");
    expect(ragFor(101, 100, null, "Closer to target")).toBe("Red");
  });
  it("is No data without a latest value, a target or a polarity", () => {
    expect(ragFor(null, 100, 0.1, "Higher is better")).toBe("No data");
    expect(ragFor(5, null, 0.1, "Higher is better")).toBe("No data");
    expect(ragFor(5, 5, 0.1, null)).toBe("No data");
  });
  it("handles a zero target: only the exact value is Green for Closer to target", () => {
    expect(ragFor(0, 0, 0.1, "Closer to target")).toBe("Green");
    expect(ragFor(1, 0, 0.1, "Closer to target")).toBe("Red");
    expect(ragFor(1, 0, 0.1, "Lower is better")).toBe("Red");
  });
});

describe("directionFor", () => {
  it("reads by polarity, not by whether the number went up", () => {
    expect(directionFor(12, 10, 20, "Higher is better")).toBe("Improving");
    expect(directionFor(8, 10, 20, "Higher is better")).toBe("Worsening");
    expect(directionFor(8, 10, 5, "Lower is better")).toBe("Improving");
    expect(directionFor(12, 10, 5, "Lower is better")).toBe("Worsening");
    expect(directionFor(10, 10, 5, "Lower is better")).toBe("No change");
  });
  it("Closer to target compares distances from the target", () => {
    expect(directionFor(98, 90, 100, "Closer to target")).toBe("Improving");
    expect(directionFor(103, 98, 100, "Closer to target")).toBe("Worsening");
    expect(directionFor(102, 98, 100, "Closer to target")).toBe("No change");
    expect(directionFor(102, 98, null, "Closer to target")).toBe("");
  });
  it("is blank with fewer than two values or no polarity", () => {
    expect(directionFor(5, null, 10, "Higher is better")).toBe("");
    expect(directionFor(null, null, 10, "Higher is better")).toBe("");
    expect(directionFor(5, 4, 10, null)).toBe("");
  });
});

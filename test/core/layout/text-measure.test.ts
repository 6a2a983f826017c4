import { describe, expect, it } from "vitest";
import {
  lineHeight,
  linesHeight,
  longestWordWidth,
  textWidth,
  wrappedLines,
} from "../../../core/layout/text-measure.js";

describe("text width estimates", () => {
  it("counts a digit as one character of column width, with a little headroom", () => {
    const width = textWidth("0123456789");
    expect(width).toBeGreaterThanOrEqual(10);
    expect(width).toBeLessThan(11);
  });

  it("knows narrow letters from wide ones, and bold and large text from plain", () => {
    expect(textWidth("iiii")).toBeLessThan(textWidth("mmmm") / 2);
    expect(textWidth("Community", { size: 11, bold: true })).toBeGreaterThan(
      textWidth("Community"),
    );
    expect(textWidth("Summary", { size: 16, bold: false })).toBeGreaterThan(
      textWidth("Summary") * 1.4,
    );
  });

  it("measures the longest word of a header, the narrowest a column can be without breaking a word", () => {
    expect(longestWordWidth("Community Trust")).toBeCloseTo(textWidth("Community"));
    expect(longestWordWidth("Efficiency (outputs per £1,000)")).toBeCloseTo(
      textWidth("Efficiency"),
    );
    expect(longestWordWidth("")).toBe(0);
  });
});

describe("wrapped lines", () => {
  it("keeps text that fits on one line", () => {
    expect(wrappedLines("Northvale ICB", 14)).toBe(1);
    expect(wrappedLines("", 10)).toBe(1);
  });

  it("moves whole words to the next line", () => {
    // "Community" fits a 12-character cell, "Community Trust" does not.
    expect(wrappedLines("Community Trust", 12)).toBe(2);
    expect(wrappedLines("Community Trust", 20)).toBe(1);
  });

  it("grows with the text: a long objective in a 60-character column takes several lines", () => {
    const objective =
      "Reduce the average number of older patients whose discharge from Northvale General Hospital is delayed from 48 to 36 a day by March 2026.";
    const lines = wrappedLines(objective, 60);
    expect(lines).toBeGreaterThanOrEqual(3);
    expect(lines).toBeLessThanOrEqual(4);
    expect(wrappedLines(objective, 30)).toBeGreaterThan(lines);
  });

  it("splits a word longer than the cell, and starts a new line at each line break", () => {
    expect(wrappedLines("x".repeat(40), 10)).toBeGreaterThanOrEqual(4);
    expect(wrappedLines("one\ntwo\nthree", 40)).toBe(3);
  });
});

describe("row heights", () => {
  it("gives Excel's 15 points a line at 11 pt, more for larger text", () => {
    expect(lineHeight(11)).toBe(15);
    expect(lineHeight(16)).toBeGreaterThanOrEqual(21);
    expect(linesHeight(3, 11)).toBe(45);
  });
});

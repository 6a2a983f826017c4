import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  joinWithAnd,
  letterFor,
  moneyInWords,
  numberInWords,
  ordinal,
  roman,
} from "../../../core/format/uk.js";

describe("UK formats", () => {
  it("writes dates as lawyers do", () => {
    expect(formatDate("2026-04-01")).toBe("1 April 2026");
    expect(formatDate("2024-12-31")).toBe("31 December 2024");
    expect(formatDate("2026-13-01")).toBeNull();
    expect(formatDate("01/04/2026")).toBeNull();
  });

  it("writes money with pounds, thousands and pence", () => {
    expect(formatMoney(1250000)).toBe("£1,250,000.00");
    expect(formatMoney(0.5)).toBe("£0.50");
    expect(formatMoney(-500)).toBe("-£500.00");
    expect(formatMoney(162500, 0)).toBe("£162,500");
    expect(formatMoney(-0.001)).toBe("£0.00");
  });

  it("writes numbers and percentages", () => {
    expect(formatNumber(1234567.891, 2)).toBe("1,234,567.89");
    expect(formatNumber(999)).toBe("999");
    expect(formatPercent(0.125)).toBe("12.5%");
    expect(formatPercent(0.4)).toBe("40%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0.50602, 1)).toBe("50.6%");
  });

  it("writes ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "101st",
      "111th",
    ]);
  });

  it("writes amounts in British English words", () => {
    expect(numberInWords(0)).toBe("zero");
    expect(numberInWords(12)).toBe("twelve");
    expect(numberInWords(45)).toBe("forty-five");
    expect(numberInWords(105)).toBe("one hundred and five");
    expect(numberInWords(1005)).toBe("one thousand and five");
    expect(numberInWords(1250000)).toBe("one million two hundred and fifty thousand");
    expect(numberInWords(8300000)).toBe("eight million three hundred thousand");
    expect(moneyInWords(1250000)).toBe("one million two hundred and fifty thousand pounds");
    expect(moneyInWords(1)).toBe("one pound");
    expect(moneyInWords(2.5)).toBe("two pounds and fifty pence");
    expect(moneyInWords(0.01)).toBe("zero pounds and one penny");
  });

  it("labels list paragraphs", () => {
    expect([0, 1, 25, 26].map(letterFor)).toEqual(["a", "b", "z", "aa"]);
    expect([1, 4, 9, 14].map(roman)).toEqual(["i", "iv", "ix", "xiv"]);
    expect(joinWithAnd(["A"])).toBe("A");
    expect(joinWithAnd(["A", "B", "C"])).toBe("A, B and C");
  });
});

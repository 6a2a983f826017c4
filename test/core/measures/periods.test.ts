import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  dueDate,
  parseIsoDate,
  periodEnd,
  periodIndexOf,
  periodLabel,
  periodsOf,
  planFromLabels,
  reportsIn,
  type PeriodPlan,
} from "../../../core/measures/periods.js";

const quarters: PeriodPlan = { start: "2024-04-01", length: "quarter", count: 8 };
const months: PeriodPlan = { start: "2024-04-01", length: "month", count: 36 };

describe("dates", () => {
  it("parses real calendar dates only", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate("2023-02-29")).toBeNull();
    expect(parseIsoDate("2024-13-01")).toBeNull();
    expect(parseIsoDate("1/4/2024")).toBeNull();
  });
  it("adds months, clamping to the month's end and keeping a month end a month end", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-04-30", 1)).toBe("2024-05-31");
    expect(addMonths("2024-01-15", -2)).toBe("2023-11-15");
    expect(addMonths("2024-11-10", 14)).toBe("2026-01-10");
  });
  it("adds days across months and years", () => {
    expect(addDays("2024-06-30", 42)).toBe("2024-08-11");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
  });
  it("refuses a date that is not YYYY-MM-DD, saying what it got", () => {
    expect(() => addDays("31/12/2024", 1)).toThrow(
      /Not a calendar date \(YYYY-MM-DD\): "31\/12\/2024"/,
    );
  });
});

describe("periodsOf", () => {
  it("quarters of the financial year from 1 April", () => {
    expect(periodsOf({ ...quarters, count: 5 })).toEqual([
      { label: "Q1 2024/25", start: "2024-04-01", end: "2024-06-30" },
      { label: "Q2 2024/25", start: "2024-07-01", end: "2024-09-30" },
      { label: "Q3 2024/25", start: "2024-10-01", end: "2024-12-31" },
      { label: "Q4 2024/25", start: "2025-01-01", end: "2025-03-31" },
      { label: "Q1 2025/26", start: "2025-04-01", end: "2025-06-30" },
    ]);
  });
  it("months, with February's end in a leap year", () => {
    const periods = periodsOf({ start: "2024-01-01", length: "month", count: 13 });
    expect(periods[1]).toEqual({ label: "Feb 2024", start: "2024-02-01", end: "2024-02-29" });
    expect(periods[12]?.label).toBe("Jan 2025");
  });
  it("financial and calendar years", () => {
    expect(periodsOf({ start: "2024-04-01", length: "year", count: 2 })).toEqual([
      { label: "2024/25", start: "2024-04-01", end: "2025-03-31" },
      { label: "2025/26", start: "2025-04-01", end: "2026-03-31" },
    ]);
    expect(periodsOf({ start: "1999-01-01", length: "year", count: 1 })[0]?.label).toBe("1999");
    expect(periodLabel("1999-04-01", "year")).toBe("1999/00");
  });
  it("periods from the 31st do not drift after a short month", () => {
    const periods = periodsOf({ start: "2024-01-31", length: "month", count: 3 });
    expect(periods.map((p) => [p.start, p.end])).toEqual([
      ["2024-01-31", "2024-02-28"],
      ["2024-02-29", "2024-03-30"],
      ["2024-03-31", "2024-04-29"],
    ]);
  });
  it("labels periods that start elsewhere by their first and last days", () => {
    expect(periodLabel("2024-02-01", "quarter")).toBe("1 Feb 2024 to 30 Apr 2024");
    expect(periodLabel("2024-04-15", "month")).toBe("15 Apr 2024 to 14 May 2024");
  });
});

describe("periodIndexOf", () => {
  it("finds the period holding a date, counting on past the plan's end", () => {
    expect(periodIndexOf(quarters, "2024-04-01")).toBe(0);
    expect(periodIndexOf(quarters, "2024-06-30")).toBe(0);
    expect(periodIndexOf(quarters, "2024-07-01")).toBe(1);
    expect(periodIndexOf(quarters, "2026-03-31")).toBe(7);
    expect(periodIndexOf(quarters, "2027-04-01")).toBe(12);
    expect(periodIndexOf(quarters, "2024-03-31")).toBe(-1);
  });
  it("respects days within the month for plans not starting on the 1st", () => {
    const mid: PeriodPlan = { start: "2024-01-15", length: "month", count: 12 };
    expect(periodIndexOf(mid, "2024-02-14")).toBe(0);
    expect(periodIndexOf(mid, "2024-02-15")).toBe(1);
  });
});

describe("planFromLabels", () => {
  it("gives back the plan of labels it wrote", () => {
    for (const plan of [
      quarters,
      months,
      { start: "2025-01-01", length: "quarter", count: 3 } as const,
      { start: "2020-04-01", length: "year", count: 4 } as const,
      { start: "2020-01-01", length: "year", count: 2 } as const,
    ]) {
      expect(planFromLabels(periodsOf(plan).map((p) => p.label))).toEqual(plan);
    }
  });
  it("reads the example's quarters", () => {
    expect(planFromLabels(["Q1 2024/25", "Q2 2024/25", " Q3 2024/25 "])).toEqual({
      start: "2024-04-01",
      length: "quarter",
      count: 3,
    });
  });
  it("is null for labels that are not such a sequence", () => {
    expect(planFromLabels(["Period 1", "Period 2"])).toBeNull();
    expect(planFromLabels(["Q1 2024/25", "Q3 2024/25"])).toBeNull();
    expect(planFromLabels(["Apr 2024", "Q2 2024/25"])).toBeNull();
    expect(planFromLabels([])).toBeNull();
  });
});

describe("due dates by frequency", () => {
  it("monthly a month after the period's end; quarterly six weeks; six-monthly two months; annual three", () => {
    expect(dueDate("2024-04-30", "Monthly")).toBe("2024-05-31");
    expect(dueDate("2024-06-30", "Quarterly")).toBe("2024-08-11");
    expect(dueDate("2024-09-30", "Six-monthly")).toBe("2024-11-30");
    expect(dueDate("2025-03-31", "Annual")).toBe("2025-06-30");
    expect(dueDate(periodEnd(quarters, 3), "Quarterly")).toBe("2025-05-12");
  });
  it("an indicator reported less often than the periods run reports at the end of each cycle", () => {
    const quarterly = Array.from({ length: 12 }, (_, i) => reportsIn(months, i, "Quarterly"));
    expect(quarterly.map(Number).join("")).toBe("001001001001");
    const annualInQuarters = Array.from({ length: 8 }, (_, i) => reportsIn(quarters, i, "Annual"));
    expect(annualInQuarters.map(Number).join("")).toBe("00010001");
    expect(reportsIn(quarters, 0, "Monthly")).toBe(true);
    expect(reportsIn(quarters, 1, "Quarterly")).toBe(true);
  });
});

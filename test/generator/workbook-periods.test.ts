import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkbookCells } from "../../adapters/exceljs/read-workbook.js";
import { financialYearPlan, periodsOf } from "../../core/measures/periods.js";
import { readPartnership } from "../../core/read/reader.js";
import { runCli } from "../support/run-cli.js";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pw-periods-"));
});

async function periodsIn(file: string): Promise<string[]> {
  const cells = await readWorkbookCells(readFileSync(join(dir, file)));
  return readPartnership(cells, []).partnership.periods;
}

describe("partnership workbook --period-length --start --periods", () => {
  it("heads the period columns with the periods asked for", async () => {
    const run = await runCli(dir, [
      "workbook",
      "--out",
      "monthly.xlsx",
      "--period-length",
      "month",
      "--start",
      "2025-04-01",
      "--periods",
      "24",
      "--instruments",
      "eight_is",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("; 24 periods, Apr 2025 to Mar 2027.");
    const periods = await periodsIn("monthly.xlsx");
    expect(periods).toHaveLength(24);
    expect([periods[0], periods[11], periods[23]]).toEqual(["Apr 2025", "Mar 2026", "Mar 2027"]);
  }, 120_000);

  it("gives this financial year's quarters by default, and a year's worth of any length", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const quarters = periodsOf(financialYearPlan(today)).map((p) => p.label);
    expect(quarters).toHaveLength(4);
    expect(quarters[0]).toMatch(/^Q1 \d{4}\/\d{2}$/);
    expect(
      (await runCli(dir, ["workbook", "--out", "default.xlsx", "--instruments", "eight_is"])).code,
    ).toBe(0);
    expect(await periodsIn("default.xlsx")).toEqual(quarters);
    const years = await runCli(dir, [
      "workbook",
      "--out",
      "years.xlsx",
      "--period-length",
      "year",
      "--start",
      "2024-04-01",
      "--instruments",
      "eight_is",
    ]);
    expect(years.code).toBe(0);
    expect(await periodsIn("years.xlsx")).toEqual(["2024/25", "2025/26", "2026/27"]);
  }, 120_000);

  it("refuses periods it cannot date, saying what to type", async () => {
    const refused = async (...flags: string[]) => {
      const run = await runCli(dir, ["workbook", "--out", "bad.xlsx", ...flags]);
      expect(run.code).toBe(2);
      return run.stderr;
    };
    expect(await refused("--period-length", "week")).toContain(
      '--period-length must be month, quarter or year, got "week".',
    );
    expect(await refused("--start", "2025-02-30")).toContain(
      'The start must be a calendar date written YYYY-MM-DD (2025-04-01); got "2025-02-30".',
    );
    expect(await refused("--start", "2025-05-01")).toContain(
      "quarters on 1 January, April, July or October",
    );
    expect(await refused("--periods", "0")).toContain(
      'The number of periods must be a whole number from 1 to 120; got "0".',
    );
    expect(await refused("--example", "--periods", "12")).toContain(
      "--periods applies to a blank workbook; the example has its own monthly periods.",
    );
  }, 60_000);
});

import ExcelJS from "exceljs";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openWorkbook } from "../../adapters/exceljs/open-workbook.js";
import { runCli, type CliRun } from "../support/run-cli.js";

function run(cwd: string, ...argv: string[]): Promise<CliRun> {
  return runCli(cwd, argv);
}

let dir: string;
let example: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pw-cli-"));
  example = join(dir, "example.xlsx");
  const built = await run(dir, "workbook", "--out", "example.xlsx", "--example");
  expect(built.code).toBe(0);
}, 60_000);

describe("partnership workbook", () => {
  it("builds a blank workbook with the asked number of partners and instruments", async () => {
    const r = await run(
      dir,
      "workbook",
      "--out",
      "blank.xlsx",
      "--partners",
      "3",
      "--instruments",
      "eight_is,pitfalls",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/blank workbook with 3 partners and 2 assessment instruments/);
    const check = await run(dir, "check", "blank.xlsx", "--json");
    const report = JSON.parse(check.stdout) as { errors: number; problems: { sheet: string }[] };
    expect(report.errors).toBe(0);
    expect(check.code).toBe(0);
  });

  it("never overwrites an existing file without --force, and leaves it untouched", async () => {
    const before = readFileSync(example);
    const r = await run(dir, "workbook", "--out", "example.xlsx");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists\. Use --force/);
    expect(readFileSync(example).equals(before)).toBe(true);
    const forced = await run(dir, "workbook", "--out", "example.xlsx", "--example", "--force");
    expect(forced.code).toBe(0);
  });

  it("rejects bad options with a usage message and leaves no file behind", async () => {
    expect((await run(dir, "workbook", "--out", "x.txt")).stderr).toMatch(
      /must name an Excel workbook ending in \.xlsx, got "x\.txt"\. Use --out x\.xlsx/,
    );
    expect((await run(dir, "workbook", "--out", "p.xlsx", "--partners", "many")).stderr).toMatch(
      /--partners must be a whole number/,
    );
    expect((await run(dir, "workbook", "--out", "i.xlsx", "--instruments", "nope")).stderr).toMatch(
      /nope.*Valid ids/s,
    );
    expect((await run(dir, "workbook", "--bogus")).code).toBe(2);
    expect(readdirSync(dir).filter((f) => /^(x|p|i)\.|\.tmp$/.test(f))).toEqual([]);
  });
});

describe("partnership check", () => {
  it("summarises a good workbook and exits 0", async () => {
    const r = await run(dir, "check", "example.xlsx");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/example\.xlsx: 0 errors/);
    expect(r.stdout).toMatch(/Indicators: \d+ \(Green \d+, Amber \d+, Red \d+, No data \d+/);
    expect(r.stdout).toMatch(/Finance: budget £[\d,]+, spend to date £[\d,]+, forecast outturn/);
    // Outputs are totalled only across lines counting the same thing.
    expect(r.stdout).toMatch(/Efficiency, Reablement episodes \(2 lines\): [\d.]+ per £1,000/);
    expect(r.stdout).not.toMatch(/outputs per £1,000/);
    expect(r.stdout).toMatch(
      /budgets total £6,325,000 but the partners. pooled contributions total £8,300,000/,
    );
    expect(r.stdout).toMatch(/Weakest assessment items:/);
    expect(r.stdout).toMatch(/Objectives failing SMART: O\d/);
  });

  it("judges overdue returns at the day --as-at gives, and refuses a day that is no date", async () => {
    const before = await run(dir, "check", "example.xlsx", "--as-at", "2026-05-01");
    const after = await run(dir, "check", "example.xlsx", "--as-at", "2026-06-01");
    const due = "I1's value for Mar 2026 is overdue (due by 12 May 2026)";
    expect(before.code).toBe(0);
    expect(before.stdout).not.toContain(due);
    expect(after.stdout).toContain(`warning Indicators!AK5: ${due}`);
    const bad = await run(dir, "check", "example.xlsx", "--as-at", "31/05/2026");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--as-at must be a date written YYYY-MM-DD (for example 2026-03-31), got "31/05/2026"',
    );
  });

  it("exits 1 and locates each problem in a workbook with bad cells", async () => {
    const workbook = await openWorkbook(readFileSync(example));
    const indicators = workbook.getWorksheet("Indicators");
    if (!indicators) throw new Error("no Indicators sheet");
    indicators.getCell("I5").value = "tbc";
    indicators.getCell("B6").value = "O99";
    workbook.getWorksheet("Objectives")!.getCell("F5").value = "31/03/2027";
    await workbook.xlsx.writeFile(join(dir, "bad.xlsx"));
    const r = await run(dir, "check", "bad.xlsx");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Indicators!I5: Target must be a number, got "tbc"');
    expect(r.stdout).toContain(
      'Indicators!B6: Objective "O99" does not exist in the Objectives table',
    );
    expect(r.stdout).toMatch(
      /Objectives!F5: Due date must be a date, got "31\/03\/2027".*typed as text/,
    );
    const json = JSON.parse((await run(dir, "check", "bad.xlsx", "--json")).stdout) as {
      errors: number;
      problems: { cell: string }[];
    };
    expect(json.errors).toBe(3);
    expect(json.problems.map((p) => p.cell)).toEqual(expect.arrayContaining(["I5", "B6", "F5"]));
  });

  it("exits 2 with a clear reason for files that are not workbooks", async () => {
    const bytes = readFileSync(example);
    const cases: [string, Uint8Array | string, RegExp][] = [
      ["notes.xlsx", "just some text", /not an Excel \.xlsx workbook/],
      ["truncated.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2)), /damaged or incomplete/],
      [
        "locked.xlsx",
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(512),
        ]),
        /password-protected/,
      ],
      ["empty.xlsx", "", /the file is empty/],
    ];
    for (const [name, content, reason] of cases) {
      writeFileSync(join(dir, name), content);
      const r = await run(dir, "check", name);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(reason);
      expect(r.stderr, name).not.toMatch(/\n\s+at /);
    }
    const missing = await run(dir, "check", "nowhere.xlsx");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });

  it("exits 1 for a workbook without the partnership tables, saying how to make one", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").getCell("A1").value = "hello";
    await workbook.xlsx.writeFile(join(dir, "plain.xlsx"));
    const r = await run(dir, "check", "plain.xlsx");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/none of the partnership tables.*partnership workbook --out/);
  });
});

describe("partnership schema and help", () => {
  it("prints the contract from the blueprint, as text and JSON", async () => {
    const text = await run(dir, "schema");
    expect(text.stdout).toMatch(/Indicators \(sheet Indicators, header row 4\)/);
    expect(text.stdout).toMatch(
      /Polarity .*one of: Higher is better \| Lower is better \| Closer to target/,
    );
    const json = JSON.parse((await run(dir, "schema", "--json")).stdout) as {
      tables: { table: string }[];
    };
    expect(json.tables.map((t) => t.table)).toEqual(
      expect.arrayContaining(["Partnership", "Partners", "Finance", "Assessment_eight_is"]),
    );
  });

  it("has --help on every command", async () => {
    for (const command of ["workbook", "check", "generate", "schema", "demo"]) {
      const r = await run(dir, command, "--help");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: partnership ${command}`));
    }
    expect((await run(dir, "--help")).stdout).toMatch(/Commands:/);
    expect((await run(dir, "frobnicate")).code).toBe(2);
  });
});

describe("partnership demo", () => {
  it("writes the example workbook, both draft documents and both reports into out/ and says where", async () => {
    const r = await run(dir, "demo");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/out\/northvale-partnership\.xlsx/);
    expect(r.stdout).toMatch(/Partnership agreement: +out\/northvale-agreement-draft\.docx/);
    expect(r.stdout).toMatch(/Terms of reference: +out\/northvale-terms-of-reference-draft\.docx/);
    expect(r.stdout).toMatch(/Assessment report: +out\/northvale-assessment-report-draft\.docx/);
    expect(r.stdout).toMatch(/Performance report: +out\/northvale-performance-report-draft\.docx/);
    for (const file of [
      "northvale-agreement-draft.docx",
      "northvale-terms-of-reference-draft.docx",
      "northvale-assessment-report-draft.docx",
      "northvale-performance-report-draft.docx",
    ]) {
      expect(
        readFileSync(join(dir, "out", file))
          .subarray(0, 2)
          .toString(),
      ).toBe("PK");
    }
    expect(statSync(join(dir, "out", "northvale-partnership.xlsx")).size).toBeGreaterThan(10_000);
    expect(existsSync(join(dir, "out"))).toBe(true);
  });
});

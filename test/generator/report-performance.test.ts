import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { workbookBytes } from "../../adapters/exceljs/write-workbook.js";
import { buildOperations } from "../../core/layout/blueprint.js";
import { docxText } from "../support/docx-text.js";
import { monthlyPartnership } from "../support/monthly-partnership.js";
import { runCli } from "../support/run-cli.js";
import { findSoffice, SOFFICE_MISSING } from "../support/soffice.js";

/**
 * `partnership report performance` end to end: a workbook file in, a Word
 * report out, written atomically, never over a file without --force, and a
 * PDF through LibreOffice when asked (or a plain sentence when it is absent).
 */

const hasSoffice = findSoffice() !== null;
if (!hasSoffice) console.warn(SOFFICE_MISSING);

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pw-report-performance-"));
  const p = monthlyPartnership();
  p.details.documentDate = "2027-01-20";
  writeFileSync(join(dir, "board.xlsx"), await workbookBytes(buildOperations(p, [])));
}, 120_000);

const saved = process.env.PARTNERSHIP_SOFFICE;
afterEach(() => {
  if (saved === undefined) delete process.env.PARTNERSHIP_SOFFICE;
  else process.env.PARTNERSHIP_SOFFICE = saved;
});

describe("partnership report performance", () => {
  it("writes the report from a workbook, and the same bytes for the same workbook", async () => {
    const first = await runCli(dir, [
      "report",
      "performance",
      "--workbook",
      "board.xlsx",
      "--out",
      "a.docx",
    ]);
    expect(first.stdout).toContain("wrote a.docx (performance report)");
    expect(first.stdout).toMatch(/warning Indicators![A-Z]+6: Commentary on indicator K2 \(Red\)/);
    const second = await runCli(dir, [
      "report",
      "performance",
      "--workbook",
      "board.xlsx",
      "--out",
      "b.docx",
    ]);
    expect(second.code).toBe(first.code);
    const a = readFileSync(join(dir, "a.docx"));
    expect(a.equals(readFileSync(join(dir, "b.docx")))).toBe(true);
    const text = await docxText(a);
    expect(text).toContain("Reporting period Dec 2026 – 20 January 2027");
    expect(text).toMatch(/K1 \| Delayed transfers per 100,000 \| 9\.20 \(Dec 2026\)/);
  }, 120_000);

  it("never replaces a file without --force", async () => {
    await runCli(dir, ["report", "performance", "--workbook", "board.xlsx", "--out", "c.docx"]);
    const again = await runCli(dir, [
      "report",
      "performance",
      "--workbook",
      "board.xlsx",
      "--out",
      "c.docx",
      "--period",
      "Jun 2026",
    ]);
    expect(again.code).not.toBe(0);
    expect(again.stdout + again.stderr).toContain("already exists");
    const forced = await runCli(dir, [
      "report",
      "performance",
      "--workbook",
      "board.xlsx",
      "--out",
      "c.docx",
      "--period",
      "Jun 2026",
      "--force",
    ]);
    expect(forced.stdout).toContain("wrote c.docx");
    expect(await docxText(readFileSync(join(dir, "c.docx")))).toContain(
      "Reporting period Jun 2026",
    );
  }, 120_000);

  it("refuses a final report while anything is missing, naming each cell", async () => {
    const run = await runCli(dir, [
      "report",
      "performance",
      "--workbook",
      "board.xlsx",
      "--out",
      "final.docx",
      "--final",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /error\s+Indicators![A-Z]+6: Commentary on indicator K2 \(Red\) is missing/,
    );
    expect(run.stdout).toContain("did not write final.docx");
    expect(existsSync(join(dir, "final.docx"))).toBe(false);
  }, 120_000);

  it("names the periods when --period is not one of them", async () => {
    const run = await runCli(dir, [
      "report",
      "performance",
      "--workbook",
      "board.xlsx",
      "--out",
      "q.docx",
      "--period",
      "Q5",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('"Q5" is not a reporting period of this workbook');
    expect(run.stdout).toContain("Jan 2025, Feb 2025");
  }, 120_000);

  it("says plainly when --pdf cannot be met because LibreOffice is not installed", async () => {
    process.env.PARTNERSHIP_SOFFICE = "";
    const run = await runCli(dir, [
      "report",
      "performance",
      "--workbook",
      "board.xlsx",
      "--out",
      "nopdf.docx",
      "--pdf",
    ]);
    expect(run.stdout).toContain("wrote nopdf.docx");
    expect(run.stdout).toContain("no PDF: LibreOffice is not installed");
    expect(run.code).toBe(1);
    expect(existsSync(join(dir, "nopdf.pdf"))).toBe(false);
  }, 120_000);

  it.skipIf(!hasSoffice)(
    "writes a PDF beside the report through LibreOffice",
    async () => {
      const run = await runCli(dir, [
        "report",
        "performance",
        "--workbook",
        "board.xlsx",
        "--out",
        "pdf.docx",
        "--pdf",
      ]);
      expect(run.stdout).toContain("wrote pdf.pdf (PDF, through LibreOffice)");
      expect(readFileSync(join(dir, "pdf.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    },
    180_000,
  );

  it("is listed in report --help with its options", async () => {
    const run = await runCli(dir, ["report", "--help"]);
    expect(run.stdout).toContain(
      "partnership report performance --workbook F.xlsx --out F.docx [--period NAME]",
    );
    expect(run.stdout).toContain("--pdf");
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Worksheet } from "exceljs";
import { openWorkbook } from "../../adapters/exceljs/open-workbook.js";
import { documentXml, trackedText } from "../core/document/redline/tracked-text.js";
import { runCli } from "../support/run-cli.js";

/** `partnership generate agreement --workbook NEW.xlsx --compare-to LAST.docx --out REDLINE.docx` */

const HEAVY = 120_000;
let dir: string;

/** The cell under the header `name` in the row below the header row (the sheet's first record). */
function firstRecordCell(sheet: Worksheet, name: string) {
  for (let r = 1; r <= 10; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= row.cellCount; c++)
      if (String(row.getCell(c).value ?? "").trim() === name) return sheet.getRow(r + 1).getCell(c);
  }
  throw new Error(`no ${name} header in ${sheet.name}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pw-redline-"));
  expect((await runCli(dir, ["workbook", "--out", "last.xlsx", "--example"])).code).toBe(0);
  const workbook = await openWorkbook(readFileSync(join(dir, "last.xlsx")));
  const objectives = workbook.getWorksheet("Objectives");
  if (!objectives) throw new Error("no Objectives sheet");
  const objective = firstRecordCell(objectives, "Objective");
  objective.value = `${String(objective.value)} across the whole county`;
  await workbook.xlsx.writeFile(join(dir, "new.xlsx"));
  const last = ["generate", "agreement", "--workbook", "last.xlsx", "--out", "last.docx"];
  expect((await runCli(dir, last)).code).toBe(0);
}, HEAVY);

describe("generate --compare-to", () => {
  it(
    "writes the new agreement as tracked changes against last year's, listing what changed",
    async () => {
      const r = await runCli(dir, [
        "generate",
        "agreement",
        "--workbook",
        "new.xlsx",
        "--compare-to",
        "last.docx",
        "--out",
        "redline.docx",
      ]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain("tracked changes against the earlier document");
      expect(r.stdout).toMatch(/redline {2}Schedule \d+ \(Objectives and indicators\): changed/);
      const redline = new Uint8Array(readFileSync(join(dir, "redline.docx")));
      // The words added are one insertion inside the objective's paragraph, not a new paragraph.
      expect(documentXml(redline)).toMatch(
        /<w:ins w:id="\d+" w:author="Partnership Workbench" w:date="[^"]+"><w:r>(?:<w:rPr>(?:(?!<\/w:r>).)*<\/w:rPr>)?<w:t xml:space="preserve"> ?across the whole county ?<\/w:t><\/w:r><\/w:ins>/,
      );
      const plain = ["generate", "agreement", "--workbook", "new.xlsx", "--out", "new.docx"];
      expect((await runCli(dir, plain)).code).toBe(0);
      const newer = new Uint8Array(readFileSync(join(dir, "new.docx")));
      const older = new Uint8Array(readFileSync(join(dir, "last.docx")));
      expect(trackedText(redline, "accept")).toEqual(trackedText(newer, "none"));
      expect(trackedText(redline, "reject")).toEqual(trackedText(older, "none"));
    },
    HEAVY,
  );

  it(
    "refuses, in plain words, an earlier document this tool did not make",
    async () => {
      writeFileSync(join(dir, "other.docx"), readFileSync(join(dir, "last.xlsx")));
      const r = await runCli(dir, [
        "generate",
        "agreement",
        "--workbook",
        "new.xlsx",
        "--compare-to",
        "other.docx",
        "--out",
        "refused.docx",
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        "other.docx: carries no record from Partnership Workbench of which clause is which",
      );
    },
    HEAVY,
  );

  it("says --compare-to takes one earlier .docx", async () => {
    const r = await runCli(dir, [
      "generate",
      "agreement",
      "--workbook",
      "new.xlsx",
      "--compare-to",
      "last.pdf",
      "--out",
      "x.docx",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain(
      "--compare-to must name the earlier Word document (.docx)",
    );
  });
});

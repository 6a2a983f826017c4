/**
 * A return opens in LibreOffice and comes back from it: a partner who fills
 * it in and saves it there sends a file collect reads, with the sheets still
 * protected and the round and partner still recorded inside.
 */
import { copyFile, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readWorkbookCells } from "../../../adapters/exceljs/read-workbook.js";
import { runCli } from "../../support/run-cli.js";
import { findSoffice, SOFFICE_MISSING, sofficeConvert } from "../../support/soffice.js";
import { fillReturn, masterFolder, readMaster } from "./support.js";
import JSZip from "jszip";

const soffice = findSoffice();
if (!soffice) console.warn(SOFFICE_MISSING);
const folders: string[] = [];
afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!soffice)("returns in LibreOffice", () => {
  it("a return saved by LibreOffice keeps its protection and identity and is collected", async () => {
    const dir = await masterFolder();
    folders.push(dir);
    const made = await runCli(dir, [
      "returns",
      "--workbook",
      "master.xlsx",
      "--round",
      "2026 review",
      "--out-dir",
      "returns",
    ]);
    expect(made.code).toBe(0);
    const ec = join(dir, "returns", "EC.xlsx");
    await fillReturn(ec, (_sheet, i) => ({ score: (i % 4) + 1 }));
    const out = sofficeConvert(ec, "xlsx:Calc MS Excel 2007 XML");
    folders.push(out);
    const saved = join(out, "EC.xlsx");
    // Still a workbook, its grids still protected, the hidden details still there.
    expect((await readWorkbookCells(await readFile(saved))).sheetNames).toContain("Return details");
    const zip = await JSZip.loadAsync(await readFile(saved));
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const protectedSheets = await Promise.all(
      sheets.map(async (n) =>
        /<sheetProtection[^>]*sheet="(1|true)"/.test(await zip.file(n)!.async("string")),
      ),
    );
    expect(protectedSheets.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    await rm(ec);
    await copyFile(saved, join(dir, "returns", "saved in libreoffice.xlsx"));
    const run = await runCli(dir, [
      "collect",
      "--workbook",
      "master.xlsx",
      "--returns",
      "returns/saved in libreoffice.xlsx",
    ]);
    expect(run.stdout).toContain("1 of 2 partners have returned: EC");
    expect(run.code).toBe(0);
    const master = await readMaster(dir);
    expect(master.assessments[0]?.items.map((i) => i.scores.EC).slice(0, 4)).toEqual([1, 2, 3, 4]);
  }, 180_000);
});

/**
 * A return opens in LibreOffice and comes back from it: a partner who fills
 * it in and saves it there sends a file collect reads, with the sheets still
 * protected and the round and partner still recorded inside.
 */
import { mkdtempSync } from "node:fs";
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readWorkbookCells } from "../../../adapters/exceljs/read-workbook.js";
import { libreOfficeResults } from "../../support/converted.js";
import { runCli } from "../../support/run-cli.js";
import { findSoffice, SOFFICE_MISSING } from "../../support/soffice.js";
import { readMaster } from "./support.js";
import JSZip from "jszip";

const soffice = findSoffice();
if (!soffice) console.warn(SOFFICE_MISSING);
const folders: string[] = [];
afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!soffice)("returns in LibreOffice", () => {
  it("a return saved by LibreOffice keeps its protection and identity and is collected", async () => {
    // The global set-up made EC's return with `partnership returns`, filled it in
    // (writeFilledReturn) and had LibreOffice open it and save it again.
    const converted = await libreOfficeResults();
    const saved = converted.resaved(converted.returnXlsx);
    // Still a workbook, its grids still protected, the hidden details still there.
    expect((await readWorkbookCells(saved)).sheetNames).toContain("Return details");
    const zip = await JSZip.loadAsync(saved);
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const protectedSheets = await Promise.all(
      sheets.map(async (n) =>
        /<sheetProtection[^>]*sheet="(1|true)"/.test(await zip.file(n)!.async("string")),
      ),
    );
    expect(protectedSheets.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    const dir = mkdtempSync(join(tmpdir(), "pw-cycle-libreoffice-"));
    folders.push(dir);
    await copyFile(converted.returnMasterXlsx, join(dir, "master.xlsx"));
    await mkdir(join(dir, "returns"));
    await writeFile(join(dir, "returns", "saved in libreoffice.xlsx"), saved);
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
    // writeFilledReturn typed 1, 2, 3, 4, 1, … down each sheet.
    expect(master.assessments[0]?.items.map((i) => i.scores.EC).slice(0, 4)).toEqual([1, 2, 3, 4]);
  }, 300_000);
});

import { mkdtempSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookCells } from "../../../adapters/exceljs/read-workbook.js";
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import { RETURN_GRID } from "../../../core/cycle/return-form.js";
import type { Instrument } from "../../../core/instruments/types.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import type { Partnership } from "../../../core/model/types.js";
import { readPartnership } from "../../../core/read/reader.js";
import { loadInstruments } from "../../../generator/instruments.js";
import { smallPartnership } from "../../support/small-partnership.js";

export const CYCLE_INSTRUMENTS = ["audit_commission", "eight_is"];

export async function cycleInstruments(): Promise<Instrument[]> {
  const all = await loadInstruments();
  return all.filter((i) => CYCLE_INSTRUMENTS.includes(i.id));
}

/** A folder holding master.xlsx: the small partnership with two blank grids and no cycle yet. */
export async function masterFolder(edit?: (p: Partnership) => void): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "pw-cycle-"));
  const partnership = smallPartnership();
  partnership.assessments = [];
  edit?.(partnership);
  await writeFile(
    join(dir, "master.xlsx"),
    await workbookBytes(buildOperations(partnership, await cycleInstruments())),
  );
  return dir;
}

export async function readMaster(dir: string): Promise<Partnership> {
  const cells = await readWorkbookCells(await readFile(join(dir, "master.xlsx")));
  return readPartnership(cells, await cycleInstruments()).partnership;
}

/** What a partner types: the score (and comment) for a statement, by sheet and position. */
export type Scorer = (
  sheet: string,
  index: number,
) => { score: ExcelJS.CellValue; comment?: string };

/** Fills a return as a partner would, in place (exceljs leaves the protection as it is). */
export async function fillReturn(path: string, scorer: Scorer): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== "visible" || sheet.name === "Start here") continue;
    for (let i = 0; ; i++) {
      const row = RETURN_GRID.firstRow + i;
      if (!sheet.getCell(row, RETURN_GRID.statement).value) break;
      const { score, comment } = scorer(sheet.name, i);
      sheet.getCell(row, RETURN_GRID.score).value = score;
      if (comment) sheet.getCell(row, RETURN_GRID.comment).value = comment;
    }
  }
  await workbook.xlsx.writeFile(path);
}

/** Edits one cell of a return (a statement, a hidden detail) as a determined partner might. */
export async function editCell(
  path: string,
  sheet: string,
  address: string,
  value: ExcelJS.CellValue,
) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const found = workbook.getWorksheet(sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  found.getCell(address).value = value;
  await workbook.xlsx.writeFile(path);
}

/**
 * The workbook writer as it was before it was made fast, kept only as the
 * reference the fast one must agree with byte for byte: exceljs's own
 * `writeBuffer` over a workbook whose every cell has its own copy of its
 * style (the old role and number format handlers are here) and its real
 * formulas, whose tables wrote their values back into their cells (the old
 * addTable did), then the old finishing stage
 * (JSZip: unzip, fix the table parts and every entry's time, zip again at
 * level 6), then the chart stage.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addChartParts } from "../../../adapters/exceljs/chart-parts.js";
import { writeOperations } from "../../../adapters/exceljs/apply-operations.js";
import {
  addCalculatedFormulas,
  FIXED_ENTRY_DATE,
  withoutTotalsRow,
  type CalculatedColumns,
} from "../../../adapters/exceljs/table-parts.js";
import type { WrittenChart } from "../../../adapters/exceljs/chart-spec.js";
import type { WrittenPart } from "../../../adapters/exceljs/written-parts.js";
import { argb } from "../../../adapters/exceljs/colour.js";
import { parseCellAddress } from "../../../core/layout/address.js";
import type { AddTable, CellRole, Operation } from "../../../core/layout/operations.js";
import { roleStyle } from "../../../core/layout/styles.js";

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Partnership Workbench";
  workbook.lastModifiedBy = "Partnership Workbench";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.calcProperties = { fullCalcOnLoad: true };
  return workbook;
}

/** The old role styles: built once per role, copied into each cell. */
function roleStyleOf(role: CellRole): Partial<ExcelJS.Style> {
  const s = roleStyle(role);
  return {
    font: {
      name: "Calibri",
      size: s.size,
      bold: s.bold,
      italic: s.italic,
      color: { argb: argb(s.fontColor) },
    },
    alignment: { wrapText: s.wrap, vertical: "top" },
    ...(s.fill
      ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } } }
      : {}),
  };
}

function forEachCell(
  sheet: ExcelJS.Worksheet,
  range: string,
  visit: (cell: ExcelJS.Cell) => void,
): void {
  const [from = "", to = from] = range.split(":");
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  for (let row = a.row; row <= b.row; row++)
    for (let column = a.column; column <= b.column; column++)
      visit(sheet.getRow(row).getCell(column));
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`No sheet ${name}`);
  return sheet;
}

/** What the old addTable did: exceljs wrote every value of the table back into its cell. */
function writeTableValuesBack(workbook: ExcelJS.Workbook, op: AddTable): void {
  const [from = "", to = from] = op.range.split(":");
  const top = parseCellAddress(from);
  const bottom = parseCellAddress(to);
  forEachCell(sheetOf(workbook, op.sheet), op.range, (cell) => {
    if (Number(cell.row) <= top.row || Number(cell.row) > bottom.row) return;
    const value = cell.value;
    cell.value = value;
  });
}

/**
 * The operations as the old writer applied them: role and number format gave
 * each cell a fresh style object, and a table wrote its values back; every
 * other kind goes through today's handlers, one operation at a time.
 */
export function oldWriteOperations(
  workbook: ExcelJS.Workbook,
  operations: readonly Operation[],
): { calculated: CalculatedColumns; charts: WrittenChart[] } {
  const calculated: CalculatedColumns = new Map();
  const charts: WrittenChart[] = [];
  for (const op of operations) {
    if (op.kind === "role") {
      const style = roleStyleOf(op.role);
      forEachCell(sheetOf(workbook, op.sheet), op.range, (cell) => {
        const numFmt = cell.numFmt;
        cell.style = numFmt ? { ...style, numFmt } : { ...style };
      });
    } else if (op.kind === "numberFormat") {
      forEachCell(sheetOf(workbook, op.sheet), op.range, (cell) => {
        cell.style = { ...cell.style, numFmt: op.format };
      });
    } else {
      const done = writeOperations(workbook, [op]);
      for (const [table, columns] of done.calculated) calculated.set(table, columns);
      charts.push(...done.charts);
      if (op.kind === "addTable") writeTableValuesBack(workbook, op);
    }
  }
  return { calculated, charts };
}

/** The old finishing stage, JSZip throughout. */
export async function oldFinishTables(
  bytes: Uint8Array,
  calculated: CalculatedColumns,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.forEach((_path, file) => {
    file.date = FIXED_ENTRY_DATE;
  });
  const tables = Object.keys(zip.files).filter((path) => /^xl\/tables\/table\d+\.xml$/.test(path));
  for (const path of tables) {
    const xml = await zip.file(path)?.async("string");
    if (xml !== undefined)
      zip.file(path, addCalculatedFormulas(withoutTotalsRow(xml), calculated), {
        date: FIXED_ENTRY_DATE,
      });
  }
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

/** A workbook exceljs wrote itself, finished the old way. */
export async function oldFinish(
  workbook: ExcelJS.Workbook,
  calculated: CalculatedColumns,
): Promise<Uint8Array> {
  return oldFinishTables(new Uint8Array(await workbook.xlsx.writeBuffer()), calculated);
}

export async function oracleWorkbookBytes(operations: readonly Operation[]): Promise<Uint8Array> {
  const workbook = newWorkbook();
  const { calculated, charts } = oldWriteOperations(workbook, operations);
  return withCharts(await oldFinish(workbook, calculated), charts);
}

/** The chart stage as it ran before: on the zipped file, unzipped and zipped again by JSZip. */
async function withCharts(bytes: Uint8Array, charts: readonly WrittenChart[]): Promise<Uint8Array> {
  if (charts.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const parts: WrittenPart[] = [];
  for (const [path, file] of Object.entries(zip.files))
    parts.push({ path, content: file.dir ? "" : await file.async("string") });
  const before = new Map(parts.map((p) => [p.path, p.content]));
  addChartParts(parts, charts);
  for (const part of parts) {
    if (part.path.endsWith("/") || before.get(part.path) === part.content) continue;
    const content = typeof part.content === "string" ? part.content : [...part.content].join("");
    zip.file(part.path, content, { date: FIXED_ENTRY_DATE });
  }
  zip.forEach((_path, file) => {
    file.date = FIXED_ENTRY_DATE;
  });
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

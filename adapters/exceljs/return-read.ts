/**
 * Reads a return workbook's cells for collect (issue 8). Returns are small
 * files the partnership made itself, but they come back by e-mail: the file's
 * size and signature are checked before exceljs opens it.
 */
import ExcelJS from "exceljs";
import type { ReturnCells } from "../../core/cycle/return-cells.js";
import type { CellValue } from "../../core/read/cells.js";
import { checkWorkbookSignature } from "./file-signature.js";
import { readWorkbookCells } from "./read-workbook.js";
import { UnreadableWorkbookError } from "./unreadable.js";

/** More rows than any instrument has statements: the rest of a sheet is not read. */
const MAX_ROWS = 2000;
const MAX_COLUMNS = 12;

function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("error" in value) return { error: String(value.error) };
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : plain(result as ExcelJS.CellValue);
    }
    if ("text" in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  }
  return null;
}

/** The return's cells, or throws UnreadableWorkbookError saying why it cannot be read. */
export async function readReturnCells(file: string, bytes: Uint8Array): Promise<ReturnCells> {
  checkWorkbookSignature(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    // exceljs cannot load every workbook (a master with tables, for one); if ours can,
    // the file is a workbook but not a return, which collect then says plainly.
    const cells = await readWorkbookCells(bytes).catch(() => null);
    if (cells) return { file, sheets: Object.fromEntries(cells.sheetNames.map((n) => [n, []])) };
    throw new UnreadableWorkbookError(
      `the file cannot be opened as a workbook (${error instanceof Error ? error.message : String(error)}); open it in Excel and save it again`,
    );
  }
  const sheets: Record<string, CellValue[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: CellValue[][] = [];
    const last = Math.min(sheet.rowCount, MAX_ROWS);
    for (let r = 1; r <= last; r++) {
      const row = sheet.getRow(r);
      const values: CellValue[] = [];
      for (let c = 1; c <= MAX_COLUMNS; c++) values.push(plain(row.getCell(c).value));
      rows.push(values);
    }
    sheets[sheet.name] = rows;
  });
  return { file, sheets };
}

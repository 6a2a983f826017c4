/**
 * Reads every table of the open workbook for the reader in core, in two
 * round trips: first the names of sheets and tables, then each table's sheet,
 * header row and data body together.
 */
import type { CellValue, TableCells, WorkbookCells } from "../../core/read/cells.js";

const ERROR_VALUES =
  /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/**
 * Office.js gives blanks as "" and errors as their text ("#DIV/0!"); the
 * reader wants null and `{ error }`. Dates stay serial numbers, which the
 * reader accepts. A typed "#N/A" text is taken for the error too, which is
 * what an officer would mean by it.
 */
export function officeCellValue(value: unknown): CellValue {
  if (value === "" || value === undefined || value === null) return null;
  if (typeof value === "string" && ERROR_VALUES.test(value)) return { error: value };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return String(value);
}

export async function readWorkbookCells(context: Excel.RequestContext): Promise<WorkbookCells> {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();

  const parts = tables.items.map((table) => ({
    name: table.name,
    sheet: table.worksheet.load("name"),
    header: table.getHeaderRowRange().load("values, rowIndex, columnIndex"),
    body: table.getDataBodyRange().load("values"),
  }));
  await context.sync();

  const cells: TableCells[] = parts.map((part) => ({
    name: part.name,
    sheet: part.sheet.name,
    headerRow: part.header.rowIndex + 1,
    firstColumn: part.header.columnIndex + 1,
    headers: (part.header.values[0] ?? []).map((h) => String(h ?? "")),
    rows: part.body.values.map((row) => row.map(officeCellValue)),
  }));
  return { sheetNames: sheets.items.map((s) => s.name), tables: cells };
}

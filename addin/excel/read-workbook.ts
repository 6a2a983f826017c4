/**
 * Reads every table of the open workbook for the reader in core, in two
 * round trips: first the names of sheets and tables, then each table's sheet,
 * header row, data body values, where its formulas are, the row just under
 * it and, where Excel supports it, the merged areas that touch it.
 */
import type { CellValue, TableCells, WorkbookCells } from "../../core/read/cells.js";
import { isBlank } from "../../core/read/table-reader.js";
import { parseRect, type Rect } from "./a1.js";

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

/**
 * Office.js does not say which columns are calculated columns, so a column
 * counts as one when most of its data cells hold formulas; a typed value in
 * such a column is what hides the formula from the rows an officer adds.
 * `formulaAreas` are the body's formula cells as Excel lists them (A1 areas),
 * `top`/`left` the body's first cell (1-based).
 */
export function formulasMissing(
  values: unknown[][],
  formulaAreas: readonly string[],
  top: number,
  left: number,
): boolean[][] {
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  const formula = values.map((row) => row.map(() => false));
  for (const area of formulaAreas) {
    let rect: Rect;
    try {
      rect = parseRect(area);
    } catch {
      continue; // an address this reader cannot place says nothing about the table
    }
    for (let r = Math.max(rect.top, top); r <= Math.min(rect.bottom, top + rows - 1); r++) {
      const row = formula[r - top];
      for (let c = Math.max(rect.left, left); c <= Math.min(rect.right, left + columns - 1); c++)
        if (row) row[c - left] = true;
    }
  }
  const calculated = Array.from({ length: columns }, (_, c) => {
    const withFormula = formula.filter((row) => row[c]).length;
    return withFormula > 0 && withFormula * 2 > rows;
  });
  return values.map((row, r) =>
    row.map(
      (value, c) =>
        calculated[c] === true && formula[r]?.[c] !== true && !isBlank(officeCellValue(value)),
    ),
  );
}

/**
 * "'Eight Is'!B6:C6, Sheet1!E1:F2" → ["B6:C6", "E1:F2"]: a RangeAreas
 * address, whose sheet names may be quoted and hold commas.
 */
export function areaAddresses(address: string): string[] {
  const areas: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of address) {
    if (char === "'") quoted = !quoted;
    if (char === "," && !quoted) {
      areas.push(current);
      current = "";
    } else current += char;
  }
  areas.push(current);
  return areas
    .map((area) =>
      area
        .slice(area.lastIndexOf("!") + 1)
        .replace(/\$/g, "")
        .trim(),
    )
    .filter((area) => area !== "");
}

/** Merged areas need ExcelApi 1.13; the add-in asks only for 1.9, so it reads them where Excel has them. */
function mergedAreasSupported(): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("ExcelApi", "1.13") === true
  );
}

export interface ReadOptions {
  /** Whether to ask for merged areas; by default, when the host supports ExcelApi 1.13. */
  mergedAreas?: boolean;
}

export async function readWorkbookCells(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<WorkbookCells> {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();

  const withMerges = options.mergedAreas ?? mergedAreasSupported();
  const parts = tables.items.map((table) => ({
    name: table.name,
    sheet: table.worksheet.load("name"),
    header: table.getHeaderRowRange().load("values, rowIndex, columnIndex"),
    body: table.getDataBodyRange().load("values"),
    // Where the formulas are, as a few areas: loading every formula would double the response.
    formulas: table.getDataBodyRange().getSpecialCellsOrNullObject("Formulas").load("address"),
    below: table.getRange().getRowsBelow(1).load("values"),
    merged: withMerges ? table.getRange().getMergedAreasOrNullObject().load("address") : null,
  }));
  await context.sync();

  const cells: TableCells[] = parts.map((part) => ({
    name: part.name,
    sheet: part.sheet.name,
    headerRow: part.header.rowIndex + 1,
    firstColumn: part.header.columnIndex + 1,
    headers: (part.header.values[0] ?? []).map((h) => String(h ?? "")),
    rows: part.body.values.map((row) => row.map(officeCellValue)),
    below: (part.below.values[0] ?? []).map(officeCellValue),
    ...(part.merged
      ? { merged: part.merged.isNullObject ? [] : areaAddresses(part.merged.address) }
      : {}),
    formulaMissing: formulasMissing(
      part.body.values,
      part.formulas.isNullObject ? [] : areaAddresses(part.formulas.address),
      part.header.rowIndex + 2,
      part.header.columnIndex + 1,
    ),
  }));
  return { sheetNames: sheets.items.map((s) => s.name), tables: cells };
}

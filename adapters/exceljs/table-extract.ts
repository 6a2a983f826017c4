/**
 * One table's cells from its sheet's cells: header, data rows up to the last
 * row in use, the row just under the table, the merged ranges that touch it,
 * and calculated columns holding constants.
 */
import type { CellValue, TableCells } from "../../core/read/cells.js";
import { isBlank } from "../../core/read/table-reader.js";
import { intersects, MAX_ROW, parseRange, type CellRange } from "./cell-range.js";
import { count, READ_LIMITS } from "./read-limits.js";
import type { SheetCells } from "./sheet-cells.js";
import type { TableDefinition } from "./table-definition.js";
import { UnreadableWorkbookError } from "./unreadable.js";

/** Counts cells across every table of a workbook, so that many tables cannot add up to too much. */
export class CellBudget {
  used = 0;
  take(cells: number, table: string, sheet: string): void {
    this.used += cells;
    if (this.used > READ_LIMITS.tableCells) {
      throw new UnreadableWorkbookError(
        `the tables hold more than ${count(READ_LIMITS.tableCells)} cells in all (the limit was passed at the table ${table} on sheet ${sheet}); shrink each table to the rows and columns in use (Table Design → Resize Table) and try again`,
      );
    }
  }
}

/** The table's range, or a refusal naming it: a range Excel could not hold means a damaged file. */
export function tableRange(definition: TableDefinition, sheet: string): CellRange {
  const range = parseRange(definition.ref);
  if (!range) {
    throw new UnreadableWorkbookError(
      `the table ${definition.name || "(no name)"} on sheet ${sheet} has a malformed range "${definition.ref.slice(0, 40)}"; open the file in Excel and save it again`,
    );
  }
  return range;
}

function lastRowInUse(cells: SheetCells, range: CellRange, first: number, last: number): number {
  let found = first - 1;
  for (const [row, { columns, values }] of cells.rows) {
    if (row < first || row > last || row <= found) continue;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] ?? 0;
      if (column >= range.left && column <= range.right && !isBlank(values[i])) {
        found = row;
        break;
      }
    }
  }
  return found;
}

function rowValues(cells: SheetCells, row: number, range: CellRange): CellValue[] {
  const values = new Array<CellValue>(range.right - range.left + 1).fill(null);
  const found = cells.rows.get(row);
  found?.columns.forEach((column, i) => {
    if (column >= range.left && column <= range.right)
      values[column - range.left] = found.values[i] ?? null;
  });
  return values;
}

function headerText(value: CellValue, columnName: string | undefined): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return columnName ?? "";
}

export function extractTable(
  definition: TableDefinition,
  range: CellRange,
  sheet: string,
  cells: SheetCells,
  budget: CellBudget,
): TableCells {
  const width = range.right - range.left + 1;
  const headerRow = definition.hasHeaderRow ? range.top : range.top - 1;
  const firstDataRow = headerRow + 1;
  const lastInRange = range.bottom - (definition.hasTotalsRow ? 1 : 0);
  // A table formatted over whole columns reaches row 1,048,576: read it to its last row in use.
  const lastDataRow = lastRowInUse(cells, range, firstDataRow, lastInRange);
  const rowCount = lastDataRow - firstDataRow + 1;
  if (rowCount > READ_LIMITS.tableRows) {
    throw new UnreadableWorkbookError(
      `the table ${definition.name} on sheet ${sheet} has ${count(rowCount)} rows in use (rows ${count(firstDataRow)} to ${count(lastDataRow)}), more than the ${count(READ_LIMITS.tableRows)} this tool reads; shrink it to the rows in use (Table Design → Resize Table) and try again`,
    );
  }
  budget.take(rowCount * width, definition.name, sheet);

  const rows: CellValue[][] = [];
  const formulaMissing: boolean[][] = [];
  for (let row = firstDataRow; row <= lastDataRow; row++) {
    rows.push(new Array<CellValue>(width).fill(null));
    formulaMissing.push(new Array<boolean>(width).fill(false));
  }
  for (const [row, found] of cells.rows) {
    if (row < firstDataRow || row > lastDataRow) continue;
    const values = rows[row - firstDataRow];
    const missing = formulaMissing[row - firstDataRow];
    if (!values || !missing) continue;
    found.columns.forEach((column, i) => {
      const index = column - range.left;
      if (index < 0 || index >= width) return;
      const value = found.values[i] ?? null;
      values[index] = value;
      // Excel fills a calculated column's formula into every row; a typed value there hides the formula.
      missing[index] =
        found.formulas[i] !== true &&
        definition.columns[index]?.calculated === true &&
        !isBlank(value);
    });
  }

  const headerValues = definition.hasHeaderRow
    ? rowValues(cells, headerRow, range)
    : new Array<CellValue>(width).fill(null);
  const merged = cells.merged.filter((ref) => {
    const area = parseRange(ref);
    return area !== null && intersects(area, range);
  });
  return {
    name: definition.name,
    sheet,
    headerRow,
    firstColumn: range.left,
    headers: headerValues.map((value, i) => headerText(value, definition.columns[i]?.name)),
    rows,
    ...(range.bottom < MAX_ROW ? { below: rowValues(cells, range.bottom + 1, range) } : {}),
    merged,
    formulaMissing,
  };
}

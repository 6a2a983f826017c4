/**
 * What a host hands the reader: the tables of a workbook as 2D arrays of
 * computed values, found by table name and header, never by fixed address.
 */

/** An Excel error value in a cell, such as "#DIV/0!" or "#REF!". */
export interface CellError {
  error: string;
}

/**
 * A cell as read back. Formula cells carry their computed result (null when
 * the file has none cached). Dates may arrive as Date objects (exceljs) or as
 * serial numbers (Office.js); the reader accepts both.
 */
export type CellValue = string | number | boolean | null | Date | CellError;

export interface TableCells {
  name: string;
  sheet: string;
  /** Row of the header (1-based). */
  headerRow: number;
  /** Column of the table's first column (1-based). */
  firstColumn: number;
  headers: string[];
  /** Data rows only: no header, no totals row. */
  rows: CellValue[][];
  /**
   * The sheet row just under the table, same columns, when the host can read
   * it: a value there is data the officer meant to add but the table ignores.
   */
  below?: CellValue[];
  /** Merged ranges ("B6:C6") that intersect the table: merged cells shift data between columns. */
  merged?: string[];
  /**
   * Per data cell (same shape as `rows`), true where a calculated column
   * holds a constant instead of its formula. Hosts that cannot tell leave it out.
   */
  formulaMissing?: boolean[][];
}

export interface WorkbookCells {
  sheetNames: string[];
  tables: TableCells[];
}

export function isCellError(value: CellValue): value is CellError {
  return (
    typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value
  );
}

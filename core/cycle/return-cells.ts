import type { CellValue } from "../read/cells.js";

/**
 * A return workbook as a host reads it back: each sheet's cells as rows of
 * values (row 1 first, column A first), sheets found by name regardless of
 * case. Hidden sheets are included: the return's identity lives in one.
 */
export interface ReturnCells {
  /** The file's name as the user gave it, for messages ("ccg.xlsx"). */
  file: string;
  sheets: Record<string, CellValue[][]>;
}

export function sheetOf(cells: ReturnCells, name: string): CellValue[][] | null {
  const key = Object.keys(cells.sheets).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : (cells.sheets[key] ?? null);
}

/** The value at a 1-based row and column, or null past the sheet's edge. */
export function valueAt(sheet: readonly CellValue[][], row: number, column: number): CellValue {
  return sheet[row - 1]?.[column - 1] ?? null;
}

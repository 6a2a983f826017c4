/**
 * A1 range addresses as rectangles. Shared by the Office.js interpreter (to
 * split blocks into columns and chunks) and the fake Excel (to store cells).
 */
import { cellAddress, columnLetter, type CellRect } from "../../core/layout/address.js";

/** Excel's grid limits: whole-column ranges ("A:A") run to the last row. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 1-based, inclusive: core's cell rectangle. */
export type Rect = CellRect;

function columnNumber(letters: string): number {
  let column = 0;
  for (const char of letters) column = column * 26 + (char.charCodeAt(0) - 64);
  return column;
}

/** Parses "B4", "B4:K30", "A:C", "3:5" (with or without $ signs); no sheet name. */
export function parseRect(address: string): Rect {
  const parts = address.replace(/\$/g, "").toUpperCase().split(":");
  const first = parts[0] ?? "";
  const second = parts[1] ?? first;
  if (parts.length > 2) throw new Error(`Not a range address: ${address}`);
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const column = /^([A-Z]{1,3})$/;
  const row = /^(\d+)$/;
  const a = cell.exec(first);
  const b = cell.exec(second);
  if (a && b) {
    return normalise({
      top: Number(a[2]),
      left: columnNumber(a[1] ?? ""),
      bottom: Number(b[2]),
      right: columnNumber(b[1] ?? ""),
    });
  }
  const ca = column.exec(first);
  const cb = column.exec(second);
  if (ca && cb) {
    const left = columnNumber(ca[1] ?? "");
    const right = columnNumber(cb[1] ?? "");
    return normalise({ top: 1, left, bottom: MAX_ROWS, right });
  }
  const ra = row.exec(first);
  const rb = row.exec(second);
  if (ra && rb)
    return normalise({ top: Number(ra[1]), left: 1, bottom: Number(rb[1]), right: MAX_COLUMNS });
  throw new Error(`Not a range address: ${address}`);
}

function normalise(rect: Rect): Rect {
  const result = {
    top: Math.min(rect.top, rect.bottom),
    bottom: Math.max(rect.top, rect.bottom),
    left: Math.min(rect.left, rect.right),
    right: Math.max(rect.left, rect.right),
  };
  if (result.top < 1 || result.left < 1 || result.bottom > MAX_ROWS || result.right > MAX_COLUMNS) {
    throw new Error(`Range outside the sheet: ${JSON.stringify(rect)}`);
  }
  return result;
}

export function rectAddress(rect: Rect): string {
  const first = cellAddress(rect.top, rect.left);
  if (rect.top === rect.bottom && rect.left === rect.right) return first;
  return `${first}:${cellAddress(rect.bottom, rect.right)}`;
}

export function rectRows(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}

export function rectColumns(rect: Rect): number {
  return rect.right - rect.left + 1;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: Rect, row: number, column: number): boolean {
  return row >= outer.top && row <= outer.bottom && column >= outer.left && column <= outer.right;
}

/** "A:A", the whole of one column, for column widths. */
export function wholeColumnAddress(column: number): string {
  const letter = columnLetter(column);
  return `${letter}:${letter}`;
}

/** Splits "Sheet 1!A1:B2" or "'It''s'!A1" into sheet and address. */
export function splitSheetAddress(full: string): { sheet: string | null; address: string } {
  const bang = full.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: full };
  let sheet = full.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: full.slice(bang + 1) };
}

/** A1 references as a hostile file may write them: parsed without throwing, checked against Excel's grid. */

export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B12" → { row: 12, column: 2 }; null when it is not a cell on Excel's grid. */
export function parseCell(text: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!match) return null;
  let column = 0;
  for (const char of (match[1] ?? "").toUpperCase()) column = column * 26 + char.charCodeAt(0) - 64;
  const row = Number(match[2]);
  if (row < 1 || row > MAX_ROW || column > MAX_COLUMN) return null;
  return { row, column };
}

/** "A4:Z28" (either corner first) → its bounds; a single cell is a one-cell range. */
export function parseRange(text: string): CellRange | null {
  const parts = text.split(":");
  if (parts.length > 2) return null;
  const from = parseCell(parts[0] ?? "");
  const to = parseCell(parts[1] ?? parts[0] ?? "");
  if (!from || !to) return null;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.column, to.column),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.column, to.column),
  };
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * Column and row of a cell's `r` attribute, read from its bytes: this runs
 * once per cell of every table. Returns false when it is not a cell on the grid.
 */
export function decodeCellReference(
  bytes: Uint8Array,
  from: number,
  to: number,
  into: { row: number; column: number },
): boolean {
  let i = from;
  let column = 0;
  for (; i < to; i++) {
    const code = (bytes[i] ?? 0) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  let row = 0;
  const digitsFrom = i;
  for (; i < to; i++) {
    const digit = (bytes[i] ?? 0) - 48;
    if (digit < 0 || digit > 9) return false;
    row = row * 10 + digit;
  }
  if (column === 0 || i === digitsFrom || column > MAX_COLUMN || row < 1 || row > MAX_ROW)
    return false;
  into.row = row;
  into.column = column;
  return true;
}

/** A1 addresses, 1-based rows and columns. */

export function columnLetter(column: number): string {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  return `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
}

/** "$B$5:$B$204": an absolute range, for validation lists that point at another sheet. */
export function absoluteColumnRange(
  sheet: string,
  column: number,
  top: number,
  bottom: number,
): string {
  const letter = columnLetter(column);
  return `${quoteSheet(sheet)}!$${letter}$${top}:$${letter}$${bottom}`;
}

export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function parseCellAddress(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!match) throw new Error(`Not a cell address: ${address}`);
  let column = 0;
  for (const char of match[1] ?? "") column = column * 26 + (char.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B4:K30" or "B4" as a rectangle (no whole columns or rows; addin/excel/a1.ts parses those). */
export function parseCellRange(range: string): CellRect {
  const [from = "", to] = range.split(":");
  const a = parseCellAddress(from);
  const b = to ? parseCellAddress(to) : a;
  return { top: a.row, left: a.column, bottom: b.row, right: b.column };
}

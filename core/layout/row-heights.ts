/**
 * Row heights for a sheet's operations. Excel grows a row to fit wrapped
 * text only when the text is typed or the row is autofitted; exceljs writes
 * neither, so without heights a wrapped objective shows its first line only.
 * This pass reads what the operations write (text, roles, column widths,
 * merges) and adds one `rowHeights` operation per sheet.
 */
import { parseCellAddress, parseCellRange, type CellRect } from "./address.js";
import { type CellRole, type Operation, type RowHeight, type SetRowHeights } from "./operations.js";
import { roleStyle } from "./styles.js";
import { lineHeight, linesHeight, wrappedLines } from "./text-measure.js";

/** Excel's width for a column nobody sized, in characters. */
const DEFAULT_COLUMN_WIDTH = 8.43;
const DEFAULT_FONT_SIZE = 11;

function contains(rect: CellRect, row: number, column: number): boolean {
  return row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
}

interface TextCell {
  row: number;
  column: number;
  text: string;
}

/** What one sheet's operations lay out, as far as row heights care. */
interface SheetText {
  widths: number[];
  texts: Map<string, TextCell>;
  roles: { rect: CellRect; role: CellRole }[];
  merges: CellRect[];
}

function collect(operations: readonly Operation[]): Map<string, SheetText> {
  const sheets = new Map<string, SheetText>();
  const sheetOf = (name: string): SheetText => {
    let sheet = sheets.get(name);
    if (!sheet) {
      sheet = { widths: [], texts: new Map(), roles: [], merges: [] };
      sheets.set(name, sheet);
    }
    return sheet;
  };
  for (const op of operations) {
    if (op.kind === "writeBlock") {
      const { texts } = sheetOf(op.sheet);
      const start = parseCellAddress(op.address);
      op.cells.forEach((cells, i) =>
        cells.forEach((cell, j) => {
          if (cell === null) return;
          const row = start.row + i;
          const column = start.column + j;
          const key = `${row}:${column}`;
          if (typeof cell === "string" && cell !== "") texts.set(key, { row, column, text: cell });
          else texts.delete(key);
        }),
      );
    } else if (op.kind === "role") {
      sheetOf(op.sheet).roles.push({ rect: parseCellRange(op.range), role: op.role });
    } else if (op.kind === "columnWidths") {
      const sheet = sheetOf(op.sheet);
      sheet.widths = [...op.widths];
    } else if (op.kind === "merge") {
      sheetOf(op.sheet).merges.push(parseCellRange(op.range));
    }
  }
  return sheets;
}

function roleAt(sheet: SheetText, row: number, column: number): CellRole | null {
  for (let i = sheet.roles.length - 1; i >= 0; i--) {
    const entry = sheet.roles[i];
    if (entry && contains(entry.rect, row, column)) return entry.role;
  }
  return null;
}

function widthOf(sheet: SheetText, left: number, right: number): number {
  let width = 0;
  for (let column = left; column <= right; column++)
    width += sheet.widths[column - 1] ?? DEFAULT_COLUMN_WIDTH;
  return width;
}

function heightsOf(sheet: SheetText): RowHeight[] {
  const rows = new Map<number, RowHeight>();
  for (const cell of sheet.texts.values()) {
    const merge = sheet.merges.find((m) => contains(m, cell.row, cell.column));
    // Only a merged range's top-left cell shows its text.
    if (merge && (merge.top !== cell.row || merge.left !== cell.column)) continue;
    const role = roleAt(sheet, cell.row, cell.column);
    const style = role ? roleStyle(role) : null;
    const size = style?.size ?? DEFAULT_FONT_SIZE;
    const width = merge
      ? widthOf(sheet, merge.left, merge.right)
      : widthOf(sheet, cell.column, cell.column);
    const lines = style?.wrap ? wrappedLines(cell.text, width, { size, bold: style.bold }) : 1;
    const points = linesHeight(lines, size);
    const previous = rows.get(cell.row);
    const autofit = !(merge && style?.wrap) && (previous?.autofit ?? true);
    rows.set(cell.row, { row: cell.row, points: Math.max(points, previous?.points ?? 0), autofit });
  }
  return [...rows.values()]
    .filter((r) => r.points > lineHeight(DEFAULT_FONT_SIZE))
    .sort((a, b) => a.row - b.row);
}

/** The operations with each sheet's row heights added after its other operations. */
export function withRowHeights(operations: readonly Operation[]): Operation[] {
  const heights: SetRowHeights[] = [];
  for (const [sheet, text] of collect(operations)) {
    const rows = heightsOf(text);
    if (rows.length > 0) heights.push({ kind: "rowHeights", sheet, rows });
  }
  return [...operations, ...heights];
}

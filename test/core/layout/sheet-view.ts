/**
 * One sheet as its operations leave it, cell by cell: what it holds, its
 * role, its number format, its column's width, merges, row heights and print
 * settings. Lets tests ask how the blueprint's sheet looks without a host.
 */
import { parseCellAddress, parseCellRange, type CellRect } from "../../../core/layout/address.js";
import type {
  CellInput,
  CellRole,
  Operation,
  PageSetup,
  RowHeight,
} from "../../../core/layout/operations.js";

const inside = (r: CellRect, row: number, column: number) =>
  row >= r.top && row <= r.bottom && column >= r.left && column <= r.right;

export interface SheetView {
  name: string;
  cells: Map<string, { row: number; column: number; value: CellInput }>;
  roleAt(row: number, column: number): CellRole | null;
  formatAt(row: number, column: number): string | null;
  widths: number[];
  merges: CellRect[];
  heights: Map<number, RowHeight>;
  page: PageSetup | undefined;
  /** The cell's content, or null. */
  at(row: number, column: number): CellInput;
  /** Whole width a cell's text has: its merged range's, else its column's. */
  widthAt(row: number, column: number): number;
  mergeAt(row: number, column: number): CellRect | undefined;
}

export function sheetView(operations: readonly Operation[], name: string): SheetView {
  const ops = operations.filter((o) => o.sheet === name);
  const cells = new Map<string, { row: number; column: number; value: CellInput }>();
  const roles: { rect: CellRect; role: CellRole }[] = [];
  const formats: { rect: CellRect; format: string }[] = [];
  const merges: CellRect[] = [];
  const heights = new Map<number, RowHeight>();
  let widths: number[] = [];
  let page: PageSetup | undefined;
  for (const op of ops) {
    if (op.kind === "writeBlock") {
      const start = parseCellAddress(op.address);
      op.cells.forEach((row, i) =>
        row.forEach((value, j) => {
          if (value === null) return;
          const r = start.row + i;
          const c = start.column + j;
          cells.set(`${r}:${c}`, { row: r, column: c, value });
        }),
      );
    } else if (op.kind === "role") roles.push({ rect: parseCellRange(op.range), role: op.role });
    else if (op.kind === "numberFormat")
      formats.push({ rect: parseCellRange(op.range), format: op.format });
    else if (op.kind === "columnWidths") widths = [...op.widths];
    else if (op.kind === "merge") merges.push(parseCellRange(op.range));
    else if (op.kind === "rowHeights") for (const h of op.rows) heights.set(h.row, h);
    else if (op.kind === "pageSetup") page = op;
  }
  const last = <T extends { rect: CellRect }>(list: T[], row: number, column: number) =>
    [...list].reverse().find((e) => inside(e.rect, row, column));
  const mergeAt = (row: number, column: number) => merges.find((m) => inside(m, row, column));
  const columnWidth = (column: number) => widths[column - 1] ?? 8.43;
  return {
    name,
    cells,
    roleAt: (row, column) => last(roles, row, column)?.role ?? null,
    formatAt: (row, column) => last(formats, row, column)?.format ?? null,
    widths,
    merges,
    heights,
    page,
    at: (row, column) => cells.get(`${row}:${column}`)?.value ?? null,
    mergeAt,
    widthAt(row, column) {
      const merge = mergeAt(row, column);
      if (!merge) return columnWidth(column);
      let width = 0;
      for (let c = merge.left; c <= merge.right; c++) width += columnWidth(c);
      return width;
    },
  };
}

/** The sheets the operations add, in order. */
export function sheetNames(operations: readonly Operation[]): string[] {
  return operations.flatMap((o) => (o.kind === "addSheet" ? [o.sheet] : []));
}

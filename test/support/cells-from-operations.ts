import { parseCellAddress } from "../../core/layout/address.js";
import { isFormula, type Operation } from "../../core/layout/operations.js";
import type { CellValue, TableCells, WorkbookCells } from "../../core/read/cells.js";

/**
 * Applies the blueprint's writes and tables to a plain grid, the way any
 * backend would, without computing formulas (formula cells read as null).
 * Lets reader tests start from exactly what the blueprint lays out.
 */
export function cellsFromOperations(operations: readonly Operation[]): WorkbookCells {
  const sheets = new Map<string, Map<string, CellValue>>();
  const tables: { name: string; sheet: string; range: string }[] = [];
  for (const op of operations) {
    if (op.kind === "addSheet") sheets.set(op.sheet, new Map());
    if (op.kind === "writeBlock") {
      const grid = sheets.get(op.sheet);
      const start = parseCellAddress(op.address);
      op.cells.forEach((row, i) =>
        row.forEach((cell, j) =>
          grid?.set(`${start.row + i}:${start.column + j}`, isFormula(cell) ? null : cell),
        ),
      );
    }
    if (op.kind === "addTable") tables.push({ name: op.name, sheet: op.sheet, range: op.range });
  }
  return {
    sheetNames: [...sheets.keys()],
    tables: tables.map(({ name, sheet, range }): TableCells => {
      const [from, to] = range.split(":");
      const top = parseCellAddress(from ?? "");
      const bottom = parseCellAddress(to ?? "");
      const grid = sheets.get(sheet);
      const row = (r: number) => {
        const values: CellValue[] = [];
        for (let c = top.column; c <= bottom.column; c++)
          values.push(grid?.get(`${r}:${c}`) ?? null);
        return values;
      };
      const rows: CellValue[][] = [];
      for (let r = top.row + 1; r <= bottom.row; r++) rows.push(row(r));
      return {
        name,
        sheet,
        headerRow: top.row,
        firstColumn: top.column,
        headers: row(top.row).map(String),
        rows,
      };
    }),
  };
}

/** A copy of `cells` with one table's cell replaced, addressed by header and data row (0-based). */
export function withCell(
  cells: WorkbookCells,
  table: string,
  header: string,
  row: number,
  value: CellValue,
): WorkbookCells {
  return {
    ...cells,
    tables: cells.tables.map((t) => {
      if (t.name !== table) return t;
      const column = t.headers.indexOf(header);
      if (column < 0) throw new Error(`${table} has no ${header}`);
      const rows = t.rows.map((r) => [...r]);
      const target = rows[row];
      if (!target) throw new Error(`${table} has no row ${row}`);
      target[column] = value;
      return { ...t, rows };
    }),
  };
}

import type { CellValue, TableCells, WorkbookCells } from "../../../core/read/cells.js";

/** A copy of `cells` with `change` applied to one table (by name). */
export function withTable(
  cells: WorkbookCells,
  name: string,
  change: (table: TableCells) => TableCells,
): WorkbookCells {
  return {
    ...cells,
    tables: cells.tables.map((t) => (t.name === name ? change(t) : t)),
  };
}

/** A blank spare row inserted into a table before data row `before` (0-based). */
export function withBlankRow(cells: WorkbookCells, name: string, before: number): WorkbookCells {
  return withTable(cells, name, (t) => {
    const blank: CellValue[] = t.headers.map(() => null);
    return { ...t, rows: [...t.rows.slice(0, before), blank, ...t.rows.slice(before)] };
  });
}

/** One cell of a table, by header and data row (0-based). */
export function cellOf(table: TableCells, header: string, row: number): CellValue {
  return table.rows[row]?.[table.headers.indexOf(header)] ?? null;
}

import { cellAddress } from "../layout/address.js";
import { isBlank, type TableReader } from "./table-reader.js";

/**
 * What the host saw around a table (TableCells `below`, `merged`,
 * `formulaMissing`), turned into located warnings: data the table ignores,
 * merged cells that shift data between columns, and calculated cells
 * overwritten with constants.
 */
export function checkTableEdges(reader: TableReader, record: string): void {
  const { table } = reader;
  const below = table.below ?? [];
  const typed = below.findIndex((value) => !isBlank(value));
  if (typed >= 0) {
    reader.report(
      "warning",
      cellAddress(table.headerRow + table.rows.length + 1, table.firstColumn + typed),
      `${record} typed on the row just below the table is ignored: extend the table`,
      "Drag the handle at the table's bottom-right corner down to take the row in, then check again.",
    );
  }
  for (const range of table.merged ?? []) {
    reader.report(
      "warning",
      range,
      `Cells ${range} are merged: merged cells shift data between columns`,
      "Unmerge them (Home → Merge & Center → Unmerge Cells) and check each value sits under its own header.",
    );
  }
  (table.formulaMissing ?? []).forEach((flags, row) =>
    flags.forEach((constant, column) => {
      if (!constant) return;
      const header = reader.headerAt(column);
      reader.report(
        "warning",
        cellAddress(table.headerRow + 1 + row, table.firstColumn + column),
        `${header || "This"} is a calculated column overwritten with a constant; the Summary disagrees`,
        "Restore the formula: copy the cell of another row in this column into it.",
      );
    }),
  );
}

/** One table part (xl/tables/tableN.xml): its name, range and columns. */
import { READ_LIMITS } from "./read-limits.js";
import { decodeEscapedCharacters, XmlScanner } from "./xml-scanner.js";

export interface TableColumnDefinition {
  name: string;
  /** The column has a calculated column formula that Excel fills into every row. */
  calculated: boolean;
}

export interface TableDefinition {
  /** The name formulas and Excel's Table Design tab show. */
  name: string;
  /** The range as written ("A4:Z28"); checked by the caller. */
  ref: string;
  hasHeaderRow: boolean;
  hasTotalsRow: boolean;
  columns: TableColumnDefinition[];
}

export function parseTableDefinition(xml: Uint8Array): TableDefinition | null {
  const scanner = new XmlScanner(xml);
  let table: TableDefinition | null = null;
  let column: TableColumnDefinition | null = null;
  while (scanner.next()) {
    const name = scanner.name;
    if (scanner.closing) {
      if (name === "tableColumn") column = null;
      continue;
    }
    if (name === "table" && table === null) {
      table = {
        name: scanner.attr("displayName") ?? scanner.attr("name") ?? "",
        ref: scanner.attr("ref") ?? "",
        hasHeaderRow: (scanner.attr("headerRowCount") ?? "1") !== "0",
        hasTotalsRow: (scanner.attr("totalsRowCount") ?? "0") !== "0",
        columns: [],
      };
    } else if (name === "tableColumn" && table) {
      // More columns than Excel allows cannot all be real; the range check refuses such a table.
      if (table.columns.length > READ_LIMITS.tableColumns) break;
      column = { name: decodeEscapedCharacters(scanner.attr("name") ?? ""), calculated: false };
      table.columns.push(column);
      if (scanner.empty) column = null;
    } else if (name === "calculatedColumnFormula" && column) {
      column.calculated = true;
      scanner.skipElement();
    } else if (name === "autoFilter" || name === "sortState" || name === "extLst") {
      scanner.skipElement();
    }
  }
  return table;
}

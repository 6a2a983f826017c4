import type { ColumnSpec } from "./columns.js";
import type { CellInput } from "./operations.js";
import { isoToSerial } from "../model/dates.js";
import { fieldValue } from "../model/fields.js";

/** One cell's input for a model value, as the column's kind stores it. */
function cellOf(column: ColumnSpec, value: unknown): CellInput {
  if (value === null || value === undefined) return null;
  if (column.kind === "yesNo") return value ? "Yes" : "No";
  if (column.kind === "date") return typeof value === "string" && value ? isoToSerial(value) : null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return null;
}

/** A record's input cells keyed by header, from the columns that name a field. */
export function rowOf(columns: readonly ColumnSpec[], record: object): Record<string, CellInput> {
  const row: Record<string, CellInput> = {};
  for (const column of columns) {
    if (column.field === undefined || column.kind === "formula") continue;
    row[column.header] = cellOf(column, fieldValue(record, column.field));
  }
  return row;
}

import { needOf, type ColumnSpec, type Plausible } from "../layout/columns.js";
import { setFieldValue } from "../model/fields.js";
import type { RecordOrigin } from "../model/origins.js";
import { formatMoney, formatNumber } from "../format/uk.js";
import type { TableReader } from "./table-reader.js";

/** The columns a record is read from: those that name a model field and are typed in. */
export function inputColumns<F extends string>(
  columns: readonly ColumnSpec<F>[],
): (ColumnSpec<F> & { field: F })[] {
  return columns.filter(
    (c): c is ColumnSpec<F> & { field: F } => c.field !== undefined && c.kind !== "formula",
  );
}

/** Very large or small numbers print in scientific notation: "£1E+300" helps nobody as 301 digits. */
function shown(value: number, money: boolean): string {
  if (Math.abs(value) >= 1e15) return `${money ? "£" : ""}${value.toExponential(2)}`;
  return money ? formatMoney(value, 0) : formatNumber(value, Number.isInteger(value) ? 0 : 2);
}

/**
 * Reports a number outside the column's plausible range; true when it is
 * inside (or the column declares none). Outside values are read as blank.
 */
export function checkPlausible(
  reader: TableReader,
  row: number,
  header: string,
  value: number,
  range: Plausible,
  money: boolean,
  label = header,
): boolean {
  if (value >= range.min && value <= range.max) return true;
  const message =
    value < range.min
      ? range.min === 0
        ? `${label} cannot be negative, got ${shown(value, money)}`
        : `${label} must be at least ${shown(range.min, money)}, got ${shown(value, money)}`
      : `${label} of ${shown(value, money)} is implausibly large: the most it may be is ${shown(range.max, money)}`;
  reader.report(
    "error",
    reader.address(row, header),
    message,
    "Check the figure and type it again; until then it is read as blank.",
  );
  return false;
}

function readValue(reader: TableReader, row: number, column: ColumnSpec): unknown {
  const header = column.header;
  const required = needOf(column) === "always" ? ("error" as const) : false;
  switch (column.kind) {
    case "text":
    case "longText":
    case "formula":
      return reader.text(row, header, required);
    case "date":
      return reader.date(row, header, required);
    case "yesNo":
      return reader.yesNo(row, header, false);
    case "choice":
      return reader.choice(row, header, column.options ?? [], required);
    default: {
      const value = reader.number(row, header, required);
      if (value === null) return null;
      if (column.kind === "integer" && !Number.isInteger(value)) {
        reader.report(
          "error",
          reader.address(row, header),
          `${header} must be a whole number, got ${value}`,
        );
        return null;
      }
      const money = column.kind === "money" || column.kind === "moneyPence";
      if (column.plausible && !checkPlausible(reader, row, header, value, column.plausible, money))
        return null;
      return value;
    }
  }
}

/** What a blank cell reads as, for a column the table does not have. */
function blankValue(column: ColumnSpec): unknown {
  if (column.kind === "text" || column.kind === "longText") return "";
  if (column.kind === "yesNo") return false;
  return null;
}

/**
 * Reads one row into a record, field by field as the column specs say, and
 * notes where each field came from. Columns listed in `absent` (missing from
 * the table, already reported once at the header) read as blank silently.
 */
export function readRecord<F extends string>(
  reader: TableReader,
  columns: readonly (ColumnSpec<F> & { field: F })[],
  row: number,
  absent: ReadonlySet<string>,
): { record: Record<string, unknown>; origin: RecordOrigin<F> } {
  const record: Record<string, unknown> = {};
  const origin: RecordOrigin<F> = {
    sheet: reader.table.sheet,
    row: reader.sheetRow(row),
    fields: {},
  };
  for (const column of columns) {
    if (absent.has(column.header)) {
      setFieldValue(record, column.field, blankValue(column));
      continue;
    }
    setFieldValue(record, column.field, readValue(reader, row, column));
    origin.fields[column.field] = reader.origin(row, column.header);
  }
  return { record, origin };
}

/**
 * Column specifications: the one place that says what each column of each
 * table holds. The blueprint writes from them, the reader parses with them
 * and `partnership schema` prints them.
 */

export type ColumnKind =
  | "text"
  | "longText"
  | "integer"
  | "number"
  | "money"
  | "moneyPence"
  | "percent"
  | "date"
  | "yesNo"
  | "choice"
  | "score"
  | "formula";

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  /** Width in characters. */
  width: number;
  description: string;
  required?: boolean;
  /** Allowed values for `choice` columns. */
  options?: readonly string[];
  /** A dropdown of another table's column (`Partners` → `Short name`). */
  listFrom?: {
    sheet: string;
    table: string;
    column: string;
    /** 1-based position in its table. */ index: number;
  };
  /** For `formula` columns: Excel syntax with `[@Column]` shorthand, leading "=". */
  formula?: string;
  /** Overrides the kind's number format (formula columns need one to show £ or %). */
  format?: string;
  /** For `score` columns. */
  range?: { min: number; max: number };
}

export const FORMATS = {
  money: '"£"#,##0;[Red]-"£"#,##0',
  moneyPence: '"£"#,##0.00;[Red]-"£"#,##0.00',
  percent: "0.0%",
  date: "dd/mm/yyyy",
  integer: "0",
  number: "#,##0.##",
  ratio: "#,##0.00",
  score: "0.0",
  text: "@",
} as const;

export function numberFormatOf(column: ColumnSpec): string | null {
  if (column.format) return column.format;
  switch (column.kind) {
    case "money":
      return FORMATS.money;
    case "moneyPence":
      return FORMATS.moneyPence;
    case "percent":
      return FORMATS.percent;
    case "date":
      return FORMATS.date;
    case "integer":
      return FORMATS.integer;
    case "number":
      return FORMATS.number;
    default:
      return null;
  }
}

export const YES_NO = ["Yes", "No"] as const;

/** The first row of data under every table's header; rows above hold title and instructions. */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = HEADER_ROW + 1;
/** How far down a dropdown that lists another table's column looks. */
export const LIST_DEPTH = 500;

/** A dropdown of `column` in a table laid out from `columns`. */
export function listOf(
  sheet: string,
  table: string,
  columns: readonly ColumnSpec[],
  column: string,
): NonNullable<ColumnSpec["listFrom"]> {
  const index = columns.findIndex((c) => c.header === column) + 1;
  if (index === 0) throw new Error(`${table} has no column ${column}`);
  return { sheet, table, column, index };
}

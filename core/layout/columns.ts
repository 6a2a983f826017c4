/**
 * Column specifications: the one place that says what each column of each
 * table holds, which model field it fills and what needs it. The blueprint
 * writes from them, the reader parses with them, `partnership schema` prints
 * them, and the documents and check decide from them what is missing.
 */
import type { DocumentKind } from "../document/kinds.js";
import type { ArrangementType } from "../model/types.js";

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

/**
 * What needs a field. `always`: a record means nothing without it, so a blank
 * is an error. `documents`: the documents print it, so a blank shows as
 * [MISSING: …] in a draft and stops a final document. `optional`: a blank is
 * fine everywhere (documents print nothing for it).
 */
export type Need = "always" | "documents" | "optional";

/** The document being made, for fields only some documents need. */
export interface NeedContext {
  kind: DocumentKind;
  arrangement: ArrangementType | null;
}

/** Narrows a `documents` need to some documents. */
export interface NeedRule {
  /** Which documents, in words for the schema ("agreements"). */
  label: string;
  applies: (context: NeedContext) => boolean;
}

export const NEEDED_IN = {
  agreements: { label: "agreements", applies: (c) => c.kind === "agreement" },
  termsOfReference: {
    label: "terms of reference",
    applies: (c) => c.kind === "terms-of-reference",
  },
  pooledAgreements: {
    label: "agreements with a pooled fund",
    applies: (c) => c.kind === "agreement" && c.arrangement === "Formal agreement with pooled fund",
  },
} satisfies Record<string, NeedRule>;

/** What a field needs, as the specs of both columns and Partnership fields say it. */
export interface FieldNeed {
  need?: Need;
  /** For `documents` fields that only some documents print; every document when absent. */
  neededIn?: NeedRule;
}

export function needOf(spec: FieldNeed): Need {
  return spec.need ?? "optional";
}

/** Whether a blank in this field is a gap in the given document. */
export function isNeeded(spec: FieldNeed, context: NeedContext): boolean {
  const need = needOf(spec);
  if (need === "always") return true;
  if (need === "optional") return false;
  return spec.neededIn ? spec.neededIn.applies(context) : true;
}

/**
 * Values outside this range are typing slips or hostile input (a negative
 * contribution, £1E+300, a quorum of 40,000): the reader reports them as
 * errors at their cell and reads the cell as blank.
 */
export interface Plausible {
  min: number;
  max: number;
}

export const PLAUSIBLE = {
  /** Money in pounds: never negative, and no partnership budget reaches £10bn. */
  money: { min: 0, max: 10_000_000_000 },
  /** Counts of outputs and outcomes. */
  count: { min: 0, max: 1_000_000_000 },
  /** Indicator values may be negative (a change), but not astronomical. */
  measure: { min: -1_000_000_000_000, max: 1_000_000_000_000 },
} satisfies Record<string, Plausible>;

export interface ColumnSpec<F extends string = string> extends FieldNeed {
  header: string;
  kind: ColumnKind;
  /** Width in characters. */
  width: number;
  description: string;
  /**
   * The model field the column fills ("shortName"; "smart.specific" for a
   * nested one). Columns without a field are calculated or laid out apart.
   */
  field?: F;
  /** How documents and messages name the value ("Signatory"); the header when absent. */
  label?: string;
  plausible?: Plausible;
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
  /**
   * Variance is actual spend − budget, so an overspend is positive: red goes
   * with it, an underspend shows plainly with a minus, and on budget is not red.
   */
  variance: '[Red]"£"#,##0;-"£"#,##0;"£"0',
  variancePercent: "[Red]0.0%;-0.0%;0.0%",
  /** An indicator measured in pounds: an amount, not a debit or credit. */
  pounds: '"£"#,##0',
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

/** The column that fills `field`, with its position in `columns` (-1 when none). */
export function columnOfField<F extends string>(
  columns: readonly ColumnSpec<F>[],
  field: F,
): { column: ColumnSpec<F> | undefined; index: number } {
  const index = columns.findIndex((c) => c.field === field);
  return { column: columns[index], index };
}

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

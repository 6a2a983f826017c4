import type { AddChart } from "../chart/operation.js";

/**
 * The workbook blueprint compiles to this small vocabulary of operations.
 * The exceljs backend (generator/xlsx) and the Office.js backend (addin/excel)
 * are thin interpreters of it, so a workbook built inside Excel and one built
 * on the command line are the same workbook.
 *
 * Addresses are A1 style without a sheet name ("B4", "B4:K30"); rows and
 * columns are 1-based. Formulas are `{ formula: "=..." }` cells with a
 * leading "=" and English syntax, as Office.js `range.formulas` takes them
 * (the exceljs backend strips the "=").
 */

/**
 * A formula, with its leading "=". Formulas are tagged rather than spotted by
 * a leading "=" so that text an officer typed ("=A1 is not a formula here")
 * is always written as text.
 */
export interface Formula {
  formula: string;
}

/** What a cell can hold when written. */
export type CellInput = string | number | boolean | null | Formula;

export function isFormula(cell: CellInput): cell is Formula {
  return typeof cell === "object" && cell !== null;
}

/** What a cell is for, which decides how it looks (see layout/styles.ts). */
export type CellRole = "title" | "instruction" | "header" | "input" | "formula" | "label" | "note";

export interface AddSheet {
  kind: "addSheet";
  sheet: string;
  tabColor: string;
}

/** Values or formulas for a rectangle whose top-left cell is `address`. */
export interface WriteBlock {
  kind: "writeBlock";
  sheet: string;
  address: string;
  /** Plain values are written as values (text stays text, even with a leading "="); `{ formula }` cells as formulas. */
  cells: CellInput[][];
}

export interface TableColumnSpec {
  name: string;
  /**
   * The column's calculated formula in the long structured form Excel stores
   * (`Finance[[#This Row],[Budget (£)]]`), with a leading "="; absent for
   * input columns. Written into every data row too.
   */
  formula?: string;
}

/** A table (ListObject) over cells already written, header row included. */
export interface AddTable {
  kind: "addTable";
  sheet: string;
  name: string;
  /** Header row through last data row; a table always has at least one data row. */
  range: string;
  columns: TableColumnSpec[];
  style: string;
}

export interface SetNumberFormat {
  kind: "numberFormat";
  sheet: string;
  range: string;
  format: string;
}

export interface SetRole {
  kind: "role";
  sheet: string;
  range: string;
  role: CellRole;
}

export interface SetColumnWidths {
  kind: "columnWidths";
  sheet: string;
  /** Width in characters, first entry is column A. */
  widths: number[];
}

export interface Freeze {
  kind: "freeze";
  sheet: string;
  /** Rows above the first unfrozen row (the header row is the last frozen row). */
  rows: number;
  columns: number;
}

export interface ListValidation {
  kind: "listValidation";
  sheet: string;
  range: string;
  /** Either fixed choices or a formula for a range of choices ("=Partners!$B$5:$B$204"). */
  source: { values: string[] } | { formula: string };
  /** Shown when the entry is refused. */
  message: string;
}

export interface NumberValidation {
  kind: "numberValidation";
  sheet: string;
  range: string;
  min: number;
  max: number;
  wholeNumber: boolean;
  message: string;
}

/** Three-colour scale, low → mid → high. */
export interface ColorScale {
  kind: "colorScale";
  sheet: string;
  range: string;
  low: { value: number; color: string };
  mid: { value: number; color: string };
  high: { value: number; color: string };
}

/** Fill a cell whose text equals `text` (RAG words, flags). */
export interface TextHighlight {
  kind: "textHighlight";
  sheet: string;
  range: string;
  text: string;
  fill: string;
  fontColor: string;
}

/**
 * How a sheet prints on A4: officers take the Indicators and Summary sheets
 * to board meetings. A sheet that fits one page wide at a readable size is
 * shrunk to fit; a wider one prints across several pages at a readable
 * scale, with its ID and name columns repeated on each (layout/print.ts).
 */
export interface PageSetup {
  kind: "pageSetup";
  sheet: string;
  landscape: boolean;
  /** Rows repeated at the top of each printed page ("4:4"), or "" for none. */
  titleRows: string;
  /** Columns repeated at the left of each printed page ("A:B"); none when absent or "". */
  titleColumns?: string;
  /** Shrink to one page wide; absent means true. */
  fitToWidth?: boolean;
  /** Print scale in percent when not fitting to width; absent means 100. */
  scale?: number;
}

/**
 * Merges a one-row range, so a line of text above a table (the instruction)
 * wraps at the table's width instead of its first column's. Never used over
 * a table: tables cannot hold merged cells.
 */
export interface MergeCells {
  kind: "merge";
  sheet: string;
  range: string;
}

export interface RowHeight {
  /** 1-based row number. */
  row: number;
  points: number;
  /**
   * Whether a host that measures text (Excel) should fit the row itself
   * rather than take the estimate; false where the wrapped text sits in
   * merged cells, which Excel never fits.
   */
  autofit: boolean;
}

/**
 * Heights for rows whose text wraps onto several lines or is larger than
 * the default font. exceljs cannot measure text, so the blueprint estimates
 * them (layout/row-heights.ts); rows not listed keep the default height.
 */
export interface SetRowHeights {
  kind: "rowHeights";
  sheet: string;
  rows: RowHeight[];
}

export type { AddChart } from "../chart/operation.js";

export type Operation =
  | AddSheet
  | WriteBlock
  | AddTable
  | SetNumberFormat
  | SetRole
  | SetColumnWidths
  | Freeze
  | ListValidation
  | NumberValidation
  | ColorScale
  | TextHighlight
  | PageSetup
  | MergeCells
  | SetRowHeights
  | AddChart;

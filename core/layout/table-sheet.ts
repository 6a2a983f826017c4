import { absoluteColumnRange, cellAddress, rangeAddress } from "./address.js";
import {
  FIRST_DATA_ROW,
  HEADER_ROW,
  LIST_DEPTH,
  YES_NO,
  numberFormatOf,
  type ColumnSpec,
} from "./columns.js";
import type { CellInput, CellRole, Operation } from "./operations.js";
import { firstPageColumns, printLayout, type PrintLayout } from "./print.js";
import { expandShorthand } from "./structured.js";
import { roleStyle, TABLE_STYLE } from "./styles.js";
import { longestWordWidth } from "./text-measure.js";

/** A sheet holding one table under a title and an instruction line. */
export interface TableSheetSpec {
  sheet: string;
  table: string;
  title: string;
  instructions: string;
  tabColor: string;
  columns: ColumnSpec[];
  /** Input values per row, keyed by header; formula columns are computed. */
  rows: Record<string, CellInput>[];
  /** Columns kept in view when scrolling right (IDs, names). */
  freezeColumns?: number;
}

/** Where a table's column sits once laid out; used for conditional formats. */
export function dataColumnRange(spec: TableSheetSpec, header: string): string {
  const index = spec.columns.findIndex((c) => c.header === header);
  if (index < 0) throw new Error(`${spec.table} has no column ${header}`);
  const bottom = FIRST_DATA_ROW + Math.max(spec.rows.length, 1) - 1;
  return rangeAddress(FIRST_DATA_ROW, index + 1, bottom, index + 1);
}

/**
 * Each data row's cells in column order. A calculated column's formula is
 * expanded once and the same string given to every row: at 50,000 rows four
 * formulas of about 900 characters would otherwise be 180 MB of copies.
 */
function rowCells(spec: TableSheetSpec, columns: readonly ColumnSpec[]) {
  const formulas = columns.map((column) =>
    column.kind === "formula" ? expandShorthand(spec.table, column.formula ?? "") : undefined,
  );
  return (row: Record<string, CellInput>): CellInput[] =>
    columns.map((column, i) => {
      const formula = formulas[i];
      if (formula !== undefined) return { formula };
      const value = row[column.header];
      return value === undefined ? null : value;
    });
}

/** Room beside a header's longest word, so no renderer breaks it mid-word. */
const HEADER_MARGIN = 1.5;

/**
 * A column's width, widened where needed so its header's longest word fits
 * whole: a header row wraps only at spaces ("Community Trust" over two
 * lines, never "Commun-ity").
 */
export function readableWidth(column: ColumnSpec): number {
  const header = roleStyle("header");
  const word = longestWordWidth(column.header, { size: header.size, bold: header.bold });
  return Math.max(column.width, Math.ceil((word + HEADER_MARGIN) * 10) / 10);
}

function printOf(spec: TableSheetSpec): PrintLayout {
  return printLayout(spec.columns.map(readableWidth), spec.freezeColumns ?? 0);
}

/** Narrower than this, a merged line of instructions runs to too many lines. */
const MIN_INTRO_WIDTH = 60;

/**
 * A line of text above the table (the instruction, a source), merged so it
 * wraps at a readable width rather than in column A or past the page's
 * edge: across the whole table when it prints on one page wide; else across
 * the columns repeated on every printed page, when they are wide enough (so
 * each page shows it whole); else as far as the first page reaches.
 */
export function introLine(
  spec: TableSheetSpec,
  row: number,
  text: string,
  role: CellRole,
): Operation[] {
  const { sheet } = spec;
  const widths = spec.columns.map(readableWidth);
  const print = printOf(spec);
  const repeated = print.titleColumns ? (spec.freezeColumns ?? 0) : 0;
  const repeatedWidth = widths.slice(0, repeated).reduce((sum, w) => sum + w, 0);
  const span = print.fitToWidth
    ? widths.length
    : repeated > 0 && repeatedWidth >= MIN_INTRO_WIDTH
      ? repeated
      : firstPageColumns(widths, print.scale);
  const address = cellAddress(row, 1);
  return [
    { kind: "writeBlock", sheet, address, cells: [[text]] },
    { kind: "role", sheet, range: address, role },
    ...(span > 1
      ? [{ kind: "merge", sheet, range: rangeAddress(row, 1, row, span) } as const]
      : []),
  ];
}

export function tableSheetOperations(spec: TableSheetSpec): Operation[] {
  const { sheet, columns } = spec;
  const rows = spec.rows.length > 0 ? spec.rows : [{}];
  const last = FIRST_DATA_ROW + rows.length - 1;
  const width = columns.length;
  const widths = columns.map(readableWidth);
  const print = printOf(spec);
  const ops: Operation[] = [
    { kind: "addSheet", sheet, tabColor: spec.tabColor },
    { kind: "writeBlock", sheet, address: "A1", cells: [[spec.title]] },
    { kind: "role", sheet, range: "A1", role: "title" },
    ...introLine(spec, 2, spec.instructions, "instruction"),
    {
      kind: "writeBlock",
      sheet,
      address: cellAddress(HEADER_ROW, 1),
      cells: [columns.map((c) => c.header), ...rows.map(rowCells(spec, columns))],
    },
    {
      kind: "addTable",
      sheet,
      name: spec.table,
      range: rangeAddress(HEADER_ROW, 1, last, width),
      columns: columns.map((c) =>
        c.kind === "formula"
          ? { name: c.header, formula: expandShorthand(spec.table, c.formula ?? "") }
          : { name: c.header },
      ),
      style: TABLE_STYLE,
    },
    { kind: "role", sheet, range: rangeAddress(HEADER_ROW, 1, HEADER_ROW, width), role: "header" },
    { kind: "columnWidths", sheet, widths },
    { kind: "freeze", sheet, rows: HEADER_ROW, columns: spec.freezeColumns ?? 0 },
    {
      kind: "pageSetup",
      sheet,
      landscape: print.landscape,
      titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
      titleColumns: print.titleColumns,
      fitToWidth: print.fitToWidth,
      scale: print.scale,
    },
  ];
  columns.forEach((column, index) => {
    const col = index + 1;
    const range = rangeAddress(FIRST_DATA_ROW, col, last, col);
    ops.push({ kind: "role", sheet, range, role: column.kind === "formula" ? "formula" : "input" });
    const format = numberFormatOf(column);
    if (format) ops.push({ kind: "numberFormat", sheet, range, format });
    ops.push(...columnValidation(sheet, range, column));
  });
  return ops;
}

/** The dropdown or range check a column's kind calls for, over `range`. */
export function columnValidation(sheet: string, range: string, column: ColumnSpec): Operation[] {
  if (column.kind === "choice" && column.options) {
    const message = `Choose one of: ${column.options.join(", ")}.`;
    return [
      { kind: "listValidation", sheet, range, source: { values: [...column.options] }, message },
    ];
  }
  if (column.kind === "yesNo") {
    return [
      {
        kind: "listValidation",
        sheet,
        range,
        source: { values: [...YES_NO] },
        message: "Choose Yes or No.",
      },
    ];
  }
  if (column.listFrom) {
    const { sheet: from, table, column: fromColumn, index } = column.listFrom;
    const formula = `=${absoluteColumnRange(from, index, FIRST_DATA_ROW, FIRST_DATA_ROW + LIST_DEPTH - 1)}`;
    const message = `Choose ${/^[aeiou]/i.test(fromColumn) ? "an" : "a"} ${fromColumn} from the ${table} table.`;
    return [{ kind: "listValidation", sheet, range, source: { formula }, message }];
  }
  if (column.kind === "score" && column.range) {
    const { min, max } = column.range;
    const message = `Enter a whole number from ${min} to ${max}, or leave blank.`;
    return [{ kind: "numberValidation", sheet, range, min, max, wholeNumber: true, message }];
  }
  return [];
}

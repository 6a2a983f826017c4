import ExcelJS from "exceljs";
import {
  isFormula,
  type CellInput,
  type CellRole,
  type Operation,
} from "../../core/layout/operations.js";
import { parseCellAddress, parseCellRange } from "../../core/layout/address.js";
import { dispatch, type OperationHandlers } from "../../core/layout/dispatch.js";
import { roleStyle } from "../../core/layout/styles.js";
import { withoutInvalidXmlCharacters } from "../../core/text/xml-escape.js";
import { argb } from "./colour.js";
import type { FormulaTexts } from "./formula-texts.js";
import type { CalculatedColumns } from "./table-parts.js";
import { writtenChart, type WrittenChart } from "./chart-spec.js";
import { ExceljsCells, type CellAccess } from "./cell-access.js";
import type { DirectSheets } from "./direct-sheets.js";

/**
 * The exceljs interpreter of the blueprint's operations, host-neutral
 * (bytes in, bytes out): the command line and the preview's download both
 * use it. Its twin is addin/excel/compile-steps.ts (Office.js); both must
 * produce the same workbook.
 */

/** Visits every cell of a range, row by row. */
function forEachCell(range: string, visit: (row: number, column: number) => void): void {
  const r = parseCellRange(range);
  for (let row = r.top; row <= r.bottom; row++)
    for (let column = r.left; column <= r.right; column++) visit(row, column);
}

/** What a formula cell holds: the formula itself, or the writer's token for it (see formula-texts.ts). */
type FormulaCell = (formula: string) => string;

const asWritten: FormulaCell = (formula) => formula;

function cellValue(input: CellInput, formulaCell: FormulaCell): ExcelJS.CellValue {
  if (isFormula(input))
    return { formula: formulaCell(input.formula.replace(/^=/, "")) } as ExcelJS.CellFormulaValue;
  // exceljs writes control characters into the XML as they are, which no program can then open.
  if (typeof input === "string") return withoutInvalidXmlCharacters(input);
  return input;
}

/** Role styles are built once (see sharedStyle for what cells get). */
const roleStyles = new Map<CellRole, Partial<ExcelJS.Style>>();

function styleFor(role: CellRole): Partial<ExcelJS.Style> {
  let style = roleStyles.get(role);
  if (!style) {
    const s = roleStyle(role);
    style = {
      font: {
        name: "Calibri",
        size: s.size,
        bold: s.bold,
        italic: s.italic,
        color: { argb: argb(s.fontColor) },
      },
      alignment: { wrapText: s.wrap, vertical: "top" },
      ...(s.fill
        ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } } }
        : {}),
    };
    roleStyles.set(role, style);
  }
  return style;
}

/**
 * One style object per role and number format, shared by every cell that has
 * them. exceljs files a style under the object's identity: a fresh copy per
 * cell made it rebuild and look up the same style for every cell (a fifth of
 * a big workbook's write). Sharing is safe because no handler changes a
 * cell's style in place: each gives the cell another object. Cells are never
 * dates, the one value type that makes exceljs file the same style object
 * differently, so every sharer gets the same style entry it got alone.
 */
const sharedStyles = new Map<CellRole | null, Map<string | undefined, Partial<ExcelJS.Style>>>();
const sharedKeys = new WeakMap<object, { role: CellRole | null }>();

function sharedStyle(role: CellRole | null, numFmt: string | undefined): Partial<ExcelJS.Style> {
  let byFormat = sharedStyles.get(role);
  if (!byFormat) {
    byFormat = new Map();
    sharedStyles.set(role, byFormat);
  }
  let style = byFormat.get(numFmt);
  if (!style) {
    const base = role ? styleFor(role) : {};
    style = numFmt ? { ...base, numFmt } : { ...base };
    byFormat.set(numFmt, style);
    sharedKeys.set(style, { role });
  }
  return style;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`Operation on sheet ${name} before it was added`);
  return sheet;
}

/** What the handlers share while one workbook is written. */
interface WriteContext {
  workbook: ExcelJS.Workbook;
  calculated: CalculatedColumns;
  /** Charts for the stage after exceljs writes (it has no chart API). */
  charts: WrittenChart[];
  formulaCell: FormulaCell;
  /** The sheets whose cells the writer holds itself (see direct-sheets.ts). */
  direct: DirectSheets | undefined;
}

/** Where a sheet's cells are held: by the writer (a direct sheet) or by exceljs. */
function cellsOf(context: WriteContext, name: string): CellAccess {
  const sheet = sheetOf(context.workbook, name);
  return context.direct?.of(name) ?? new ExceljsCells(sheet);
}

const HANDLERS: OperationHandlers<WriteContext, void> = {
  addSheet(op, { workbook }) {
    // A sheet the officer added in Excel may have no tab colour.
    workbook.addWorksheet(
      op.sheet,
      op.tabColor ? { properties: { tabColor: { argb: argb(op.tabColor) } } } : {},
    );
  },
  writeBlock(op, context) {
    const cells = cellsOf(context, op.sheet);
    const start = parseCellAddress(op.address);
    op.cells.forEach((line, i) => {
      line.forEach((input, j) => {
        if (input !== null)
          cells.setValue(start.row + i, start.column + j, cellValue(input, context.formulaCell));
      });
    });
  },
  addTable(op, context) {
    const sheet = sheetOf(context.workbook, op.sheet);
    const cells = cellsOf(context, op.sheet);
    const r = parseCellRange(op.range);
    // exceljs writes the rows it is given back into the cells, which already hold them: it
    // gets empty rows (it counts them for the table's size). Every cell of the table is
    // still created, as writing its value back did.
    const rows: ExcelJS.CellValue[][] = [];
    for (let row = r.top + 1; row <= r.bottom; row++) {
      for (let column = r.left; column <= r.right; column++) cells.create(row, column);
      rows.push([]);
    }
    sheet.addTable({
      name: op.name,
      ref: op.range.split(":")[0] ?? "A1",
      headerRow: true,
      totalsRow: false,
      style: { theme: op.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: op.columns.map((c) => ({ name: c.name, filterButton: true })),
      rows,
    });
    cells.tableHeaderWritten(sheet, r.top, r.left, op.columns.length);
    const formulas = op.columns.flatMap((c) =>
      c.formula ? [{ name: c.name, formula: c.formula }] : [],
    );
    if (formulas.length) context.calculated.set(op.name, formulas);
  },
  numberFormat(op, context) {
    const cells = cellsOf(context, op.sheet);
    forEachCell(op.range, (row, column) => {
      // Keep the role an earlier operation set (a cell exceljs made has an empty style).
      const style = cells.style(row, column);
      const shared = sharedKeys.get(style);
      if (shared) cells.setStyle(row, column, sharedStyle(shared.role, op.format));
      else if (Object.keys(style).length === 0)
        cells.setStyle(row, column, sharedStyle(null, op.format));
      // Never change a style in place: other cells may share it.
      else cells.setStyle(row, column, { ...style, numFmt: op.format });
    });
  },
  role(op, context) {
    const cells = cellsOf(context, op.sheet);
    forEachCell(op.range, (row, column) => {
      // Keep the number format an earlier operation set; take the rest from the role.
      const { numFmt } = cells.style(row, column);
      cells.setStyle(row, column, sharedStyle(op.role, numFmt || undefined));
    });
  },
  columnWidths(op, { workbook }) {
    const sheet = sheetOf(workbook, op.sheet);
    op.widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  },
  freeze(op, { workbook }) {
    sheetOf(workbook, op.sheet).views = [
      { state: "frozen", xSplit: op.columns, ySplit: op.rows, topLeftCell: "A1", activeCell: "A1" },
    ];
  },
  pageSetup(op, { workbook }) {
    const sheet = sheetOf(workbook, op.sheet);
    sheet.pageSetup = {
      ...sheet.pageSetup,
      paperSize: 9, // A4
      orientation: op.landscape ? "landscape" : "portrait",
      fitToPage: op.fitToWidth ?? true,
      fitToWidth: 1,
      fitToHeight: 0,
      scale: op.scale ?? 100,
      ...(op.titleRows ? { printTitlesRow: op.titleRows } : {}),
      ...(op.titleColumns ? { printTitlesColumn: op.titleColumns } : {}),
    };
  },
  merge(op, context) {
    cellsOf(context, op.sheet).merge(op.range);
  },
  rowHeights(op, context) {
    // exceljs cannot measure text: the blueprint's estimates are written as they are.
    const cells = cellsOf(context, op.sheet);
    for (const { row, points } of op.rows) cells.setHeight(row, points);
  },
  listValidation(op, { workbook }) {
    const formula =
      "values" in op.source
        ? `"${op.source.values.join(",")}"`
        : op.source.formula.replace(/^=/, "");
    validations(sheetOf(workbook, op.sheet)).add(op.range, {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Not in the list",
      error: op.message,
    });
  },
  numberValidation(op, { workbook }) {
    validations(sheetOf(workbook, op.sheet)).add(op.range, {
      type: op.wholeNumber ? "whole" : "decimal",
      operator: "between",
      allowBlank: true,
      formulae: [op.min, op.max],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Out of range",
      error: op.message,
    });
  },
  colorScale(op, { workbook }) {
    sheetOf(workbook, op.sheet).addConditionalFormatting({
      ref: op.range,
      rules: [
        {
          type: "colorScale",
          priority: 1,
          cfvo: [
            { type: "num", value: op.low.value },
            { type: "num", value: op.mid.value },
            { type: "num", value: op.high.value },
          ],
          color: [
            { argb: argb(op.low.color) },
            { argb: argb(op.mid.color) },
            { argb: argb(op.high.color) },
          ],
        },
      ],
    });
  },
  textHighlight(op, { workbook }) {
    sheetOf(workbook, op.sheet).addConditionalFormatting({
      ref: op.range,
      rules: [
        {
          type: "cellIs",
          priority: 1,
          operator: "equal",
          formulae: [`"${op.text.replace(/"/g, '""')}"`],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(op.fill) } },
            font: { color: { argb: argb(op.fontColor) } },
          },
        },
      ],
    });
  },
  addChart(op, { workbook, charts }) {
    charts.push(writtenChart(op, sheetOf(workbook, op.sheet)));
  },
};

/** What the stages after exceljs's write need: the tables' calculated columns and the charts. */
export interface FinishingWork {
  calculated: CalculatedColumns;
  charts: WrittenChart[];
}

export interface WriteOptions {
  /**
   * Put a token for each formula in its cells, to be filled in after exceljs
   * writes (workbookBytes does): the workbook model then does not hold the
   * formulas themselves.
   */
  formulas?: FormulaTexts;
  /**
   * Called with each sheet once the last operation on it is applied: nothing
   * after that touches its cells (workbookBytes takes its model then, so a
   * big workbook never holds every sheet's cells at once).
   */
  onSheetWritten?: (sheet: ExcelJS.Worksheet) => void;
  /** Sheets whose cells the writer holds itself, not exceljs (see direct-sheets.ts). */
  direct?: DirectSheets;
}

/** The index of the last operation on each sheet. */
function lastOperationOn(operations: readonly Operation[]): Map<string, number> {
  const last = new Map<string, number>();
  operations.forEach((op, index) => last.set(op.sheet, index));
  return last;
}

/** Applies the operations to an exceljs workbook; returns what the finishing stages add. */
export function writeOperations(
  workbook: ExcelJS.Workbook,
  operations: readonly Operation[],
  options: WriteOptions = {},
): FinishingWork {
  const { formulas, onSheetWritten, direct } = options;
  const context: WriteContext = {
    workbook,
    calculated: new Map(),
    charts: [],
    formulaCell: formulas ? (formula) => formulas.token(formula) : asWritten,
    direct,
  };
  const last = onSheetWritten ? lastOperationOn(operations) : undefined;
  operations.forEach((op, index) => {
    dispatch(HANDLERS, op, context);
    if (onSheetWritten && last?.get(op.sheet) === index)
      onSheetWritten(sheetOf(workbook, op.sheet));
  });
  return { calculated: context.calculated, charts: context.charts };
}

/** Applies the operations to an exceljs workbook; returns the tables' calculated columns. */
export function applyOperations(
  workbook: ExcelJS.Workbook,
  operations: readonly Operation[],
): CalculatedColumns {
  return writeOperations(workbook, operations).calculated;
}

/** exceljs's worksheet typings omit the range-capable `dataValidations` collection it has at run time. */
function validations(sheet: ExcelJS.Worksheet): {
  add(range: string, validation: ExcelJS.DataValidation): void;
} {
  return (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
}

import ExcelJS from "exceljs";
import {
  isFormula,
  type CellInput,
  type CellRole,
  type Operation,
} from "../../core/layout/operations.js";
import { parseCellAddress } from "../../core/layout/address.js";
import { dispatch, type OperationHandlers } from "../../core/layout/dispatch.js";
import { roleStyle } from "../../core/layout/styles.js";
import { withoutInvalidXmlCharacters } from "../../core/text/xml-escape.js";
import { argb } from "./colour.js";
import type { CalculatedColumns } from "./table-parts.js";
import { writtenChart, type WrittenChart } from "./chart-spec.js";

/**
 * The exceljs interpreter of the blueprint's operations, host-neutral
 * (bytes in, bytes out): the command line and the preview's download both
 * use it. Its twin is addin/excel/compile-steps.ts (Office.js); both must
 * produce the same workbook.
 */

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function rect(range: string): Rect {
  const [from, to] = range.split(":");
  const a = parseCellAddress(from ?? "");
  const b = to ? parseCellAddress(to) : a;
  return { top: a.row, left: a.column, bottom: b.row, right: b.column };
}

function forEachCell(
  sheet: ExcelJS.Worksheet,
  range: string,
  visit: (cell: ExcelJS.Cell) => void,
): void {
  const r = rect(range);
  for (let row = r.top; row <= r.bottom; row++) {
    const sheetRow = sheet.getRow(row);
    for (let column = r.left; column <= r.right; column++) visit(sheetRow.getCell(column));
  }
}

function cellValue(input: CellInput): ExcelJS.CellValue {
  if (isFormula(input))
    return { formula: input.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  // exceljs writes control characters into the XML as they are, which no program can then open.
  if (typeof input === "string") return withoutInvalidXmlCharacters(input);
  return input;
}

/** Role styles are built once; each cell gets its own shallow copy (see numberFormat). */
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
}

const HANDLERS: OperationHandlers<WriteContext, void> = {
  addSheet(op, { workbook }) {
    // A sheet the officer added in Excel may have no tab colour.
    workbook.addWorksheet(
      op.sheet,
      op.tabColor ? { properties: { tabColor: { argb: argb(op.tabColor) } } } : {},
    );
  },
  writeBlock(op, { workbook }) {
    const sheet = sheetOf(workbook, op.sheet);
    const start = parseCellAddress(op.address);
    op.cells.forEach((cells, i) => {
      const row = sheet.getRow(start.row + i);
      cells.forEach((input, j) => {
        if (input !== null) row.getCell(start.column + j).value = cellValue(input);
      });
    });
  },
  addTable(op, { workbook, calculated }) {
    const sheet = sheetOf(workbook, op.sheet);
    const r = rect(op.range);
    const rows: ExcelJS.CellValue[][] = [];
    for (let row = r.top + 1; row <= r.bottom; row++) {
      const sheetRow = sheet.getRow(row);
      const values: ExcelJS.CellValue[] = [];
      for (let column = r.left; column <= r.right; column++)
        values.push(sheetRow.getCell(column).value);
      rows.push(values);
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
    const formulas = op.columns.flatMap((c) =>
      c.formula ? [{ name: c.name, formula: c.formula }] : [],
    );
    if (formulas.length) calculated.set(op.name, formulas);
  },
  numberFormat(op, { workbook }) {
    // A fresh style object per cell: exceljs mutates a cell's style in place, and styles may be shared.
    forEachCell(
      sheetOf(workbook, op.sheet),
      op.range,
      (cell) => (cell.style = { ...cell.style, numFmt: op.format }),
    );
  },
  role(op, { workbook }) {
    const style = styleFor(op.role);
    forEachCell(sheetOf(workbook, op.sheet), op.range, (cell) => {
      // Keep the number format an earlier operation set; take the rest from the role.
      const numFmt = cell.numFmt;
      cell.style = numFmt ? { ...style, numFmt } : { ...style };
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
  merge(op, { workbook }) {
    sheetOf(workbook, op.sheet).mergeCells(op.range);
  },
  rowHeights(op, { workbook }) {
    // exceljs cannot measure text: the blueprint's estimates are written as they are.
    const sheet = sheetOf(workbook, op.sheet);
    for (const { row, points } of op.rows) sheet.getRow(row).height = points;
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

/** Applies the operations to an exceljs workbook; returns what the finishing stages add. */
export function writeOperations(
  workbook: ExcelJS.Workbook,
  operations: readonly Operation[],
): FinishingWork {
  const context: WriteContext = { workbook, calculated: new Map(), charts: [] };
  for (const op of operations) dispatch(HANDLERS, op, context);
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

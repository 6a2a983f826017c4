/**
 * Turns blueprint operations into Office.js calls, ordered so that each call
 * finds what it needs: sheets, then number formats and constants, then
 * tables over the written cells, then formulas (a structured reference only
 * parses once its table exists, and a formula written down a whole table
 * column makes it a calculated column), then validation and conditional
 * formats. Each step knows its rough request size so large builds can be
 * split into batches under Excel for the web's 5 MB limit.
 */
import { rangeAddress } from "../../core/layout/address.js";
import {
  isFormula,
  type CellInput,
  type CellRole,
  type Operation,
  type SetRowHeights,
  type WriteBlock,
} from "../../core/layout/operations.js";
import { dispatch, type OperationHandlers } from "../../core/layout/dispatch.js";
import { roleStyle } from "../../core/layout/styles.js";
import { parseCellAddress } from "../../core/layout/address.js";
import {
  parseRect,
  rectAddress,
  rectColumns,
  rectRows,
  wholeColumnAddress,
  type Rect,
} from "./a1.js";
import { queueChart } from "./chart-step.js";
import { charactersToPoints } from "./column-width.js";
import { CALL_OVERHEAD_BYTES, jsonSize } from "./payload.js";
import { asTextCell } from "./text-cells.js";

/** Worksheets by name within one batch, so each is looked up once. */
export interface BatchScope {
  context: Excel.RequestContext;
  sheet(name: string): Excel.Worksheet;
  remember(name: string, sheet: Excel.Worksheet): void;
}

export interface Step {
  phase: Phase;
  bytes: number;
  queue(scope: BatchScope): void;
}

export enum Phase {
  Sheets = 0,
  Formats = 1,
  Constants = 2,
  Tables = 3,
  Formulas = 4,
  Rules = 5,
  /** Last: a chart plots cells that are already there. */
  Charts = 6,
}

/** Rows per band is chosen so no single write comes near the batch budget. */
const MAX_STEP_BYTES = 512 * 1024;

function step(phase: Phase, payload: unknown, queue: (scope: BatchScope) => void): Step {
  return { phase, bytes: CALL_OVERHEAD_BYTES + jsonSize(payload), queue };
}

function blockRect(op: WriteBlock): Rect {
  const { row, column } = parseCellAddress(op.address);
  const width = Math.max(1, ...op.cells.map((r) => r.length));
  return {
    top: row,
    left: column,
    bottom: row + Math.max(op.cells.length, 1) - 1,
    right: column + width - 1,
  };
}

/** Splits a grid into bands of rows whose JSON stays under the step limit. */
function bands<T>(rows: T[][], top: number): { top: number; rows: T[][] }[] {
  const total = jsonSize(rows);
  if (total <= MAX_STEP_BYTES) return [{ top, rows }];
  const perBand = Math.max(1, Math.floor((rows.length * MAX_STEP_BYTES) / total));
  const result: { top: number; rows: T[][] }[] = [];
  for (let i = 0; i < rows.length; i += perBand)
    result.push({ top: top + i, rows: rows.slice(i, i + perBand) });
  return result;
}

function constantCell(cell: CellInput | undefined): string | number | boolean | null {
  if (cell === undefined) return null; // ragged row: leave the cell as it is
  if (cell === null) return "";
  if (isFormula(cell)) return null; // written in the formula phase
  return typeof cell === "string" ? asTextCell(cell) : cell;
}

function writeBlockSteps(op: WriteBlock): Step[] {
  const rect = blockRect(op);
  const width = rectColumns(rect);
  const grid = op.cells.map((row) => Array.from({ length: width }, (_, j) => constantCell(row[j])));
  const steps: Step[] = [];
  const hasConstants = grid.some((row) => row.some((cell) => cell !== null));
  if (hasConstants) {
    for (const band of bands(grid, rect.top)) {
      const address = rangeAddress(
        band.top,
        rect.left,
        band.top + band.rows.length - 1,
        rect.right,
      );
      steps.push(
        step(Phase.Constants, band.rows, (scope) => {
          scope.sheet(op.sheet).getRange(address).values = band.rows;
        }),
      );
    }
  }
  // Formulas go down each column in runs, so a table column gets one write of its whole data body.
  for (let j = 0; j < width; j++) {
    let start = -1;
    for (let i = 0; i <= op.cells.length; i++) {
      const cell = op.cells[i]?.[j];
      if (cell !== undefined && isFormula(cell)) {
        if (start < 0) start = i;
        continue;
      }
      if (start >= 0) {
        const run = op.cells
          .slice(start, i)
          .map((row) => [(row[j] as { formula: string }).formula]);
        for (const band of bands(run, rect.top + start)) {
          const address = rangeAddress(
            band.top,
            rect.left + j,
            band.top + band.rows.length - 1,
            rect.left + j,
          );
          steps.push(
            step(Phase.Formulas, band.rows, (scope) => {
              scope.sheet(op.sheet).getRange(address).formulas = band.rows;
            }),
          );
        }
        start = -1;
      }
    }
  }
  return steps;
}

function numberFormatSteps(sheet: string, range: string, format: string): Step[] {
  const rect = parseRect(range);
  const rows = Array.from({ length: rectRows(rect) }, () =>
    Array.from({ length: rectColumns(rect) }, () => format),
  );
  return bands(rows, rect.top).map((band) => {
    const address = rectAddress({
      ...rect,
      top: band.top,
      bottom: band.top + band.rows.length - 1,
    });
    return step(Phase.Formats, band.rows, (scope) => {
      scope.sheet(sheet).getRange(address).numberFormat = band.rows;
    });
  });
}

function roleStep(sheet: string, range: string, role: CellRole): Step {
  const style = roleStyle(role);
  return step(Phase.Constants, style, (scope) => {
    const format = scope.sheet(sheet).getRange(range).format;
    if (style.fill) format.fill.color = style.fill;
    else format.fill.clear();
    format.font.color = style.fontColor;
    format.font.bold = style.bold;
    format.font.italic = style.italic;
    format.font.size = style.size;
    format.wrapText = style.wrap;
  });
}

/**
 * Excel measures text, so it fits rows itself (and keeps fitting them as
 * officers type); only rows whose wrapped text is merged, which Excel never
 * fits, take the blueprint's estimate. After the formulas, so every value is in.
 */
function rowHeightSteps(op: SetRowHeights): Step[] {
  const fitted = op.rows.filter((r) => r.autofit).map((r) => r.row);
  const runs: { top: number; bottom: number }[] = [];
  for (const row of fitted) {
    const run = runs[runs.length - 1];
    if (run && run.bottom === row - 1) run.bottom = row;
    else runs.push({ top: row, bottom: row });
  }
  const fixed = op.rows.filter((r) => !r.autofit);
  return [
    step(Phase.Rules, { runs, fixed }, (scope) => {
      const sheet = scope.sheet(op.sheet);
      for (const run of runs) sheet.getRange(`${run.top}:${run.bottom}`).format.autofitRows();
      for (const { row, points } of fixed)
        sheet.getRange(`${row}:${row}`).format.rowHeight = points;
    }),
  ];
}

function hexColour(colour: string): string {
  return colour.startsWith("#") ? colour : `#${colour}`;
}

function quoted(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

/** The Office.js calls for each operation kind, in the phases they belong to. */
const HANDLERS: OperationHandlers<void, Step[]> = {
  addSheet: (op) => [
    step(Phase.Sheets, op, (scope) => {
      const sheet = scope.context.workbook.worksheets.add(op.sheet);
      if (op.tabColor) sheet.tabColor = hexColour(op.tabColor);
      scope.remember(op.sheet, sheet);
    }),
  ],
  writeBlock: (op) => writeBlockSteps(op),
  numberFormat: (op) => numberFormatSteps(op.sheet, op.range, op.format),
  role: (op) => [roleStep(op.sheet, op.range, op.role)],
  columnWidths: (op) => [
    step(Phase.Constants, op.widths, (scope) => {
      const sheet = scope.sheet(op.sheet);
      op.widths.forEach((width, index) => {
        sheet.getRange(wholeColumnAddress(index + 1)).format.columnWidth =
          charactersToPoints(width);
      });
    }),
  ],
  freeze: (op) => [
    step(Phase.Constants, op, (scope) => {
      const panes = scope.sheet(op.sheet).freezePanes;
      if (op.rows > 0 && op.columns > 0)
        panes.freezeAt(scope.sheet(op.sheet).getRange(rangeAddress(1, 1, op.rows, op.columns)));
      else if (op.rows > 0) panes.freezeRows(op.rows);
      else if (op.columns > 0) panes.freezeColumns(op.columns);
    }),
  ],
  pageSetup: (op) => [
    step(Phase.Constants, op, (scope) => {
      const layout = scope.sheet(op.sheet).pageLayout;
      layout.orientation = op.landscape ? "Landscape" : "Portrait";
      layout.paperSize = "A4";
      layout.zoom =
        (op.fitToWidth ?? true) ? { horizontalFitToPages: 1 } : { scale: op.scale ?? 100 };
      if (op.titleRows) layout.setPrintTitleRows(`$${op.titleRows.replace(":", ":$")}`);
      if (op.titleColumns) layout.setPrintTitleColumns(`$${op.titleColumns.replace(":", ":$")}`);
    }),
  ],
  merge: (op) => [
    step(Phase.Constants, op, (scope) => scope.sheet(op.sheet).getRange(op.range).merge(false)),
  ],
  rowHeights: (op) => rowHeightSteps(op),
  addTable: (op) => [
    step(Phase.Tables, op, (scope) => {
      const table = scope.sheet(op.sheet).tables.add(op.range, true);
      table.name = op.name;
      table.style = op.style;
      table.showFilterButton = true;
    }),
  ],
  listValidation: (op) => [
    step(Phase.Rules, op, (scope) => {
      const validation = scope.sheet(op.sheet).getRange(op.range).dataValidation;
      // Clearing first avoids Excel's InvalidArgument over ranges that already carry a rule.
      validation.clear();
      const source = "values" in op.source ? op.source.values.join(",") : op.source.formula;
      validation.rule = { list: { inCellDropDown: true, source } };
      validation.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: "Choose from the list",
        message: op.message,
      };
    }),
  ],
  numberValidation: (op) => [
    step(Phase.Rules, op, (scope) => {
      const validation = scope.sheet(op.sheet).getRange(op.range).dataValidation;
      validation.clear();
      const basic = { formula1: op.min, formula2: op.max, operator: "Between" as const };
      validation.rule = op.wholeNumber ? { wholeNumber: basic } : { decimal: basic };
      validation.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: "Out of range",
        message: op.message,
      };
    }),
  ],
  colorScale: (op) => [
    step(Phase.Rules, op, (scope) => {
      const format = scope.sheet(op.sheet).getRange(op.range).conditionalFormats.add("ColorScale");
      const point = (p: { value: number; color: string }) => ({
        type: "Number" as const,
        formula: String(p.value),
        color: hexColour(p.color),
      });
      format.colorScale.criteria = {
        minimum: point(op.low),
        midpoint: point(op.mid),
        maximum: point(op.high),
      };
    }),
  ],
  textHighlight: (op) => [
    step(Phase.Rules, op, (scope) => {
      const format = scope.sheet(op.sheet).getRange(op.range).conditionalFormats.add("CellValue");
      format.cellValue.format.fill.color = hexColour(op.fill);
      format.cellValue.format.font.color = hexColour(op.fontColor);
      format.cellValue.rule = { formula1: quoted(op.text), operator: "EqualTo" };
    }),
  ],
  addChart: (op) => [step(Phase.Charts, op, (scope) => queueChart(scope.sheet(op.sheet), op))],
};

/** The Office.js calls for one operation. */
export function stepsFor(op: Operation): Step[] {
  return dispatch(HANDLERS, op, undefined);
}

/** Every step for the operations, in phase order (stable within a phase). */
export function compileSteps(ops: readonly Operation[]): Step[] {
  const steps = ops.flatMap(stepsFor);
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.phase - b.s.phase || a.i - b.i)
    .map(({ s }) => s);
}

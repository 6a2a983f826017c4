/**
 * The fake workbook's state said again in the blueprint's operation
 * vocabulary, so the preview's download is written by the same exceljs
 * adapter as the command line's workbooks (no second writer to drift).
 */
import { cellAddress } from "../../../core/layout/address.js";
import type { CellInput, CellRole, Operation } from "../../../core/layout/operations.js";
import { withRowHeights } from "../../../core/layout/row-heights.js";
import { roleStyle, type RoleStyle } from "../../../core/layout/styles.js";
import { rectAddress } from "../../excel/a1.js";
import { pointsToCharacters } from "../../excel/column-width.js";
import { chartOperation } from "./chart-operations.js";
import {
  cellKey,
  type FakeConditionalFormat,
  type FakeSheet,
  type FakeValidation,
  type FakeWorkbookState,
  type FormatLayer,
} from "./state.js";

const ROLES: readonly CellRole[] = [
  "title",
  "instruction",
  "header",
  "input",
  "formula",
  "label",
  "note",
];

/** Excel's default column width, for columns the add-in never sized. */
const DEFAULT_WIDTH = 8.43;

function sameStyle(layer: FormatLayer, style: RoleStyle): boolean {
  return (
    (layer.fill ?? null) === style.fill &&
    layer.fontColor === style.fontColor &&
    layer.bold === style.bold &&
    layer.italic === style.italic &&
    layer.size === style.size &&
    layer.wrap === style.wrap
  );
}

/** Every format layer the add-in writes comes from a role; anything else is a bug in the preview. */
export function roleOfLayer(layer: FormatLayer, sheet: string): CellRole {
  const role = ROLES.find((r) => sameStyle(layer, roleStyle(r)));
  if (!role)
    throw new Error(
      `${sheet}!${rectAddress(layer.rect)} has formatting that no cell role gives; the preview cannot export it`,
    );
  return role;
}

/**
 * The fake records one layer per property set (fill, then font colour, …);
 * a role sets all of them over one range in a row, so consecutive layers over
 * the same range are one role's style.
 */
function mergedLayers(layers: readonly FormatLayer[]): FormatLayer[] {
  const merged: FormatLayer[] = [];
  for (const layer of layers) {
    const last = merged[merged.length - 1];
    if (last && rectAddress(last.rect) === rectAddress(layer.rect)) Object.assign(last, layer);
    else merged.push({ ...layer });
  }
  return merged;
}

function cellsOf(sheet: FakeSheet): { bottom: number; right: number } {
  let bottom = 0;
  let right = 0;
  for (const key of sheet.cells.keys()) {
    const [row = 0, column = 0] = key.split(":").map(Number);
    bottom = Math.max(bottom, row);
    right = Math.max(right, column);
  }
  return { bottom, right };
}

function writeBlocks(sheet: FakeSheet): Operation[] {
  const { bottom, right } = cellsOf(sheet);
  const ops: Operation[] = [];
  for (let row = 1; row <= bottom; row++) {
    const cells: CellInput[] = [];
    for (let column = 1; column <= right; column++) {
      const cell = sheet.cells.get(cellKey(row, column));
      cells.push(cell?.formula ? { formula: cell.formula } : (cell?.value ?? null));
    }
    if (cells.some((c) => c !== null))
      ops.push({
        kind: "writeBlock",
        sheet: sheet.name,
        address: cellAddress(row, 1),
        cells: [cells],
      });
  }
  return ops;
}

function numberFormats(sheet: FakeSheet): Operation[] {
  const ops: Operation[] = [];
  for (const [key, cell] of sheet.cells) {
    if (!cell.numberFormat || cell.numberFormat === "General") continue;
    const [row = 1, column = 1] = key.split(":").map(Number);
    ops.push({
      kind: "numberFormat",
      sheet: sheet.name,
      range: cellAddress(row, column),
      format: cell.numberFormat,
    });
  }
  return ops;
}

function validation(sheet: string, v: FakeValidation): Operation | null {
  const range = rectAddress(v.rect);
  const message = v.errorAlert?.message ?? "";
  if (v.rule.list) {
    const source = String(v.rule.list.source);
    return {
      kind: "listValidation",
      sheet,
      range,
      source: source.startsWith("=") ? { formula: source } : { values: source.split(",") },
      message,
    };
  }
  const basic = v.rule.wholeNumber ?? v.rule.decimal;
  if (!basic) return null;
  return {
    kind: "numberValidation",
    sheet,
    range,
    min: Number(basic.formula1),
    max: Number(basic.formula2),
    wholeNumber: Boolean(v.rule.wholeNumber),
    message,
  };
}

/** `="Green"` → `Green`. */
function quotedText(formula: string): string {
  return formula.replace(/^=?"/, "").replace(/"$/, "").replace(/""/g, '"');
}

function conditionalFormat(sheet: string, format: FakeConditionalFormat): Operation | null {
  const range = rectAddress(format.rect);
  if (format.type === "ColorScale") {
    const c = format.criteria;
    if (!c?.minimum || !c.midpoint || !c.maximum) return null;
    const point = (p: { formula?: string | null; color?: string | null }) => ({
      value: Number(p.formula),
      color: p.color ?? "#FFFFFF",
    });
    return {
      kind: "colorScale",
      sheet,
      range,
      low: point(c.minimum),
      mid: point(c.midpoint),
      high: point(c.maximum),
    };
  }
  if (!format.rule) return null;
  return {
    kind: "textHighlight",
    sheet,
    range,
    text: quotedText(String(format.rule.formula1)),
    fill: format.fill ?? "#FFFFFF",
    fontColor: format.fontColor ?? "#000000",
  };
}

function sheetOperations(state: FakeWorkbookState, sheet: FakeSheet): Operation[] {
  const name = sheet.name;
  const ops: Operation[] = [{ kind: "addSheet", sheet: name, tabColor: sheet.tabColor }];
  ops.push(...writeBlocks(sheet));
  for (const table of state.tables.filter((t) => t.sheet === sheet)) {
    const columns = [];
    for (let c = table.rect.left; c <= table.rect.right; c++) {
      const header = sheet.cells.get(cellKey(table.rect.top, c))?.value;
      const formula = sheet.cells.get(cellKey(table.rect.top + 1, c))?.formula;
      columns.push({
        name: String(header ?? `Column${c - table.rect.left + 1}`),
        ...(formula ? { formula } : {}),
      });
    }
    ops.push({
      kind: "addTable",
      sheet: name,
      name: table.name,
      range: rectAddress(table.rect),
      columns,
      style: table.style,
    });
  }
  ops.push(...numberFormats(sheet));
  for (const layer of mergedLayers(sheet.formats))
    ops.push({
      kind: "role",
      sheet: name,
      range: rectAddress(layer.rect),
      role: roleOfLayer(layer, name),
    });
  if (sheet.columnWidths.size > 0) {
    const last = Math.max(...sheet.columnWidths.keys());
    const widths = Array.from({ length: last }, (_, i) => {
      const points = sheet.columnWidths.get(i + 1);
      return points === undefined ? DEFAULT_WIDTH : pointsToCharacters(points);
    });
    ops.push({ kind: "columnWidths", sheet: name, widths });
  }
  if (sheet.freeze.rows || sheet.freeze.columns)
    ops.push({
      kind: "freeze",
      sheet: name,
      rows: sheet.freeze.rows,
      columns: sheet.freeze.columns,
    });
  for (const merge of sheet.merges)
    ops.push({ kind: "merge", sheet: name, range: rectAddress(merge) });
  if (sheet.page.paperSize === "A4")
    ops.push({
      kind: "pageSetup",
      sheet: name,
      landscape: sheet.page.orientation === "Landscape",
      titleRows: sheet.page.titleRows.replace(/\$/g, ""),
      titleColumns: sheet.page.titleColumns.replace(/\$/g, ""),
      fitToWidth: sheet.page.fitToWidth !== null,
      ...(sheet.page.scale !== null ? { scale: sheet.page.scale } : {}),
    });
  for (const v of sheet.validations) {
    const op = validation(name, v);
    if (op) ops.push(op);
  }
  for (const format of sheet.conditionalFormats) {
    const op = conditionalFormat(name, format);
    if (op) ops.push(op);
  }
  for (const chart of sheet.charts) {
    const op = chartOperation(name, chart);
    if (op) ops.push(op);
  }
  return ops;
}

/**
 * The whole fake workbook as operations, sheet by sheet in tab order. Rows
 * Excel was asked to fit are sized again from the text, as the command line's
 * workbook is: the fake measures nothing.
 */
export function stateToOperations(state: FakeWorkbookState): Operation[] {
  return withRowHeights(state.sheets.flatMap((sheet) => sheetOperations(state, sheet)));
}

/**
 * One pass over a worksheet part, keeping only the cells inside the block
 * the sheet's tables cover (plus the row under each), and the merged
 * ranges. Rows outside the block are skipped without reading their cells,
 * so a sheet costs time in proportion to its size, never to its tables' ranges.
 */
import type { CellValue } from "../../core/read/cells.js";
import { decodeCellReference, MAX_ROW, type CellRange } from "./cell-range.js";
import { cellValue, type ValueContext } from "./cell-value.js";
import { runText } from "./shared-strings.js";
import { XmlScanner } from "./xml-scanner.js";

export interface SheetCell {
  column: number;
  value: CellValue;
  /** The cell holds a formula (its value is the cached result). */
  formula: boolean;
}

export interface SheetCells {
  /** Row number → the cells of that row that hold something, in the order written. */
  rows: Map<number, SheetCell[]>;
  /** Every merged range of the sheet, as written ("B6:C6"). */
  merged: string[];
}

interface CellAttributes {
  r: string | undefined;
  s: number;
  t: string | undefined;
}

function readCellAttributes(scanner: XmlScanner, into: CellAttributes): void {
  into.r = undefined;
  into.s = 0;
  into.t = undefined;
  scanner.eachAttribute((name, value) => {
    if (name === "r") into.r = value;
    else if (name === "s") into.s = Number(value) || 0;
    else if (name === "t") into.t = value;
  });
}

/** From a cell's open tag to its close: whether it has a formula, its `<v>` text and inline string. */
function readCellContent(scanner: XmlScanner): {
  formula: boolean;
  text: string | null;
  inline: string | null;
} {
  let formula = false;
  let text: string | null = null;
  let inline: string | null = null;
  while (scanner.next()) {
    if (scanner.closing) {
      if (scanner.name === "c") break;
      continue;
    }
    if (scanner.name === "f") {
      formula = true;
      scanner.skipElement();
    } else if (scanner.name === "v") {
      text = scanner.text();
    } else if (scanner.name === "is") {
      inline = runText(scanner);
    } else scanner.skipElement();
  }
  return { formula, text, inline };
}

/**
 * Reads the cells of `block` (rows and columns) from a worksheet's XML.
 * Cells that hold nothing are left out.
 */
export function readSheetCells(
  xml: Uint8Array,
  block: CellRange,
  context: ValueContext,
): SheetCells {
  const rows = new Map<number, SheetCell[]>();
  const merged: string[] = [];
  const scanner = new XmlScanner(xml);
  const attributes: CellAttributes = { r: undefined, s: 0, t: undefined };
  const address = { row: 0, column: 0 };
  let row = 0;
  let column = 0;
  let inRow = false;
  while (scanner.next()) {
    const name = scanner.name;
    if (name === "row") {
      if (scanner.closing) {
        inRow = false;
        continue;
      }
      const r = Number(scanner.attr("r"));
      row = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r : row + 1;
      column = 0;
      if (row < block.top || row > block.bottom) scanner.skipFlatElement();
      else inRow = !scanner.empty;
    } else if (name === "c" && inRow && !scanner.closing) {
      readCellAttributes(scanner, attributes);
      if (attributes.r !== undefined && decodeCellReference(attributes.r, address)) {
        column = address.column;
      } else column += 1;
      if (scanner.empty) continue;
      if (column < block.left || column > block.right) {
        scanner.skipFlatElement();
        continue;
      }
      const content = readCellContent(scanner);
      const value = cellValue(attributes.t, content.text, content.inline, attributes.s, context);
      if (value === null) continue;
      let cells = rows.get(row);
      if (!cells) rows.set(row, (cells = []));
      cells.push({ column, value, formula: content.formula });
    } else if (name === "mergeCell" && !scanner.closing) {
      const ref = scanner.attr("ref");
      if (ref) merged.push(ref);
    } else if (
      !scanner.closing &&
      (name === "sheetViews" ||
        name === "cols" ||
        name === "conditionalFormatting" ||
        name === "dataValidations" ||
        name === "extLst")
    ) {
      scanner.skipElement();
    }
  }
  return { rows, merged };
}

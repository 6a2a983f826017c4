/**
 * One pass over a worksheet part, keeping only the cells inside the block
 * the sheet's tables cover (plus the row under each), and the merged
 * ranges. Rows outside the block are skipped without reading their cells,
 * so a sheet costs time in proportion to its size, never to its tables'
 * ranges. This is the reader's hot loop: it makes no object per cell.
 */
import type { CellValue } from "../../core/read/cells.js";
import { decodeCellReference, MAX_ROW, type CellRange } from "./cell-range.js";
import { cellValue, type ValueContext } from "./cell-value.js";
import { count, READ_LIMITS } from "./read-limits.js";
import { runText } from "./shared-strings.js";
import { UnreadableWorkbookError } from "./unreadable.js";
import { XmlScanner } from "./xml-scanner.js";

/** The cells of one row that hold something, in the order written: three parallel lists. */
export interface RowCells {
  columns: number[];
  values: CellValue[];
  /** The cell holds a formula (its value is the cached result). */
  formulas: boolean[];
}

export interface SheetCells {
  rows: Map<number, RowCells>;
  /** Every merged range of the sheet, as written ("B6:C6"). */
  merged: string[];
}

function tooManyCells(sheet: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    `the tables on sheet ${sheet} hold more than ${count(READ_LIMITS.tableCells)} cells; shrink each table to the rows and columns in use (Table Design → Resize Table) and try again`,
  );
}

const CELL_TYPES = ["s", "n", "str", "inlineStr", "b", "e", "d"];

/** The cell's `t` attribute as one of the type names, without making a string per cell. */
function cellType(scanner: XmlScanner): string {
  for (const type of CELL_TYPES) if (scanner.foundIs(type)) return type;
  return scanner.foundValue();
}

/** What a cell element holds, filled in place for each cell. */
interface CellContent {
  formula: boolean;
  text: string | null;
  inline: string | null;
}

/** From a cell's open tag to its close: whether it has a formula, its `<v>` text and inline string. */
function readCellContent(scanner: XmlScanner, into: CellContent): void {
  into.formula = false;
  into.text = null;
  into.inline = null;
  while (scanner.next()) {
    if (scanner.closing) {
      if (scanner.name === "c") return;
      continue;
    }
    if (scanner.name === "v") into.text = scanner.text();
    else if (scanner.name === "f") {
      into.formula = true;
      scanner.skipElement();
    } else if (scanner.name === "is") into.inline = runText(scanner);
    else scanner.skipElement();
  }
}

/**
 * Reads the cells of `block` (rows and columns) from a worksheet's XML.
 * Cells that hold nothing are left out. More kept cells than all tables
 * may hold is refused as they are found.
 */
export function readSheetCells(
  xml: Uint8Array,
  block: CellRange,
  context: ValueContext,
  sheet: string,
): SheetCells {
  const rows = new Map<number, RowCells>();
  const merged: string[] = [];
  const scanner = new XmlScanner(xml);
  const address = { row: 0, column: 0 };
  const content: CellContent = { formula: false, text: null, inline: null };
  let row = 0;
  let column = 0;
  let inRow = false;
  let kept = 0;
  while (scanner.next()) {
    const name = scanner.name;
    if (name === "c" && inRow && !scanner.closing) {
      column =
        scanner.findAttribute("r") &&
        decodeCellReference(xml, scanner.valueFrom, scanner.valueTo, address)
          ? address.column
          : column + 1;
      if (scanner.empty) continue;
      if (column < block.left || column > block.right) {
        scanner.skipFlatElement();
        continue;
      }
      const style = scanner.findAttribute("s") ? Math.max(scanner.foundInteger(), 0) : 0;
      const type = scanner.findAttribute("t") ? cellType(scanner) : undefined;
      readCellContent(scanner, content);
      const value = cellValue(type, content.text, content.inline, style, context);
      if (value === null) continue;
      if (++kept > READ_LIMITS.tableCells) throw tooManyCells(sheet);
      let cells = rows.get(row);
      if (!cells) rows.set(row, (cells = { columns: [], values: [], formulas: [] }));
      cells.columns.push(column);
      cells.values.push(value);
      cells.formulas.push(content.formula);
    } else if (name === "row") {
      if (scanner.closing) {
        inRow = false;
        continue;
      }
      const r = scanner.findAttribute("r") ? scanner.foundInteger() : -1;
      row = r >= 1 && r <= MAX_ROW ? r : row + 1;
      column = 0;
      if (row < block.top || row > block.bottom) scanner.skipFlatElement();
      else inRow = !scanner.empty;
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

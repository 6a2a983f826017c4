import ExcelJS from "exceljs";
import { exceljsEscape, type FormulaTexts } from "./formula-texts.js";

/**
 * A worksheet's <sheetData> rows, written as exceljs 4.4 writes them
 * (RowXform and CellXform), character for character, but row by row as the
 * zip writer asks for them: exceljs builds a whole sheet as one array of
 * millions of small strings and joins it, which for big sheets was a fifth
 * of the write and most of its memory. Only the cell kinds the blueprint
 * writes are handled (empty styled cells, numbers, shared strings, booleans,
 * formulas without a cached result, merged cells); a sheet with anything else
 * is left to exceljs (see `rowsWeWrite`). Formula cells hold tokens (see
 * formula-texts.ts): their text is written here.
 */

/** exceljs's cell model after its prepare step (the fields its CellXform reads). */
export interface CellModel {
  address: string;
  type: ExcelJS.ValueType;
  value?: unknown;
  styleId?: number;
  ssId?: number;
  formula?: string;
  result?: unknown;
  shareType?: string;
  si?: number;
  comment?: unknown;
  /** A merged range's other cell: the address of the range's first cell. */
  master?: string;
}

/** exceljs's row model after its prepare step (the fields its RowXform reads). */
export interface RowModel {
  number: number;
  min: number;
  max: number;
  height?: number;
  hidden?: boolean;
  styleId?: number;
  outlineLevel?: number;
  collapsed?: boolean;
  cells: CellModel[];
}

const {
  Null,
  Merge,
  Number: NumberType,
  String: StringType,
  Formula,
  Boolean: BooleanType,
} = ExcelJS.ValueType;

function handled(cell: CellModel): boolean {
  switch (cell.type) {
    case Null:
    case Merge:
    case BooleanType:
      return true;
    case NumberType:
      return typeof cell.value === "number";
    case StringType:
      return cell.ssId !== undefined;
    case Formula:
      // exceljs adds a <v> and a type for a cached result, and attributes for shared formulas.
      return (
        typeof cell.formula === "string" &&
        cell.result === undefined &&
        cell.shareType === undefined &&
        cell.si === undefined
      );
    default:
      return false;
  }
}

/** Whether every row of a sheet is one this writer writes exactly as exceljs would. */
export function rowsWeWrite(rows: readonly RowModel[]): boolean {
  return rows.every((row) => row.cells.every(handled));
}

/** Whether exceljs writes the cell at all (it skips empty cells without a style). */
function written(cell: CellModel): boolean {
  return cell.type !== Null || !!cell.styleId;
}

function cellHead(cell: CellModel): string {
  return cell.styleId ? `<c r="${cell.address}" s="${cell.styleId}"` : `<c r="${cell.address}"`;
}

/** A written cell other than a formula. */
function cellXml(cell: CellModel): string {
  const head = cellHead(cell);
  switch (cell.type) {
    case NumberType:
      return `${head}><v>${String(cell.value)}</v></c>`;
    case StringType:
      return `${head} t="s"><v>${cell.ssId}</v></c>`;
    case BooleanType:
      return `${head} t="b"><v>${cell.value ? "1" : "0"}</v></c>`;
    default:
      // Null with a style, and the hidden cells of a merged range.
      return `${head}/>`;
  }
}

function rowOpen(row: RowModel): string {
  let xml = `<row r="${row.number}"`;
  if (row.height) xml += ` ht="${exceljsEscape(String(row.height))}" customHeight="1"`;
  if (row.hidden) xml += ` hidden="1"`;
  if (row.min > 0 && row.max > 0 && row.min <= row.max) xml += ` spans="${row.min}:${row.max}"`;
  if (row.styleId) xml += ` s="${row.styleId}" customFormat="1"`;
  xml += ` x14ac:dyDescent="0.25"`;
  if (row.outlineLevel) xml += ` outlineLevel="${row.outlineLevel}"`;
  if (row.collapsed) xml += ` collapsed="1"`;
  return xml;
}

/**
 * The rows' XML as exceljs writes them inside <sheetData>, in pieces: each
 * formula's text is its own piece, the one string FormulaTexts keeps, so a
 * long formula repeated in every row is never copied into the rows' text.
 */
export function* rowsXml(
  rows: Iterable<RowModel>,
  formulas: FormulaTexts,
  part: string,
): Generator<string> {
  for (const row of rows) {
    if (!row.cells.some(written)) {
      yield `${rowOpen(row)}/>`;
      continue;
    }
    let xml = `${rowOpen(row)}>`;
    for (const cell of row.cells) {
      if (!written(cell)) continue;
      if (cell.type === Formula) {
        yield `${xml}${cellHead(cell)}><f>`;
        yield formulas.escaped(cell.formula ?? "", part);
        xml = "</f></c>";
      } else xml += cellXml(cell);
    }
    yield `${xml}</row>`;
  }
}

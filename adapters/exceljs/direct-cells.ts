import ExcelJS from "exceljs";
import { columnLetter, parseCellRange, type CellRect } from "../../core/layout/address.js";
import { releaseRows, type CellAccess } from "./cell-access.js";
import type { CellModel, RowModel } from "./sheet-rows.js";

/**
 * A sheet's cells held by the writer itself, not as exceljs Cell objects:
 * per row, its values and styles in two lists. An exceljs cell with its
 * value and models cost about 300 bytes, and the Indicators sheet of 50,000
 * indicators has 1.75 million cells; here a cell costs two list slots, and
 * its value is the operation's own.
 *
 * exceljs still writes everything else about the sheet. For its prepare
 * step (which numbers the styles and shared strings as it meets them, in
 * sheet, row and cell order) the rows are made into exceljs's own row
 * models one at a time (`prepareRows`), and the ids exceljs gives each cell
 * are kept; the rows writer (sheet-rows.ts) then gets the same models again
 * with those ids (`withIds`). So the file is byte for byte the one exceljs
 * writes from its Cell objects; test/adapters/exceljs/fast-writer.test.ts
 * checks it against exceljs.
 *
 * Only what direct-sheets.ts lets through is held here: text, numbers,
 * booleans, formulas with text, and merged cells.
 */

type Style = Partial<ExcelJS.Style>;

/** What a merged range's other cells hold: exceljs's Merge value, naming the range's first cell. */
class MergedInto {
  constructor(
    readonly master: string,
    readonly row: number,
    readonly column: number,
  ) {}
}

type Held = ExcelJS.CellValue | MergedInto;

interface DirectRow {
  /** By column − 1; a hole is no cell, null a cell that holds nothing. */
  values: Held[];
  /** By column − 1; a hole is exceljs's empty style. */
  styles: (Style | undefined)[];
  height?: number;
  /** Set in prepare: the row's style id, and each cell's style id and shared string id in turn. */
  styleId?: number;
  ids?: Uint32Array;
}

/** What a cell's style reads as when it has none (exceljs gives each such cell its own `{}`). */
const NO_STYLE: Style = Object.freeze({});
/** No shared string: the cell is not text. */
const NO_STRING = 0xffffffff;

const {
  Null,
  Merge,
  Number: NumberType,
  String: StringType,
  Boolean: BooleanType,
  Formula,
} = ExcelJS.ValueType;

/** exceljs's model of a cell (its Value's model, with the cell's style), for the kinds held here. */
function cellModel(value: Held, address: string, style: Style): CellModel & { style: Style } {
  if (value === null) return { address, type: Null, style };
  if (value instanceof MergedInto) return { address, type: Merge, master: value.master, style };
  switch (typeof value) {
    case "string":
      return { address, type: StringType, value, style };
    case "number":
      return { address, type: NumberType, value, style };
    case "boolean":
      return { address, type: BooleanType, value, style };
  }
  if (
    typeof value === "object" &&
    "formula" in value &&
    typeof value.formula === "string" &&
    value.formula
  )
    return { address, type: Formula, formula: value.formula, style };
  throw new Error(`${address}: the writer cannot hold ${JSON.stringify(value)} outside exceljs`);
}

function overlap(a: CellRect, b: CellRect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** The lowest and highest column of a row's cells (0 and 0 for none), as exceljs's Row.model finds them. */
function span(row: DirectRow): { min: number; max: number; count: number } {
  let min = 0;
  let max = 0;
  let count = 0;
  row.values.forEach((_, index) => {
    const column = index + 1;
    if (!min || min > column) min = column;
    if (max < column) max = column;
    count++;
  });
  return { min, max, count };
}

export class DirectCells implements CellAccess {
  /** By row number − 1; holes are rows without cells or height. */
  private readonly rows: DirectRow[] = [];
  private readonly letters: string[] = [];
  private readonly merged: CellRect[] = [];

  constructor(readonly sheet: string) {}

  private rowAt(row: number): DirectRow {
    let held = this.rows[row - 1];
    if (!held) {
      held = { values: [], styles: [] };
      this.rows[row - 1] = held;
    }
    return held;
  }

  setValue(row: number, column: number, value: ExcelJS.CellValue): void {
    const { values } = this.rowAt(row);
    const held = values[column - 1];
    // As exceljs: a value for a merged range's other cell goes to its first cell.
    if (held instanceof MergedInto) this.setValue(held.row, held.column, value);
    else values[column - 1] = value ?? null;
  }

  create(row: number, column: number): void {
    const { values } = this.rowAt(row);
    if (values[column - 1] === undefined) values[column - 1] = null;
  }

  style(row: number, column: number): Style {
    this.create(row, column);
    return this.rowAt(row).styles[column - 1] ?? NO_STYLE;
  }

  setStyle(row: number, column: number, style: Style): void {
    this.create(row, column);
    this.rowAt(row).styles[column - 1] = style === NO_STYLE ? undefined : style;
  }

  setHeight(row: number, points: number): void {
    this.rowAt(row).height = points;
  }

  merge(range: string): void {
    const given = parseCellRange(range);
    const rect: CellRect = {
      top: Math.min(given.top, given.bottom),
      left: Math.min(given.left, given.right),
      bottom: Math.max(given.top, given.bottom),
      right: Math.max(given.left, given.right),
    };
    if (this.merged.some((m) => overlap(m, rect)))
      throw new Error("Cannot merge already merged cells");
    const style = this.style(rect.top, rect.left);
    const into = new MergedInto(`${this.letter(rect.left)}${rect.top}`, rect.top, rect.left);
    for (let row = rect.top; row <= rect.bottom; row++)
      for (let column = rect.left; column <= rect.right; column++) {
        if (row === rect.top && column === rect.left) continue;
        this.rowAt(row).values[column - 1] = into;
        // exceljs gives the other cells the first cell's style object.
        this.setStyle(row, column, style);
      }
    this.merged.push(rect);
  }

  tableHeaderWritten(sheet: ExcelJS.Worksheet, row: number, column: number, count: number): void {
    // exceljs's addTable writes the names into its own cells: move them here, and let its go.
    const header = sheet.getRow(row);
    for (let c = column; c < column + count; c++) this.setValue(row, c, header.getCell(c).value);
    releaseRows(sheet);
  }

  private letter(column: number): string {
    return (this.letters[column] ??= columnLetter(column));
  }

  /** exceljs's row model (Row.model) for a held row, or undefined where exceljs has none. */
  private rowModel(number: number, row: DirectRow): RowModel | undefined {
    const { min, max } = span(row);
    const cells: CellModel[] = [];
    row.values.forEach((value, index) => {
      // exceljs gives every unstyled cell its own empty style object.
      const style = row.styles[index] ?? {};
      cells.push(cellModel(value, `${this.letter(index + 1)}${number}`, style));
    });
    if (!row.height && cells.length === 0) return undefined;
    return {
      cells,
      number,
      min,
      max,
      height: row.height,
      style: {},
      hidden: false,
      outlineLevel: 0,
      collapsed: false,
    } as RowModel;
  }

  /** Grows exceljs's dimensions of the sheet as its Worksheet.model does, row by row. */
  expandDimensions(dimensions: {
    expand(top: number, left: number, bottom: number, right: number): void;
  }): void {
    this.rows.forEach((row, index) => {
      const { min, max, count } = span(row);
      if (row.height || count) dimensions.expand(index + 1, min, index + 1, max);
    });
  }

  /** Each held row that exceljs would write, with its row model (made afresh each time). */
  private *rowModels(): Generator<{ row: DirectRow; model: RowModel }> {
    for (const [at, row] of this.rows.entries()) {
      const model = row && this.rowModel(at + 1, row);
      if (row && model) yield { row, model };
    }
  }

  /** Walks the rows for exceljs's prepare step, which numbers styles and strings; keeps the ids. */
  prepareRows(visit: (row: RowModel, index: number) => void): void {
    let index = 0;
    for (const { row, model } of this.rowModels()) {
      visit(model, index++);
      row.styleId = model.styleId;
      const ids = new Uint32Array(model.cells.length * 2);
      model.cells.forEach((cell, k) => {
        ids[2 * k] = cell.styleId ?? 0;
        ids[2 * k + 1] = cell.ssId ?? NO_STRING;
      });
      row.ids = ids;
    }
  }

  /** The rows as the rows writer takes them: exceljs's models with the ids prepare gave. */
  *withIds(): Generator<RowModel> {
    for (const { row, model } of this.rowModels()) {
      const { ids } = row;
      if (!ids || ids.length !== model.cells.length * 2)
        throw new Error(
          `${this.sheet}: row ${model.number} was written before exceljs prepared it`,
        );
      if (row.styleId) model.styleId = row.styleId;
      model.cells.forEach((cell, k) => {
        const styleId = ids[2 * k] ?? 0;
        const ssId = ids[2 * k + 1] ?? NO_STRING;
        if (styleId) cell.styleId = styleId;
        if (ssId !== NO_STRING) cell.ssId = ssId;
      });
      yield model;
    }
  }
}

/**
 * A direct sheet's rows where exceljs's sheet model keeps its row models:
 * exceljs's prepare step walks them with `forEach`, and the rows writer
 * iterates them.
 */
export class DirectRows implements Iterable<RowModel> {
  constructor(private readonly cells: DirectCells) {}

  forEach(visit: (row: RowModel, index: number) => void): void {
    this.cells.prepareRows(visit);
  }

  [Symbol.iterator](): Iterator<RowModel> {
    return this.cells.withIds();
  }
}

import type ExcelJS from "exceljs";

/**
 * What the operation handlers do to a sheet's cells, whoever holds them:
 * exceljs's own Cell objects (ExceljsCells, below), or the writer's compact
 * rows (DirectCells, direct-cells.ts). Asking for a cell creates it, as
 * exceljs's getCell does: a created cell counts in its row's span even when
 * it holds nothing.
 */
export interface CellAccess {
  setValue(row: number, column: number, value: ExcelJS.CellValue): void;
  create(row: number, column: number): void;
  /** The cell's style; never change it in place (styles are shared). */
  style(row: number, column: number): Partial<ExcelJS.Style>;
  setStyle(row: number, column: number, style: Partial<ExcelJS.Style>): void;
  setHeight(row: number, points: number): void;
  /** Merges a range ("B2:D2"), as exceljs's Worksheet.mergeCells does. */
  merge(range: string): void;
  /**
   * Called once exceljs's addTable has written the table's column names into
   * the header row of `sheet`, `count` cells from `column` on: the names must
   * end up where this sheet's cells are held.
   */
  tableHeaderWritten(sheet: ExcelJS.Worksheet, row: number, column: number, count: number): void;
}

/** A sheet's cells as exceljs holds them. */
export class ExceljsCells implements CellAccess {
  constructor(private readonly sheet: ExcelJS.Worksheet) {}

  private cell(row: number, column: number): ExcelJS.Cell {
    return this.sheet.getRow(row).getCell(column);
  }

  setValue(row: number, column: number, value: ExcelJS.CellValue): void {
    this.cell(row, column).value = value;
  }

  create(row: number, column: number): void {
    this.cell(row, column);
  }

  style(row: number, column: number): Partial<ExcelJS.Style> {
    return this.cell(row, column).style;
  }

  setStyle(row: number, column: number, style: Partial<ExcelJS.Style>): void {
    this.cell(row, column).style = style;
  }

  setHeight(row: number, points: number): void {
    this.sheet.getRow(row).height = points;
  }

  merge(range: string): void {
    this.sheet.mergeCells(range);
  }

  tableHeaderWritten(): void {
    // exceljs wrote the names into the cells held here.
  }
}

/** Lets go of exceljs's Row and Cell objects of a sheet (its `_rows`, an internal). */
export function releaseRows(sheet: ExcelJS.Worksheet): void {
  (sheet as unknown as { _rows: unknown[] })._rows = [];
}

/**
 * The reader as it was before it became a bounded scanner: the exceljs
 * workbook model, table by table. Kept only as the reference the new reader
 * must agree with, cell for cell, on every kind of value.
 */
import type ExcelJS from "exceljs";
import { openWorkbook } from "../../../adapters/exceljs/open-workbook.js";
import { parseCellAddress } from "../../../core/layout/address.js";
import type { CellValue, TableCells, WorkbookCells } from "../../../core/read/cells.js";

function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : toCellValue(result as ExcelJS.CellValue);
    }
    if ("text" in value) return String((value as { text: unknown }).text);
  }
  return null;
}

interface LoadedTableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  totalsRow?: boolean;
  columns?: { name: string }[];
}

function tableCells(sheet: ExcelJS.Worksheet, model: LoadedTableModel): TableCells | null {
  const ref = model.tableRef ?? model.ref;
  if (!ref || !ref.includes(":")) return null;
  const [from, to] = ref.split(":");
  const top = parseCellAddress(from ?? "");
  const bottom = parseCellAddress(to ?? "");
  const lastRow = bottom.row - (model.totalsRow ? 1 : 0);
  const read = (row: number): CellValue[] => {
    const sheetRow = sheet.getRow(row);
    const values: CellValue[] = [];
    for (let column = top.column; column <= bottom.column; column++)
      values.push(toCellValue(sheetRow.getCell(column).value));
    return values;
  };
  const headers = read(top.row).map((value, i) =>
    value === null ? (model.columns?.[i]?.name ?? "") : String(value),
  );
  const rows: CellValue[][] = [];
  for (let row = top.row + 1; row <= lastRow; row++) rows.push(read(row));
  return {
    name: model.name,
    sheet: sheet.name,
    headerRow: top.row,
    firstColumn: top.column,
    headers,
    rows,
  };
}

export async function exceljsWorkbookCells(bytes: Uint8Array): Promise<WorkbookCells> {
  const workbook = await openWorkbook(bytes);
  const tables: TableCells[] = [];
  const sheetNames: string[] = [];
  workbook.eachSheet((sheet) => {
    sheetNames.push(sheet.name);
    for (const table of sheet.getTables() as unknown as {
      table?: LoadedTableModel;
      model?: LoadedTableModel;
    }[]) {
      const model = table.table ?? table.model;
      const cells = model ? tableCells(sheet, model) : null;
      if (cells) tables.push(cells);
    }
  });
  return { sheetNames, tables };
}

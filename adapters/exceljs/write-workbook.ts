import ExcelJS from "exceljs";
import type { Operation } from "../../core/layout/operations.js";
import { writeOperations } from "./apply-operations.js";
import { addChartParts } from "./chart-parts.js";
import { finishTables } from "./table-parts.js";

/** A fixed timestamp so the same partnership always gives the same file. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** Builds the .xlsx bytes for the blueprint's operations. */
export async function workbookBytes(operations: readonly Operation[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Partnership Workbench";
  workbook.lastModifiedBy = "Partnership Workbench";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  // Excel and LibreOffice compute every formula when the file opens: exceljs stores no results.
  workbook.calcProperties = { fullCalcOnLoad: true };
  const { calculated, charts } = writeOperations(workbook, operations);
  const buffer = await workbook.xlsx.writeBuffer();
  return addChartParts(await finishTables(new Uint8Array(buffer), calculated), charts);
}

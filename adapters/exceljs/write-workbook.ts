import ExcelJS from "exceljs";
import type { Operation } from "../../core/layout/operations.js";
import { writeOperations, type FinishingWork } from "./apply-operations.js";
import { addChartParts } from "./chart-parts.js";
import { FormulaTexts } from "./formula-texts.js";
import { FIXED_ENTRY_DATE, finishTables } from "./table-parts.js";
import { DirectSheets } from "./direct-sheets.js";
import { SheetModels, takeModel, writtenParts } from "./written-parts.js";
import { zipBytes } from "./zip-writer.js";

/** A fixed timestamp so the same partnership always gives the same file. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * Builds the .xlsx bytes for the blueprint's operations: the writer holds the
 * cells of most sheets itself (direct-cells.ts), exceljs the rest (formulas
 * as tokens, see formula-texts.ts) and writes the parts, the
 * finishing stage completes the table parts, and the parts are zipped once,
 * each sheet's rows written as the zip reads them (sheet-rows.ts), after the
 * chart stage adds its parts.
 */
export function workbookBytes(operations: readonly Operation[]): Promise<Uint8Array> {
  try {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Partnership Workbench";
    workbook.lastModifiedBy = "Partnership Workbench";
    workbook.created = FIXED_DATE;
    workbook.modified = FIXED_DATE;
    // Excel and LibreOffice compute every formula when the file opens: exceljs stores no results.
    workbook.calcProperties = { fullCalcOnLoad: true };
    const formulas = new FormulaTexts();
    const direct = new DirectSheets(operations);
    const sheets = new SheetModels(direct);
    const finishing = writeOperations(workbook, operations, {
      formulas,
      direct,
      onSheetWritten: (sheet) => sheets.take(sheet),
    });
    return packageBytes({ workbook }, sheets, formulas, finishing);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

async function packageBytes(
  built: { workbook?: ExcelJS.Workbook },
  sheets: SheetModels,
  formulas: FormulaTexts,
  { calculated, charts }: FinishingWork,
): Promise<Uint8Array> {
  // Memory, for big workbooks: return from workbookBytes first, so nothing here holds
  // the operations, and take exceljs's model out of the workbook, so nothing holds its
  // cells either while the parts are written (at 50,000 indicators they are half the heap).
  await Promise.resolve();
  const parts = await writtenParts(takeModel(built, sheets), formulas);
  finishTables(parts, calculated);
  addChartParts(parts, charts);
  return zipBytes(parts, FIXED_ENTRY_DATE);
}

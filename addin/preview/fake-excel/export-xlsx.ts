/**
 * The fake workbook as an .xlsx, for the preview's download and for tests:
 * its state is turned back into the blueprint's operations and written by
 * the same exceljs adapter as the command line's workbooks.
 */
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import type { FakeWorkbookState } from "./state.js";
import { stateToOperations } from "./state-to-operations.js";

export async function exportXlsx(state: FakeWorkbookState): Promise<Uint8Array> {
  return workbookBytes(stateToOperations(state));
}

/** Reading the open workbook into the model, shared by the Assess, Check and Documents sections. */
import type { Instrument } from "../../core/instruments/types.js";
import type { ReadOrigins } from "../../core/model/origins.js";
import type { Problem } from "../../core/model/problem.js";
import type { Partnership } from "../../core/model/types.js";
import type { WorkbookCells } from "../../core/read/cells.js";
import { readPartnership } from "../../core/read/reader.js";
import { readWorkbookCells } from "../excel/read-workbook.js";
import type { PaneHost } from "./host.js";

export interface OpenWorkbook {
  cells: WorkbookCells;
  partnership: Partnership;
  problems: Problem[];
  /** Where each record and field was read from: problems and draft comments point there. */
  origins: ReadOrigins;
}

export async function readOpenWorkbook(
  host: PaneHost,
  instruments: readonly Instrument[],
): Promise<OpenWorkbook> {
  const cells = await host.run((context) => readWorkbookCells(context));
  return { cells, ...readPartnership(cells, instruments) };
}

/** Selects a problem's cell (or its sheet when no cell is given) so the user lands on it. */
export async function selectProblemCell(
  host: PaneHost,
  sheet: string,
  cell: string,
): Promise<void> {
  await host.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    if (cell) worksheet.getRange(cell).select();
    await context.sync();
  });
  host.changed?.();
}

import { readFile } from "node:fs/promises";
import type { Instrument } from "../core/instruments/types.js";
import type { Problem } from "../core/model/problem.js";
import type { Partnership } from "../core/model/types.js";
import type { WorkbookCells } from "../core/read/cells.js";
import { readPartnership } from "../core/read/reader.js";
import { UserError } from "./command.js";
import { readWorkbookCells, UnreadableWorkbookError } from "../adapters/exceljs/read-workbook.js";

export interface LoadedPartnership {
  partnership: Partnership;
  problems: Problem[];
  cells: WorkbookCells;
}

/** Reads a workbook file into a partnership; an unreadable file is a UserError with exit code 2. */
export async function loadPartnershipFile(
  path: string,
  instruments: readonly Instrument[],
): Promise<LoadedPartnership> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a folder"
          : String(code ?? error);
    throw new UserError(`Cannot read ${path}: ${reason}.`, 2);
  }
  let cells: WorkbookCells;
  try {
    cells = await readWorkbookCells(bytes);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError)
      throw new UserError(`Cannot read ${path}: ${error.message}.`, 2);
    throw error;
  }
  return { ...readPartnership(cells, instruments), cells };
}

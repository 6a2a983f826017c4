import { readFile, stat } from "node:fs/promises";
import type { Instrument } from "../core/instruments/types.js";
import type { ReadOrigins } from "../core/model/origins.js";
import type { Problem } from "../core/model/problem.js";
import type { Partnership } from "../core/model/types.js";
import type { WorkbookCells } from "../core/read/cells.js";
import { readPartnership } from "../core/read/reader.js";
import { EXIT, UserError } from "./command.js";
import { errnoCode, fsReason } from "./output/fs-errors.js";
import { checkFileSize } from "../adapters/exceljs/file-signature.js";
import {
  readWorkbookCells,
  UnreadableWorkbookError,
  type ReadOptions,
} from "../adapters/exceljs/read-workbook.js";

export interface LoadedPartnership {
  partnership: Partnership;
  problems: Problem[];
  /** Where each record and field was read from, for messages and draft comments. */
  origins: ReadOrigins;
  cells: WorkbookCells;
}

/**
 * A reader that throws has met a workbook it was not written for. That is our
 * bug, but the workbook is what the user can act on: one plain line naming
 * it (exit 2), so a batch reports it and goes on; the stack only with
 * PARTNERSHIP_DEBUG=1.
 */
function readerStopped(path: string, error: unknown): UserError {
  const what = error instanceof Error ? error.message : String(error);
  return new UserError(
    `Cannot read ${path}: the reader stopped on something unexpected in it (${what}). Please report this, with the workbook if you can share it.`,
    EXIT.unreadable,
    error,
  );
}

/** Reads a workbook file into a partnership; an unreadable file is a UserError with exit code 2. */
export async function loadPartnershipFile(
  path: string,
  instruments: readonly Instrument[],
  options: ReadOptions = {},
): Promise<LoadedPartnership> {
  let bytes: Uint8Array;
  try {
    // A file too large for a workbook is refused before it is read into memory.
    const info = await stat(path);
    if (info.isFile()) checkFileSize(info.size);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError)
      throw new UserError(`Cannot read ${path}: ${error.message}.`, EXIT.unreadable);
    const reason = errnoCode(error) === "ENOENT" ? "no such file" : fsReason(error);
    throw new UserError(`Cannot read ${path}: ${reason}.`, EXIT.unreadable, error);
  }
  let cells: WorkbookCells;
  try {
    cells = await readWorkbookCells(bytes, options);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError)
      throw new UserError(`Cannot read ${path}: ${error.message}.`, EXIT.unreadable);
    throw readerStopped(path, error);
  }
  try {
    return { ...readPartnership(cells, instruments), cells };
  } catch (error) {
    throw readerStopped(path, error);
  }
}

import { examplePartnership } from "../../core/example/partnership.js";
import type { Instrument } from "../../core/instruments/types.js";
import { buildOperations } from "../../core/layout/blueprint.js";
import type { WorkbookCells } from "../../core/read/cells.js";
import { loadInstruments } from "../../generator/instruments.js";
import { cellsFromOperations } from "./cells-from-operations.js";

let instruments: Promise<Instrument[]> | undefined;

/** The shipped instruments, loaded once per test file. */
export function exampleInstruments(): Promise<Instrument[]> {
  instruments ??= loadInstruments();
  return instruments;
}

export async function exampleWorkbookCells(): Promise<WorkbookCells> {
  const all = await exampleInstruments();
  return cellsFromOperations(buildOperations(examplePartnership(all), all));
}

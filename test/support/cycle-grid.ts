import { workbookBytes } from "../../adapters/exceljs/write-workbook.js";
import type { GridInstrument } from "../../core/instruments/types.js";
import { buildOperations } from "../../core/layout/blueprint.js";
import { cyclePartnership, TRUST } from "../core/measures/assessment-fixture.js";

/** TRUST with a third section: its section means are a radar. */
export const TRUST_THREE_SECTIONS: GridInstrument = {
  ...TRUST,
  sections: [
    ...TRUST.sections,
    { name: "Learning", statements: [{ text: "We learn from mistakes", ownWording: false }] },
  ],
};

/**
 * The workbook of the hand-worked assessment cycle with the Trust grid, which
 * LibreOffice recalculates in the global set-up for the grid's cycle columns.
 */
export function cycleGridWorkbook(): Promise<Uint8Array> {
  return workbookBytes(buildOperations(cyclePartnership(), [TRUST]));
}

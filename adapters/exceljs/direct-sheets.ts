import { isFormula, type CellInput, type Operation } from "../../core/layout/operations.js";
import { DirectCells } from "./direct-cells.js";

/**
 * Which sheets the writer holds itself (direct-cells.ts) rather than as
 * exceljs Cell objects: a sheet with no chart (the chart stage reads cells
 * back through exceljs) whose every cell is text, a number, a boolean or a
 * formula with text. exceljs writes an empty formula as text by its own
 * rules; a sheet with one stays with exceljs.
 */
function held(input: CellInput): boolean {
  return !isFormula(input) || input.formula.replace(/^=/, "") !== "";
}

export class DirectSheets {
  private readonly names = new Set<string>();
  private readonly cells = new Map<string, DirectCells>();

  constructor(operations: readonly Operation[]) {
    const excluded = new Set<string>();
    for (const op of operations) {
      if (op.kind === "addSheet") this.names.add(op.sheet);
      else if (op.kind === "addChart") excluded.add(op.sheet);
      else if (op.kind === "writeBlock" && !op.cells.every((row) => row.every(held)))
        excluded.add(op.sheet);
    }
    for (const name of excluded) this.names.delete(name);
  }

  /** The sheet's cells if the writer holds them. */
  of(sheet: string): DirectCells | undefined {
    if (!this.names.has(sheet)) return undefined;
    let cells = this.cells.get(sheet);
    if (!cells) {
      cells = new DirectCells(sheet);
      this.cells.set(sheet, cells);
    }
    return cells;
  }
}

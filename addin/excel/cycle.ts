/**
 * Writes a collected or closed round into the open workbook (issue 8): the
 * grids' score cells where they changed, and the Assessment rounds and
 * Assessment history sheets (and, after a close, the Actions sheet) rebuilt
 * from the model. Everything goes through applyOperations, so it is packed
 * into as few syncs as the request budget allows.
 */
import { cellAddress } from "../../core/layout/address.js";
import { assessmentTableName } from "../../core/layout/tables/assessment.js";
import { actionsSheet, ACTIONS_SHEET } from "../../core/layout/tables/actions.js";
import { HISTORY_SHEET, ROUNDS_SHEET, cycleSheets } from "../../core/layout/tables/history.js";
import type { CellInput, Operation } from "../../core/layout/operations.js";
import { withRowHeights } from "../../core/layout/row-heights.js";
import type { Instrument } from "../../core/instruments/types.js";
import type { Partnership } from "../../core/model/types.js";
import type { WorkbookCells } from "../../core/read/cells.js";
import { applyOperations, type ApplyOptions, type ApplyResult } from "./apply-operations.js";

/** One writeBlock per partner column of each grid whose scores differ from what the sheet holds. */
export function gridScoreWrites(
  cells: WorkbookCells,
  partnership: Partnership,
  instruments: readonly Instrument[],
): Operation[] {
  const ops: Operation[] = [];
  for (const instrument of instruments) {
    if (instrument.kind !== "grid") continue;
    const table = cells.tables.find(
      (t) => t.name.toLowerCase() === assessmentTableName(instrument).toLowerCase(),
    );
    const assessment = partnership.assessments.find((a) => a.instrumentId === instrument.id);
    if (!table || !assessment) continue;
    const lower = table.headers.map((h) => h.toLowerCase());
    const section = lower.indexOf("section");
    const statement = lower.indexOf("statement");
    if (statement < 0) continue;
    for (const partner of partnership.partners.map((p) => p.shortName)) {
      const column = table.headers.indexOf(partner);
      if (column < 0) continue;
      let changed = false;
      const values: CellInput[][] = table.rows.map((row) => {
        const item = assessment.items.find(
          (i) =>
            i.statement === String(row[statement] ?? "").trim() &&
            (section < 0 || i.section === String(row[section] ?? "").trim()),
        );
        const value = item ? (item.scores[partner] ?? null) : (row[column] as CellInput);
        if (value !== (row[column] ?? null)) changed = true;
        return [value];
      });
      if (changed)
        ops.push({
          kind: "writeBlock",
          sheet: table.sheet,
          address: cellAddress(table.headerRow + 1, table.firstColumn + column),
          cells: values,
        });
    }
  }
  return ops;
}

/**
 * The round's result into the open workbook: changed grid scores, then the
 * cycle's sheets rebuilt (the old ones deleted in the same first batch).
 */
export async function writeCycle(
  context: Excel.RequestContext,
  cells: WorkbookCells,
  partnership: Partnership,
  instruments: readonly Instrument[],
  { withActions = false, ...options }: ApplyOptions & { withActions?: boolean } = {},
): Promise<ApplyResult> {
  const rebuilt = cycleSheets(partnership).map(withRowHeights);
  if (withActions)
    rebuilt.unshift(withRowHeights(actionsSheet(partnership.assessmentActions ?? [])));
  const replaced = [ROUNDS_SHEET, HISTORY_SHEET, ...(withActions ? [ACTIONS_SHEET] : [])];
  const present = cells.sheetNames.filter((n) =>
    replaced.some((r) => r.toLowerCase() === n.toLowerCase()),
  );
  const ops = [...gridScoreWrites(cells, partnership, instruments), ...rebuilt.flat()];
  return applyOperations(context, ops, {
    ...options,
    before: (ctx) => {
      options.before?.(ctx);
      for (const name of present) ctx.workbook.worksheets.getItem(name).delete();
    },
  });
}

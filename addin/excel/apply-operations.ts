/**
 * The Office.js interpreter of the blueprint's operations: everything is
 * queued and sent in as few `context.sync()` round trips as the 5 MB request
 * limit allows (one for any ordinary workbook), never a sync per row or cell.
 */
import type { Operation } from "../../core/layout/operations.js";
import { compileSteps, type BatchScope } from "./compile-steps.js";
import { DEFAULT_BATCH_BUDGET, packInBatches } from "./payload.js";

export interface ApplyOptions {
  /** Bytes per request; lower it in tests to exercise chunking. */
  batchBudget?: number;
  /** Called after each batch is synced with (batches done, batches in all). */
  onProgress?: (done: number, total: number) => void;
  /** Queued at the start of the first batch (for example renames that free a name). */
  before?: (context: Excel.RequestContext) => void;
  /** Queued at the end of the last batch. */
  after?: (context: Excel.RequestContext) => void;
}

export interface ApplyResult {
  syncs: number;
  requestBytes: number[];
}

function scopeFor(context: Excel.RequestContext): BatchScope {
  const sheets = new Map<string, Excel.Worksheet>();
  return {
    context,
    sheet(name) {
      let sheet = sheets.get(name);
      if (!sheet) {
        sheet = context.workbook.worksheets.getItem(name);
        sheets.set(name, sheet);
      }
      return sheet;
    },
    remember(name, sheet) {
      sheets.set(name, sheet);
    },
  };
}

/** Big writes go faster with Excel's recalculation and screen updates paused until the sync. */
function pauseExcel(context: Excel.RequestContext): void {
  const application = context.workbook.application;
  if (typeof application.suspendApiCalculationUntilNextSync === "function")
    application.suspendApiCalculationUntilNextSync();
  if (typeof application.suspendScreenUpdatingUntilNextSync === "function")
    application.suspendScreenUpdatingUntilNextSync();
}

export async function applyOperations(
  context: Excel.RequestContext,
  ops: readonly Operation[],
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const batches = packInBatches(compileSteps(ops), options.batchBudget ?? DEFAULT_BATCH_BUDGET);
  if (batches.length === 0 && (options.before || options.after)) batches.push([]);
  const result: ApplyResult = { syncs: 0, requestBytes: [] };
  // Batches must run in order (tables before the formulas that name them), so
  // each waits for the one before: a chunked write, not a sync per item.
  for (const [index, batch] of batches.entries()) {
    pauseExcel(context);
    const scope = scopeFor(context);
    if (index === 0) options.before?.(context);
    for (const s of batch) s.queue(scope);
    if (index === batches.length - 1) options.after?.(context);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB batch, in order
    await context.sync();
    result.syncs += 1;
    result.requestBytes.push(batch.reduce((sum, s) => sum + s.bytes, 0));
    options.onProgress?.(index + 1, batches.length);
  }
  return result;
}

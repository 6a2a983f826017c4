/**
 * Set up: add the blueprint's sheets that the open workbook lacks. Existing
 * sheets with the same names are never overwritten or deleted; the caller
 * tells the user which ones were left as they are.
 */
import type { SheetPlan } from "../../core/layout/blueprint.js";
import { applyOperations, type ApplyOptions } from "./apply-operations.js";

export interface SetUpPlan {
  /** Plan sheets already in the workbook (compared without case, as Excel does). */
  existing: string[];
  missing: SheetPlan[];
}

export function planSetUp(sheetNames: readonly string[], plans: readonly SheetPlan[]): SetUpPlan {
  const present = new Set(sheetNames.map((n) => n.toLowerCase()));
  return {
    existing: plans.filter((p) => present.has(p.sheet.toLowerCase())).map((p) => p.sheet),
    missing: plans.filter((p) => !present.has(p.sheet.toLowerCase())),
  };
}

export async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

export interface SetUpResult {
  added: string[];
  existing: string[];
  syncs: number;
}

/** One sync to see what exists, then the missing sheets in as few syncs as the size allows. */
export async function setUpWorkbook(
  context: Excel.RequestContext,
  plans: readonly SheetPlan[],
  options: ApplyOptions = {},
): Promise<SetUpResult> {
  const plan = planSetUp(await sheetNames(context), plans);
  if (plan.missing.length === 0) return { added: [], existing: plan.existing, syncs: 1 };
  const first = plan.missing[0]?.sheet ?? "";
  const applied = await applyOperations(
    context,
    plan.missing.flatMap((p) => p.operations),
    {
      ...options,
      after: (ctx) => {
        options.after?.(ctx);
        ctx.workbook.worksheets.getItem(first).activate();
      },
    },
  );
  return {
    added: plan.missing.map((p) => p.sheet),
    existing: plan.existing,
    syncs: 1 + applied.syncs,
  };
}

/**
 * Set up: add the blueprint's sheets that the open workbook lacks, all or
 * nothing. Existing sheets are never changed or deleted. Table names are
 * workbook-wide in Excel, so a name already taken anywhere stops set up
 * before it writes; and if Excel fails part-way, the sheets set up had added
 * are removed again, so the workbook is as it was and a second try starts
 * from the same place.
 */
import { tablesOf, type SheetPlan } from "../../core/layout/blueprint.js";
import { applyOperations, type ApplyOptions, type ApplyResult } from "./apply-operations.js";
import { AnnotatedError, UserFacingError } from "./errors.js";

/**
 * The sheets to add: a fixed list, or (better) a function of the tables the
 * workbook will hold, so the Summary names only tables that are there.
 * Called first without tables for the full plan.
 */
export type SetUpBlueprint =
  readonly SheetPlan[] | ((availableTables?: ReadonlySet<string>) => SheetPlan[]);

/** What the workbook holds, read in one sync. */
export interface WorkbookNames {
  sheets: string[];
  tables: string[];
  /** The sheet the officer is on, to go back to if set up has to undo. */
  active: string;
}

/** A table set up would add whose name the workbook already uses. */
export interface TableClash {
  /** As the workbook spells it. */
  table: string;
  /** The plan's sheet that would hold it. */
  sheet: string;
}

export interface SetUpPlan {
  /** Plan sheets already in the workbook (compared without case, as Excel does). */
  existing: string[];
  missing: SheetPlan[];
  /** Existing plan sheets without their tables anywhere in the workbook (an officer's own sheet). */
  withoutTables: string[];
  clashes: TableClash[];
  /** The tables the workbook will hold once the missing sheets are added. */
  availableTables: Set<string>;
}

const lower = (name: string) => name.toLowerCase();

export function planSetUp(
  names: Pick<WorkbookNames, "sheets" | "tables">,
  plans: readonly SheetPlan[],
): SetUpPlan {
  const sheetsHere = new Set(names.sheets.map(lower));
  const tablesHere = new Map(names.tables.map((t) => [lower(t), t]));
  const existing = plans.filter((p) => sheetsHere.has(lower(p.sheet)));
  const missing = plans.filter((p) => !sheetsHere.has(lower(p.sheet)));
  return {
    existing: existing.map((p) => p.sheet),
    missing,
    withoutTables: existing
      .filter((p) => tablesOf(p).some((t) => !tablesHere.has(lower(t))))
      .map((p) => p.sheet),
    clashes: missing.flatMap((p) =>
      tablesOf(p).flatMap((t) => {
        const taken = tablesHere.get(lower(t));
        return taken === undefined ? [] : [{ table: taken, sheet: p.sheet }];
      }),
    ),
    availableTables: new Set([...names.tables, ...missing.flatMap(tablesOf)]),
  };
}

export async function readWorkbookNames(context: Excel.RequestContext): Promise<WorkbookNames> {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  await context.sync();
  return {
    sheets: sheets.items.map((s) => s.name),
    tables: tables.items.map((t) => t.name),
    active: active.name,
  };
}

/** The clash in words an officer can act on; one more read, to say which sheet each table is on. */
export async function describeClashes(
  context: Excel.RequestContext,
  clashes: readonly TableClash[],
): Promise<string> {
  const located = clashes.map((clash) => ({
    ...clash,
    on: context.workbook.tables.getItem(clash.table).worksheet.load("name"),
  }));
  await context.sync();
  const found = located.map(
    (c) => `A table called ${c.table} already exists on sheet '${c.on.name}'.`,
  );
  const only = located.length === 1 ? located[0] : undefined;
  // The table may be the partnership's own, on a sheet the officer renamed: renaming it would lose it.
  const own = only
    ? `If it is the partnership's own ${only.table} table, rename its sheet back to '${only.sheet}' instead.`
    : "If one is the partnership's own table on a renamed sheet, give that sheet its name back instead.";
  return `${found.join(" ")} Rename ${only ? "it" : "them"} (Table Design → Table Name) and run Set up again. ${own}`;
}

export interface SetUpResult {
  added: string[];
  existing: string[];
  syncs: number;
}

/**
 * One sync to see what exists, then the missing sheets in as few syncs as
 * the size allows; on a failure, one sync to see what was added and one to
 * remove it.
 */
export async function setUpWorkbook(
  context: Excel.RequestContext,
  blueprint: SetUpBlueprint,
  options: ApplyOptions = {},
): Promise<SetUpResult> {
  const names = await readWorkbookNames(context);
  const plans = typeof blueprint === "function" ? blueprint() : blueprint;
  let plan = planSetUp(names, plans);
  if (plan.clashes.length > 0)
    throw new UserFacingError(await describeClashes(context, plan.clashes));
  if (typeof blueprint === "function") plan = planSetUp(names, blueprint(plan.availableTables));
  if (plan.missing.length === 0) return { added: [], existing: plan.existing, syncs: 1 };
  const added = plan.missing.map((p) => p.sheet);
  const first = added[0] ?? "";
  let applied: ApplyResult;
  try {
    applied = await applyOperations(
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
  } catch (error) {
    throw await undo(context, names, added, error);
  }
  return { added, existing: plan.existing, syncs: 1 + applied.syncs };
}

/**
 * Removes the sheets set up added (plan sheets that were not there before)
 * and goes back to the officer's sheet; says what happened either way.
 */
async function undo(
  context: Excel.RequestContext,
  before: WorkbookNames,
  planned: readonly string[],
  cause: unknown,
): Promise<AnnotatedError> {
  const had = new Set(before.sheets.map(lower));
  const ours = new Set(planned.map(lower).filter((n) => !had.has(n)));
  let left = [...planned];
  let removed = 0;
  try {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const added = sheets.items.filter((s) => ours.has(lower(s.name)));
    left = added.map((s) => s.name);
    context.workbook.worksheets.getItem(before.active).activate();
    for (const sheet of added) sheet.delete();
    await context.sync();
    removed = added.length;
  } catch {
    return new AnnotatedError(
      cause,
      `Set up then could not remove the sheets it had added: ${left.join(", ")}. ` +
        "Delete those that are there (right-click the sheet tab → Delete), then run Set up again.",
    );
  }
  return new AnnotatedError(
    cause,
    removed > 0
      ? "The workbook was left as it was: the sheets Set up had started to add were removed."
      : "Nothing in the workbook was changed.",
  );
}

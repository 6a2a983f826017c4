/**
 * Assess: add an instrument's sheet with one score column per partner, or
 * refresh it after partners change. Scores follow the partner's short name,
 * not the column's position, so every score entered survives a refresh.
 */
import { assessmentSheetPlan } from "../../core/layout/blueprint.js";
import { orphanedScorers } from "../../core/measures/assessment.js";
import { assessmentTableName } from "../../core/layout/tables/assessment.js";
import { SUMMARY_SHEET } from "../../core/layout/tables/summary.js";
import type { Instrument } from "../../core/instruments/types.js";
import { formatProblem } from "../../core/model/problem.js";
import type { Partnership } from "../../core/model/types.js";
import { readPartnership } from "../../core/read/reader.js";
import { cellAddress } from "../../core/layout/address.js";
import { applyOperations, type ApplyOptions } from "./apply-operations.js";
import { UserFacingError } from "./errors.js";
import { readWorkbookCells } from "./read-workbook.js";

/** Adds the instrument's sheet; refuses if a sheet of that name exists. */
export async function addAssessmentSheet(
  context: Excel.RequestContext,
  partnership: Partnership,
  instrument: Instrument,
  sheetNames: readonly string[],
  options: ApplyOptions = {},
): Promise<void> {
  if (sheetNames.some((n) => n.toLowerCase() === instrument.sheet.toLowerCase())) {
    throw new UserFacingError(
      `The sheet "${instrument.sheet}" already exists. Use Refresh to bring it up to date with Partners.`,
    );
  }
  const plan = assessmentSheetPlan(partnership, instrument);
  await applyOperations(context, plan.operations, {
    ...options,
    after: (ctx) => ctx.workbook.worksheets.getItem(instrument.sheet).activate(),
  });
}

export interface RefreshResult {
  partners: string[];
  scoresKept: number;
}

function backupName(sheet: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? " (old)" : ` (old ${n})`;
    const name = sheet.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/**
 * Rebuilds one assessment sheet from Partners, keeping every score. Safe by
 * construction: the old sheet is renamed aside, the new one built, formulas
 * elsewhere that used the grid's table pointed back at the new table, and
 * only then is the old sheet deleted; if building fails, the old sheet is put
 * back as it was.
 */
export async function refreshAssessmentSheet(
  context: Excel.RequestContext,
  instrument: Instrument,
  instruments: readonly Instrument[],
  options: ApplyOptions = {},
): Promise<RefreshResult> {
  const cells = await readWorkbookCells(context);
  const { partnership, problems } = readPartnership(cells, instruments);
  const table = assessmentTableName(instrument);
  const grid = cells.tables.find((t) => t.name.toLowerCase() === table.toLowerCase());
  if (!grid) {
    throw new UserFacingError(
      `There is no ${instrument.title} grid (table ${table}) to refresh. Use Add instead.`,
    );
  }
  const sheet = grid.sheet;
  const blocking = problems.filter((p) => p.severity === "error" && p.sheet === sheet);
  if (blocking.length > 0) {
    throw new UserFacingError(
      `Fix these on ${sheet} before refreshing, so no score is lost: ${blocking.slice(0, 3).map(formatProblem).join(" ")}`,
    );
  }
  const orphans = orphanedScorers(partnership, instrument.id);
  if (orphans.length > 0) {
    throw new UserFacingError(
      `${orphans.map((o) => `"${o}"`).join(", ")} scored this grid but ${orphans.length === 1 ? "is" : "are"} not in Partners. ` +
        "Add them back to Partners (or clear their scores) and refresh again.",
    );
  }
  const plan = assessmentSheetPlan(partnership, instrument);
  const backup = backupName(sheet, cells.sheetNames);
  const oldTableName = `${table}_before_refresh`;

  // Sync 1: where the sheet sits, and the Summary's formulas that use the grid's table.
  const oldSheet = context.workbook.worksheets.getItem(sheet);
  oldSheet.load("position");
  const hasSummary = cells.sheetNames.some((n) => n.toLowerCase() === SUMMARY_SHEET.toLowerCase());
  const summaryUsed = hasSummary
    ? context.workbook.worksheets
        .getItem(SUMMARY_SHEET)
        .getUsedRangeOrNullObject()
        .load("formulas, rowIndex, columnIndex")
    : null;
  await context.sync();
  const position = oldSheet.position;
  const pointers: { address: string; formula: string }[] = [];
  if (summaryUsed && !summaryUsed.isNullObject) {
    const uses = new RegExp(`(^|[^A-Za-z0-9_.])${table}\\[`, "i");
    summaryUsed.formulas.forEach((row, i) =>
      row.forEach((formula, j) => {
        if (typeof formula === "string" && formula.startsWith("=") && uses.test(formula)) {
          pointers.push({
            address: cellAddress(summaryUsed.rowIndex + i + 1, summaryUsed.columnIndex + j + 1),
            formula,
          });
        }
      }),
    );
  }

  // Sync 2 (or more for a huge grid): set the old sheet aside, build the new one, repoint the Summary.
  try {
    await applyOperations(context, plan.operations, {
      ...options,
      before: (ctx) => {
        options.before?.(ctx);
        const old = ctx.workbook.worksheets.getItem(sheet);
        old.tables.getItem(grid.name).name = oldTableName;
        old.name = backup;
      },
      after: (ctx) => {
        options.after?.(ctx);
        const fresh = ctx.workbook.worksheets.getItem(plan.sheet);
        fresh.position = position;
        fresh.activate();
        if (pointers.length === 0) return;
        const summary = ctx.workbook.worksheets.getItem(SUMMARY_SHEET);
        for (const pointer of pointers)
          summary.getRange(pointer.address).formulas = [[pointer.formula]];
      },
    });
  } catch (error) {
    await restore(context, sheet, backup, grid.name, oldTableName);
    throw error;
  }

  // Last sync: only now that the new sheet stands is the old one removed.
  context.workbook.worksheets.getItem(backup).delete();
  await context.sync();
  const assessment = partnership.assessments.find((a) => a.instrumentId === instrument.id);
  const scoresKept = (assessment?.items ?? []).reduce(
    (sum, item) => sum + Object.values(item.scores).filter((s) => s !== null).length,
    0,
  );
  return { partners: partnership.partners.map((p) => p.shortName), scoresKept };
}

/** Undoes a failed refresh: removes any half-built sheet and puts the old one back under its name. */
async function restore(
  context: Excel.RequestContext,
  sheet: string,
  backup: string,
  table: string,
  oldTableName: string,
): Promise<void> {
  const half = context.workbook.worksheets.getItemOrNullObject(sheet);
  const old = context.workbook.worksheets.getItemOrNullObject(backup);
  await context.sync();
  if (!half.isNullObject && !old.isNullObject) half.delete();
  if (!old.isNullObject) {
    old.name = sheet;
    const oldTable = old.tables.getItemOrNullObject(oldTableName);
    await context.sync();
    if (!oldTable.isNullObject) oldTable.name = table;
  }
  await context.sync();
}

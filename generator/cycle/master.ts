/**
 * The master workbook as collect and round close read and rewrite it. The
 * workbook is rebuilt from its tables through the blueprint (the single
 * source of truth for its shape), so a master with read errors is refused:
 * a value read as blank would be written back blank.
 */
import { resolve } from "node:path";
import type { Instrument } from "../../core/instruments/types.js";
import { workbookPlan } from "../../core/layout/blueprint.js";
import { formatProblem } from "../../core/model/problem.js";
import type { Partnership } from "../../core/model/types.js";
import { workbookBytes } from "../../adapters/exceljs/write-workbook.js";
import { writeFileAtomic } from "../atomic-write.js";
import { EXIT, UserError } from "../command.js";
import { loadInstruments } from "../instruments.js";
import { loadPartnershipFile } from "../load.js";

export interface Master {
  path: string;
  partnership: Partnership;
  /** The instruments whose grids the master has, in the order the workbook lays them out. */
  instruments: Instrument[];
}

/** Reads the master; refuses one whose read errors would be lost when it is written back. */
export async function loadMaster(cwd: string, given: unknown, writing: boolean): Promise<Master> {
  if (typeof given !== "string" || given === "")
    throw new UserError("--workbook MASTER.xlsx is required.", EXIT.unreadable);
  if (!given.toLowerCase().endsWith(".xlsx"))
    throw new UserError(`--workbook must name an .xlsx workbook, got "${given}".`, EXIT.unreadable);
  const path = resolve(cwd, given);
  const all = await loadInstruments();
  const loaded = await loadPartnershipFile(path, all);
  const errors = loaded.problems.filter((p) => p.severity === "error");
  if (writing && errors.length > 0) {
    const shown = errors.slice(0, 5).map((p) => `  ${formatProblem(p)}`);
    const more = errors.length > 5 ? [`  … and ${errors.length - 5} more`] : [];
    throw new UserError(
      `${given} has ${errors.length} error${errors.length === 1 ? "" : "s"}; it is left unchanged, because a value that cannot be read would be written back blank. Fix them first (\`partnership check ${given}\`):\n${[...shown, ...more].join("\n")}`,
      EXIT.problems,
    );
  }
  const present = new Set(loaded.partnership.assessments.map((a) => a.instrumentId));
  const instruments = all.filter((i) => present.has(i.id));
  if (writing)
    refuseSheetsOfYourOwn(given, loaded.cells.sheetNames, loaded.partnership, instruments);
  return { path, partnership: loaded.partnership, instruments };
}

/**
 * The master is written again from its tables, so a sheet the blueprint does
 * not make (notes, a pivot, a chart of the officer's) would be lost: refuse
 * rather than drop it.
 */
function refuseSheetsOfYourOwn(
  given: string,
  sheetNames: readonly string[],
  partnership: Partnership,
  instruments: readonly Instrument[],
): void {
  const ours = new Set(workbookPlan(partnership, instruments).map((p) => p.sheet.toLowerCase()));
  const own = sheetNames.filter((name) => !ours.has(name.toLowerCase()));
  if (own.length === 0) return;
  const list = own.map((name) => `"${name}"`).join(", ");
  throw new UserError(
    `${given} has ${own.length === 1 ? "a sheet" : "sheets"} of your own (${list}), which this command would not keep: it writes the workbook again from its tables. It is left unchanged. Move ${own.length === 1 ? "that sheet" : "those sheets"} to another workbook (right-click the tab → Move or Copy), run the command again, then move ${own.length === 1 ? "it" : "them"} back; or collect in the add-in, which writes only the scores.`,
    EXIT.problems,
  );
}

/** Rewrites the master atomically: on any failure the file on disk is the old one. */
export async function writeMaster(master: Master, partnership: Partnership): Promise<void> {
  const operations = workbookPlan(partnership, master.instruments).flatMap((p) => p.operations);
  await writeFileAtomic(master.path, await workbookBytes(operations), { force: true });
}

/** Today as an ISO date; PARTNERSHIP_TODAY fixes it for tests and reproducible demos. */
export function todayIso(): string {
  const fixed = process.env.PARTNERSHIP_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Date().toISOString().slice(0, 10);
}

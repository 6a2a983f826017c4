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
  return {
    path,
    partnership: loaded.partnership,
    instruments: all.filter((i) => present.has(i.id)),
  };
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

import { stat } from "node:fs/promises";
import { join } from "node:path";
import { returnFileName, returnForm } from "../../core/cycle/return-form.js";
import type { GridInstrument } from "../../core/instruments/types.js";
import type { Partnership } from "../../core/model/types.js";
import { returnWorkbookBytes } from "../../adapters/exceljs/return-write.js";
import { writeFileAtomic } from "../atomic-write.js";
import { EXIT, UserError } from "../command.js";

/** One return file per partner, named by short name (a clash gets a number). */
export function returnFiles(
  partnership: Partnership,
  dir: string,
): { partner: string; path: string }[] {
  const taken = new Set<string>();
  return partnership.partners
    .filter((p) => p.shortName.trim() !== "")
    .map((p) => {
      let name = returnFileName(p.shortName);
      for (let n = 2; taken.has(name.toLowerCase()); n++)
        name = returnFileName(`${p.shortName} ${n}`);
      taken.add(name.toLowerCase());
      return { partner: p.shortName, path: join(dir, name) };
    });
}

/**
 * Writes every partner's return for `round` into `dir`. Without `force`, an
 * existing return stops the run before any file is written.
 */
export async function writeReturns(
  partnership: Partnership,
  instruments: readonly GridInstrument[],
  round: string,
  anonymous: boolean,
  dir: string,
  force: boolean,
): Promise<string[]> {
  const files = returnFiles(partnership, dir);
  if (files.length === 0)
    throw new UserError("The master has no partners to make returns for.", EXIT.problems);
  if (!force) {
    const existing: string[] = [];
    for (const f of files) if (await stat(f.path).catch(() => null)) existing.push(f.path);
    if (existing.length > 0)
      throw new UserError(
        `${existing.length} return${existing.length === 1 ? "" : "s"} already exist (${existing.join(", ")}); nothing was written. Add --force to replace them.`,
        EXIT.problems,
      );
  }
  for (const f of files) {
    const form = returnForm(partnership.details.name, f.partner, round, anonymous, instruments);
    await writeFileAtomic(f.path, await returnWorkbookBytes(form), { force });
  }
  return files.map((f) => f.path);
}

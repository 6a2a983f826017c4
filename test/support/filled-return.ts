import { copyFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fillReturn, masterFolder } from "../generator/cycle/support.js";
import { runCli } from "./run-cli.js";

/** The round the shared return belongs to. */
export const RETURN_ROUND = "2026 review";

/**
 * Writes a master (the small partnership with two blank grids) and EC's return
 * for it, made by `partnership returns` and filled in, as a partner would send
 * it before opening it in LibreOffice. `returns` leaves the master as it was.
 */
export async function writeFilledReturn(master: string, ecReturn: string): Promise<void> {
  const dir = await masterFolder();
  try {
    const made = await runCli(dir, [
      "returns",
      "--workbook",
      "master.xlsx",
      "--round",
      RETURN_ROUND,
      "--out-dir",
      "returns",
    ]);
    if (made.code !== 0)
      throw new Error(`partnership returns exited ${made.code}: ${made.stderr}${made.stdout}`);
    const ec = join(dir, "returns", "EC.xlsx");
    // 1, 2, 3, 4, 1, … down each sheet: the scores the test finds collected.
    await fillReturn(ec, (_sheet, i) => ({ score: (i % 4) + 1 }));
    await copyFile(join(dir, "master.xlsx"), master);
    await copyFile(ec, ecReturn);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

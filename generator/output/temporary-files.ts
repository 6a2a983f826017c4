import { randomBytes } from "node:crypto";
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";

/**
 * Temporary files written beside a target before it is put in place. A run
 * killed mid-write leaves one behind; the next run writing into the same
 * folder removes those that are clearly abandoned. Only names this program
 * makes are ever touched.
 */

/** A write takes seconds; a temporary file this old belongs to a run that died. */
export const STALE_AFTER_MS = 10 * 60 * 1000;

const SUFFIX = ".partnership-tmp";

/** `.board-agreement.docx.12345-a1b2c3d4.partnership-tmp`: hidden, and never read as a workbook. */
export function temporaryName(target: string): string {
  return `.${target}.${process.pid}-${randomBytes(4).toString("hex")}${SUFFIX}`;
}

const OURS = [
  /^\..+\.\d+-[0-9a-f]{8}\.partnership-tmp$/,
  // The name earlier versions used: `.board.docx.<pid>.<milliseconds>.tmp`.
  /^\..+\.\d+\.\d{13}\.tmp$/,
];

export function isTemporaryName(name: string): boolean {
  return OURS.some((pattern) => pattern.test(name));
}

const cleaned = new Set<string>();

/** Removes abandoned temporary files from a folder, once per folder per run; never fails the write. */
export async function cleanStaleTemporaries(folder: string, now = Date.now()): Promise<string[]> {
  if (cleaned.has(folder)) return [];
  cleaned.add(folder);
  const removed: string[] = [];
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter(isTemporaryName)) {
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < STALE_AFTER_MS) continue;
    await rm(path, { force: true })
      .then(() => removed.push(path))
      .catch(() => undefined);
  }
  return removed;
}

/** Lets a test clean the same folder twice in one process. */
export function forgetCleanedFolders(): void {
  cleaned.clear();
}

import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { EXIT, UserError } from "../command.js";

/**
 * Checks on an output name made before any work, so that a mistyped command
 * fails at once with exit status 2 rather than after reading every workbook.
 */

/** `--out x.pdf` would put Word bytes in a file every program then misreads. */
export function requireExtension(out: string, extension: string, what: string): void {
  const actual = extname(out);
  if (actual.toLowerCase() === extension) return;
  const suggestion = `${actual ? out.slice(0, -actual.length) : out}${extension}`;
  throw new UserError(
    `--out must name ${what} ending in ${extension}, got "${out}". Use --out ${suggestion}.`,
    EXIT.unreadable,
  );
}

/**
 * The input that `path` is the same file as, or null. Files are compared, not
 * spellings: another case on a case-insensitive disk, a symbolic link or a
 * hard link all lead to the same device and inode.
 */
export async function sameFileAs(path: string, inputs: readonly string[]): Promise<string | null> {
  const target = await stat(path).catch(() => null);
  if (!target) return null;
  for (const input of inputs) {
    const source = await stat(input).catch(() => null);
    if (source && source.dev === target.dev && source.ino === target.ino) return input;
  }
  return null;
}

/** Refuses an output that is one of the run's inputs (`--out` naming the workbook, with --force). */
export async function refuseReadingAndWriting(
  out: string,
  inputs: readonly string[],
): Promise<void> {
  const input = await sameFileAs(out, inputs);
  if (input)
    throw new UserError(
      `--out ${out} is ${input}, which this command reads: writing it would destroy it. Choose another --out.`,
      EXIT.unreadable,
    );
}

import { existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UserError } from "./command.js";

/**
 * Writes a file so that readers only ever see the old file or the whole new
 * one: the bytes go to a temporary file beside the target, then a rename.
 * Refuses to replace an existing file unless `force` is set.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: { force: boolean },
): Promise<void> {
  if (!options.force && existsSync(path)) {
    throw new UserError(
      `${path} already exists. Use --force to replace it, or choose another --out.`,
    );
  }
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

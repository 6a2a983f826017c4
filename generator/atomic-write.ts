import { constants } from "node:fs";
import { copyFile, link, mkdir, open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UserError } from "./command.js";
import { errnoCode, outputError } from "./output/fs-errors.js";
import { sameFileAs } from "./output/paths.js";
import { cleanStaleTemporaries, temporaryName } from "./output/temporary-files.js";

export interface WriteOptions {
  /** Replace an existing file. Without it, an existing file is never touched, even under a race. */
  force: boolean;
  /** Files this run reads (the workbook, the style document): never replaced, whatever the path says. */
  protect?: readonly string[];
}

/**
 * Writes a file so that readers only ever see the old file or the whole new
 * one: the bytes go to a temporary file beside the target, then onto the
 * target in one step. Without `force` that step is a hard link, which the
 * system refuses when the target exists, so two runs racing for one name
 * cannot both succeed; with `force` it is a rename over the old file.
 * File-system failures become one plain UserError naming the path.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: WriteOptions,
): Promise<void> {
  const folder = dirname(path);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    // mkdir says EEXIST when a folder on the way is a file.
    if (errnoCode(error) === "EEXIST")
      throw new UserError(`Cannot write ${path}: part of the path is a file, not a folder.`);
    throw outputError(error, path);
  }
  await refuseUnsafeTarget(path, options);
  await cleanStaleTemporaries(folder);
  const temporary = join(folder, temporaryName(basename(path)));
  try {
    await writeDurably(temporary, data);
    await refuseProtected(path, options.protect ?? []);
    if (options.force) await rename(temporary, path);
    else await placeExclusively(temporary, path);
  } catch (error) {
    if (errnoCode(error) === "EEXIST" && !options.force) throw alreadyExists(path);
    throw outputError(error, path);
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}

function alreadyExists(path: string): UserError {
  return new UserError(
    `${path} already exists. Use --force to replace it, or choose another file name.`,
  );
}

/** Early, friendly refusals; the exclusive link below is what holds under a race. */
async function refuseUnsafeTarget(path: string, options: WriteOptions): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory())
    throw new UserError(`Cannot write ${path}: it is a folder, not a file.`);
  if (existing && !options.force) throw alreadyExists(path);
}

async function refuseProtected(path: string, protect: readonly string[]): Promise<void> {
  const input = await sameFileAs(path, protect);
  if (input)
    throw new UserError(
      `Refusing to write ${path}: it is ${input}, which this run reads. Choose another output name.`,
    );
}

/** Exclusive create, then flushed to disk, so a power cut cannot leave a placed but empty file. */
async function writeDurably(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Codes from file systems without hard links (FAT USB sticks, some network shares). */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK"]);

async function placeExclusively(temporary: string, path: string): Promise<void> {
  try {
    await link(temporary, path);
  } catch (error) {
    const code = errnoCode(error);
    if (code === undefined || !NO_HARD_LINKS.has(code)) throw error;
    // Still exclusive (the copy fails if the target exists), though a reader
    // could glimpse a partly copied file on such a file system.
    try {
      await copyFile(temporary, path, constants.COPYFILE_EXCL);
    } catch (copyError) {
      // A half-copied file is ours to remove; one that already existed is not.
      if (errnoCode(copyError) !== "EEXIST") await rm(path, { force: true }).catch(() => undefined);
      throw copyError;
    }
  }
}

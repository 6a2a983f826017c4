import { UserError } from "../command.js";

/**
 * File-system failures in words an officer can act on. A write that fails
 * because of where it points (a folder, a read-only disk, a full disk) is not
 * a bug: it gets one plain line naming the path and exit status 1, never a
 * stack trace.
 */

const REASONS: Readonly<Record<string, string>> = {
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied (check the permissions of the file and its folder)",
  EPERM: "the system does not allow it (the file may be read-only or open in another program)",
  EBUSY: "the file is in use by another program; close it and try again",
  EROFS: "the disk is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "your disk quota is used up",
  ENOTDIR: "part of the path is a file, not a folder",
  EEXIST: "a file with that name already exists",
  ENOENT: "the folder does not exist",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many files are open at once; try fewer --jobs",
  EIO: "the disk reported a read or write error",
  ERR_FS_FILE_TOO_LARGE: "the file is too large",
};

export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** Plain words for an errno code; the code itself when there are none yet. */
export function fsReason(error: unknown): string {
  const code = errnoCode(error);
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  return REASONS[code] ?? `the system refused it (${code})`;
}

/**
 * "Cannot write out/a.docx: the disk is full." as a UserError, or the error
 * unchanged when it is not a file-system error (a bug, reported as one).
 */
export function outputError(error: unknown, path: string, exitCode = 1): unknown {
  if (error instanceof UserError || errnoCode(error) === undefined) return error;
  return new UserError(`Cannot write ${path}: ${fsReason(error)}.`, exitCode);
}

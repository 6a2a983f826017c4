/**
 * Errors at the edge of the add-in, in words an officer can act on. Office.js
 * errors carry a `code`; each code we can meet gets its own advice.
 */

/** A refusal or failure we foresaw, already worded for the user. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}

/** An Excel failure, with what the add-in then did about it (undid its changes, say). */
export class AnnotatedError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly note: string,
  ) {
    super(`${cause instanceof Error ? cause.message : String(cause)} ${note}`);
    this.name = "AnnotatedError";
  }
}

const ADVICE: Record<string, string> = {
  InvalidArgument:
    "Excel refused a change. If you renamed or deleted a sheet or table, restore it (or use a new workbook) and try again.",
  ItemNotFound:
    "A sheet or table the add-in needs is missing. Run Set up to add what is missing, then try again.",
  ItemAlreadyExists:
    "A sheet or table with the same name already exists. Rename or remove it, then try again.",
  InvalidOperation:
    "Excel could not make that change right now. Finish editing any cell (press Enter or Esc) and try again.",
  AccessDenied:
    "The workbook or sheet is protected. Unprotect it (Review > Unprotect Sheet), then try again.",
  RequestPayloadSizeLimitExceeded:
    "The change is too large for Excel to take at once. Try again with fewer instruments.",
  ResponsePayloadSizeLimitExceeded:
    "The workbook is too large to read in one go. Remove unused rows below your tables, then try again.",
  GeneralException:
    "Excel reported an internal error. Save your work, reopen the workbook and try again.",
  EditModeCannotAcquireLock: "Another change is in progress. Wait a moment and try again.",
};

function codeOf(error: unknown): string | null {
  if (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string"
  )
    return error.code;
  return null;
}

export function describeError(error: unknown, doing: string): string {
  if (error instanceof UserFacingError) return error.message;
  if (error instanceof AnnotatedError) return `${describeError(error.cause, doing)} ${error.note}`;
  const code = codeOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  const advice =
    code && ADVICE[code]
      ? ADVICE[code]
      : "Save your work and try again; if it keeps happening, report the details below.";
  return `Could not ${doing}. ${advice} (Details: ${code ? `${code}: ` : ""}${detail})`;
}

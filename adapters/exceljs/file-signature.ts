/** The first bytes of a file say whether it can be an .xlsx at all, before anything is unpacked. */
import { count, megabytes, READ_LIMITS } from "./read-limits.js";
import { UnreadableWorkbookError } from "./unreadable.js";

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: password-protected .xlsx files and old .xls files both start so. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** Throws UnreadableWorkbookError unless the bytes may be an .xlsx workbook within the size limit. */
export function checkWorkbookSignature(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new UnreadableWorkbookError("the file is empty");
  if (startsWith(bytes, CFB_SIGNATURE)) {
    throw new UnreadableWorkbookError(
      "the file is password-protected (encrypted) or an old .xls workbook; remove the password or save it as .xlsx in Excel, then try again",
    );
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) {
    throw new UnreadableWorkbookError(
      "the file is not an Excel .xlsx workbook; save it as .xlsx (Excel Workbook) and try again",
    );
  }
  checkFileSize(bytes.length);
}

export function checkFileSize(size: number): void {
  if (size > READ_LIMITS.fileBytes) {
    throw new UnreadableWorkbookError(
      `the file is ${megabytes(size)} MB, over the limit of ${megabytes(READ_LIMITS.fileBytes)} MB (${count(READ_LIMITS.fileBytes)} bytes) for a workbook; open it in Excel, delete unused sheets, rows and pictures, and save it again`,
    );
  }
}

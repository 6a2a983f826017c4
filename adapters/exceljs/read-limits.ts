/**
 * How much of a file the reader will take on, so that any input is read or
 * refused within seconds and a few hundred megabytes. A genuine partnership
 * workbook (10,000 indicators × 12 periods) is about a tenth of each limit.
 * README.md, "Limits on input files", states them for users.
 */
export const READ_LIMITS = {
  /** Size of the .xlsx file itself. */
  fileBytes: 100 * 1024 * 1024,
  /** Parts (files) inside the zip. */
  zipEntries: 20_000,
  /** Uncompressed size of any one part the reader opens (a sheet, the shared strings…). */
  partBytes: 64 * 1024 * 1024,
  /** Uncompressed size of all the parts the reader opens, together. */
  totalBytes: 200 * 1024 * 1024,
  /** Data rows of one table, counted to its last non-blank row. */
  tableRows: 100_000,
  /** Columns of one table: Excel's own maximum. */
  tableColumns: 16_384,
  /** Data cells (rows × columns) of all tables together. */
  tableCells: 2_000_000,
} as const;

export function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString("en-GB", { maximumFractionDigits: 1 });
}

export function count(n: number): string {
  return n.toLocaleString("en-GB");
}

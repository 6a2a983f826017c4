/**
 * How much of a file the reader will take on, so that any input is read or
 * refused within seconds and a few hundred megabytes. Every workbook this tool
 * writes (up to 50,000 indicators × 12 periods) is within them.
 * README.md, "Limits on input files", states them for users.
 */
export const READ_LIMITS = {
  /** Size of the .xlsx file itself. */
  fileBytes: 100 * 1024 * 1024,
  /** Parts (files) inside the zip. */
  zipEntries: 20_000,
  /** Uncompressed size of any one part the reader opens other than a worksheet (the shared strings, a table…). */
  partBytes: 64 * 1024 * 1024,
  /**
   * Uncompressed size of one worksheet. Larger than other parts because a sheet
   * is scanned as bytes, never decoded whole, and mostly holds calculated-column
   * formulas the scan skips: the Indicators sheet of the 50,000 indicators
   * `partnership workbook` writes is about 200 MB (4 KB an indicator).
   */
  sheetBytes: 256 * 1024 * 1024,
  /** Uncompressed size of all the XML parts in the file, together: the bound on a zip bomb. */
  totalBytes: 320 * 1024 * 1024,
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

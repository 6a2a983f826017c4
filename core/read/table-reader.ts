import { cellAddress } from "../layout/address.js";
import { dateToIso, dateToIsoOrNull } from "../model/dates.js";
import type { CellOrigin } from "../model/origins.js";
import type { IsoDate } from "../model/types.js";
import type { Problem, Severity } from "../model/problem.js";
import { isCellError, type CellValue, type TableCells } from "./cells.js";

/** Cells longer than this are almost certainly a paste gone wrong, and no Word clause wants them. */
const MAX_TEXT = 5000;

/**
 * Dates outside these years are typing slips (year 10000, serial 0 shown as
 * 00/01/1900) and would print nonsense into an agreement.
 */
export const EARLIEST_YEAR = 1990;
export const LATEST_YEAR = 2100;

/** A serial day number as a Date, invalid for serials no calendar has. */
function serialToDate(serial: number): Date {
  // The same epoch as model/dates: 30 December 1899, the 1900 date system.
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
}

/** dd/mm/yyyy for any year, as an officer would type it. */
function formatDay(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCFullYear(), 4)}`;
}

export function isBlank(value: CellValue | undefined): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

function show(value: CellValue): string {
  if (value instanceof Date) return dateToIsoOrNull(value) ?? "an invalid date";
  const text = String(value);
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

/** Numbers pasted as text ("1,250", "£300", "12%"): read them, with a warning. */
function numberFromText(text: string): number | null {
  const match = /^\s*(-)?£?\s*(-)?([\d,]*\.?\d+)\s*(%)?\s*$/.exec(text);
  if (!match || !match[3] || !/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d*\.?\d+$/.test(match[3])) return null;
  const magnitude = Number(match[3].replace(/,/g, ""));
  const signed = match[1] || match[2] ? -magnitude : magnitude;
  return match[4] ? signed / 100 : signed;
}

/**
 * Reads typed values out of one table's rows, by header name, recording a
 * located problem for anything that cannot be read. Never throws on cell
 * content: a bad cell gives a problem and a null.
 */
export class TableReader {
  private readonly index = new Map<string, number>();
  /** Names used in messages instead of a header (the Partnership table's Value column). */
  private readonly labels = new Map<string, string>();

  constructor(
    readonly table: TableCells,
    private readonly problems: Problem[],
  ) {
    table.headers.forEach((header, i) => {
      const key = String(header ?? "")
        .trim()
        .toLowerCase();
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  get rowCount(): number {
    return this.table.rows.length;
  }

  has(header: string): boolean {
    return this.index.has(header.toLowerCase());
  }

  position(header: string): number {
    return this.index.get(header.toLowerCase()) ?? -1;
  }

  /** The header text at a 0-based column position, trimmed ("" past the table's edge). */
  headerAt(position: number): string {
    return String(this.table.headers[position] ?? "").trim();
  }

  /**
   * Runs `read` with messages naming `label` instead of `header`, so a
   * Partnership row's Value cell is reported as "Start date", not "Value".
   */
  named<T>(header: string, label: string, read: () => T): T {
    this.labels.set(header.toLowerCase(), label);
    try {
      return read();
    } finally {
      this.labels.delete(header.toLowerCase());
    }
  }

  private label(header: string): string {
    return this.labels.get(header.toLowerCase()) ?? header;
  }

  /** Reads the column at `position` as `header` from now on (its header was renamed). */
  adopt(header: string, position: number): void {
    this.index.set(header.toLowerCase(), position);
  }

  /** The header cell at a 0-based column position. */
  headerAddress(position: number): string {
    return cellAddress(this.table.headerRow, this.table.firstColumn + Math.max(position, 0));
  }

  address(row: number, header: string): string {
    const position = Math.max(this.position(header), 0);
    return cellAddress(this.table.headerRow + 1 + row, this.table.firstColumn + position);
  }

  /** The sheet row of a data row (0-based in `rows`). */
  sheetRow(row: number): number {
    return this.table.headerRow + 1 + row;
  }

  /** Where a data row's cell sits, for origins. */
  origin(row: number, header: string): CellOrigin {
    return { sheet: this.table.sheet, cell: this.address(row, header) };
  }

  raw(row: number, header: string): CellValue {
    const position = this.position(header);
    if (position < 0) return null;
    return this.table.rows[row]?.[position] ?? null;
  }

  report(severity: Severity, cell: string, message: string, hint?: string): void {
    this.problems.push({
      severity,
      sheet: this.table.sheet,
      cell,
      message,
      ...(hint ? { hint } : {}),
    });
  }

  /** True when every listed column of the row is blank: such rows are spare rows, not data. */
  isBlankRow(row: number, headers: readonly string[]): boolean {
    return headers.every((h) => isBlank(this.raw(row, h)));
  }

  /** The cell's value, or null after reporting an error value such as #REF!. */
  private value(row: number, header: string): CellValue {
    const value = this.raw(row, header);
    if (isCellError(value)) {
      this.report(
        "error",
        this.address(row, header),
        `${this.label(header)} contains the error ${value.error}`,
        "Correct the formula or type the value again.",
      );
      return null;
    }
    return value;
  }

  private missing(row: number, header: string, severity: Severity): void {
    this.report(severity, this.address(row, header), `${this.label(header)} is required but blank`);
  }

  text(row: number, header: string, required: Severity | false = false): string {
    const value = this.value(row, header);
    if (isBlank(value)) {
      if (required) this.missing(row, header, required);
      return "";
    }
    let text: string;
    if (value instanceof Date) {
      const iso = dateToIsoOrNull(value);
      if (iso === null) {
        this.report(
          "error",
          this.address(row, header),
          `${this.label(header)} holds an invalid date`,
          "Type the text again in a cell formatted as text.",
        );
        return "";
      }
      text = iso;
    } else text = String(value).trim();
    if (text.length > MAX_TEXT) {
      this.report(
        "error",
        this.address(row, header),
        `${this.label(header)} is ${text.length.toLocaleString("en-GB")} characters long; the most it may hold is ${MAX_TEXT.toLocaleString("en-GB")}`,
        "Shorten it, or keep the detail in a separate document.",
      );
      return text.slice(0, MAX_TEXT);
    }
    return text;
  }

  number(row: number, header: string, required: Severity | false = false): number | null {
    const value = this.value(row, header);
    if (isBlank(value)) {
      if (required) this.missing(row, header, required);
      return null;
    }
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string") {
      const parsed = numberFromText(value);
      if (parsed !== null) {
        this.report(
          "warning",
          this.address(row, header),
          `${this.label(header)} is a number stored as text (${show(value)}); read as ${parsed}`,
          "Retype it as a number so the sheet's formulas use it.",
        );
        return parsed;
      }
    }
    this.report(
      "error",
      this.address(row, header),
      `${this.label(header)} must be a number, got ${show(value as CellValue)}`,
      "Type a number, or leave the cell blank.",
    );
    return null;
  }

  date(row: number, header: string, required: Severity | false = false): IsoDate | null {
    const value = this.value(row, header);
    if (isBlank(value)) {
      if (required) this.missing(row, header, required);
      return null;
    }
    if (value instanceof Date || typeof value === "number") {
      const date = value instanceof Date ? value : serialToDate(value);
      const year = date.getUTCFullYear();
      if (year >= EARLIEST_YEAR && year <= LATEST_YEAR) return dateToIso(date);
      const what = Number.isNaN(year)
        ? `holds ${value instanceof Date ? "an invalid date" : String(value)}, which is no date`
        : `is ${formatDay(date)}`;
      this.report(
        "error",
        this.address(row, header),
        `${this.label(header)} ${what}: dates must fall between ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
        "Check the year and type the date again as dd/mm/yyyy.",
      );
      return null;
    }
    const hint =
      typeof value === "string" && /\d/.test(value)
        ? "It looks like a date typed as text: retype it as a date (dd/mm/yyyy) in a date-formatted cell."
        : "Type a date as dd/mm/yyyy.";
    this.report(
      "error",
      this.address(row, header),
      `${this.label(header)} must be a date, got ${show(value as CellValue)}`,
      hint,
    );
    return null;
  }

  yesNo(row: number, header: string, blank: boolean): boolean {
    const value = this.value(row, header);
    if (isBlank(value)) return blank;
    if (typeof value === "boolean") return value;
    const text = String(value).trim().toLowerCase();
    if (text === "yes" || text === "y") return true;
    if (text === "no" || text === "n") return false;
    this.report(
      "error",
      this.address(row, header),
      `${this.label(header)} must be Yes or No, got ${show(value as CellValue)}`,
    );
    return blank;
  }

  choice<T extends string>(
    row: number,
    header: string,
    options: readonly T[],
    required: Severity | false = false,
  ): T | null {
    const value = this.value(row, header);
    if (isBlank(value)) {
      if (required) this.missing(row, header, required);
      return null;
    }
    const text = String(value).trim().toLowerCase();
    const match = options.find((o) => o.toLowerCase() === text);
    if (match) return match;
    this.report(
      "error",
      this.address(row, header),
      `${this.label(header)} must be one of ${options.join(", ")}; got ${show(value as CellValue)}`,
      "Pick a value from the cell's dropdown.",
    );
    return null;
  }
}

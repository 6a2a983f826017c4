import { cellAddress } from "../layout/address.js";
import { dateToIso, serialToIso } from "../model/dates.js";
import type { IsoDate } from "../model/types.js";
import type { Problem, Severity } from "../model/problem.js";
import { isCellError, type CellValue, type TableCells } from "./cells.js";

/** Cells longer than this are almost certainly a paste gone wrong, and no Word clause wants them. */
const MAX_TEXT = 5000;

export function isBlank(value: CellValue | undefined): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

function show(value: CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
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

  /** Reports each expected header that is missing; true when all are there. */
  requireHeaders(headers: readonly string[]): boolean {
    const missing = headers.filter((h) => !this.has(h));
    for (const header of missing) {
      this.report(
        "error",
        cellAddress(this.table.headerRow, this.table.firstColumn),
        `Table ${this.table.name} has no column "${header}"`,
        "Restore the header exactly as the workbook was built (it may have been renamed or deleted).",
      );
    }
    return missing.length === 0;
  }

  address(row: number, header: string): string {
    const position = Math.max(this.position(header), 0);
    return cellAddress(this.table.headerRow + 1 + row, this.table.firstColumn + position);
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
        `${header} contains the error ${value.error}`,
        "Correct the formula or type the value again.",
      );
      return null;
    }
    return value;
  }

  private missing(row: number, header: string, severity: Severity): void {
    this.report(severity, this.address(row, header), `${header} is required but blank`);
  }

  text(row: number, header: string, required: Severity | false = false): string {
    const value = this.value(row, header);
    if (isBlank(value)) {
      if (required) this.missing(row, header, required);
      return "";
    }
    let text: string;
    if (value instanceof Date) text = dateToIso(value);
    else text = String(value).trim();
    if (text.length > MAX_TEXT) {
      this.report(
        "error",
        this.address(row, header),
        `${header} is ${text.length.toLocaleString("en-GB")} characters long; the most it may hold is ${MAX_TEXT.toLocaleString("en-GB")}`,
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
          `${header} is a number stored as text (${show(value)}); read as ${parsed}`,
          "Retype it as a number so the sheet's formulas use it.",
        );
        return parsed;
      }
    }
    this.report(
      "error",
      this.address(row, header),
      `${header} must be a number, got ${show(value as CellValue)}`,
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
    if (value instanceof Date && !Number.isNaN(value.getTime())) return dateToIso(value);
    if (typeof value === "number" && value > 0 && value < 2958466) return serialToIso(value);
    const hint =
      typeof value === "string" && /\d/.test(value)
        ? "It looks like a date typed as text: retype it as a date (dd/mm/yyyy) in a date-formatted cell."
        : "Type a date as dd/mm/yyyy.";
    this.report(
      "error",
      this.address(row, header),
      `${header} must be a date, got ${show(value as CellValue)}`,
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
      `${header} must be Yes or No, got ${show(value as CellValue)}`,
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
      `${header} must be one of ${options.join(", ")}; got ${show(value as CellValue)}`,
      "Pick a value from the cell's dropdown.",
    );
    return null;
  }
}

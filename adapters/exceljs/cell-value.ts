/**
 * A cell's value as the reader in core wants it, from the cell's type
 * attribute and text: numbers, text, booleans, errors, and Dates where the
 * cell's style is a date format (as exceljs gave them).
 */
import type { CellValue } from "../../core/read/cells.js";
import type { SharedStrings } from "./shared-strings.js";

export interface ValueContext {
  sharedStrings: SharedStrings;
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const MS_PER_DAY = 24 * 3600 * 1000;
/** Serial of 1 January 1970, where JavaScript dates count from. */
const UNIX_EPOCH_SERIAL = 25569;
const DAYS_1900_TO_1904 = 1462;

/**
 * A serial in a date-formatted cell becomes a Date, as exceljs made it; a
 * serial no Date can hold (1E+9 is 2.7 million years away) stays a number,
 * so the reader in core reports it where it is instead of anything throwing.
 */
function dateOrSerial(serial: number, date1904: boolean): Date | number {
  const offset = date1904 ? DAYS_1900_TO_1904 : 0;
  const date = new Date(Math.round((serial - UNIX_EPOCH_SERIAL + offset) * MS_PER_DAY));
  return Number.isNaN(date.getTime()) ? serial : date;
}

function numberValue(text: string, style: number, context: ValueContext): CellValue {
  const number = Number(text.trim());
  // Text in a numeric cell ("abc", "1E+999") stays text: the reader then says it is not a number.
  if (!Number.isFinite(number) || text.trim() === "") return text;
  return context.dateStyles[style] ? dateOrSerial(number, context.date1904) : number;
}

function isoDateValue(text: string): CellValue {
  const date = new Date(text.trim());
  return Number.isNaN(date.getTime()) ? text : date;
}

/**
 * `type` is the cell's `t` attribute, `text` its `<v>` text (already
 * decoded), `inline` the text of an inline string; null means the cell holds nothing.
 */
export function cellValue(
  type: string | undefined,
  text: string | null,
  inline: string | null,
  style: number,
  context: ValueContext,
): CellValue {
  if (type === "inlineStr") return inline || (text ?? null);
  if (text === null || text === "") return null;
  switch (type) {
    case "s": {
      const index = Number(text);
      // An empty string is a blank cell, as exceljs and Office.js both give it.
      return Number.isInteger(index) ? context.sharedStrings.get(index) || null : null;
    }
    case "str":
      return text;
    case "b":
      return parseInt(text, 10) !== 0;
    case "e":
      return { error: text };
    case "d":
      return isoDateValue(text);
    default:
      return numberValue(text, style, context);
  }
}

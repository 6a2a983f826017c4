/**
 * How a table sheet prints. Shrinking a wide sheet to one page (the old
 * rule) printed the 28-column Indicators sheet at about a third of its size:
 * unreadable at a board meeting. A sheet is shrunk to one page wide only
 * while that keeps its text at least MIN_READABLE_SCALE of full size;
 * otherwise it prints across pages at that same scale (still readable, and
 * fewer pages than at 100%) with its ID and name columns repeated on each.
 */
import { columnLetter } from "./address.js";

/** A4 less Excel's normal margins (0.7 inch each side), in points. */
const PRINTABLE_POINTS = {
  landscape: (297 - 2 * 17.78) * (72 / 25.4),
  portrait: (210 - 2 * 17.78) * (72 / 25.4),
};

/** Below this, 11 pt text prints smaller than about 9 pt. */
export const MIN_READABLE_SCALE = 0.8;

/** A column `width` characters wide, in points: 7 px a character plus 5 px padding, at 96 dpi. */
export function columnPoints(width: number): number {
  return (width * 7 + 5) * 0.75;
}

export interface PrintLayout {
  landscape: boolean;
  fitToWidth: boolean;
  /** Percent, for a sheet that does not fit to width. */
  scale: number;
  /** Columns repeated on each page ("A:B"), "" when the sheet fits one page wide. */
  titleColumns: string;
}

/** The scale at which columns this wide fill exactly one page width (1 or more: they fit as they are). */
export function scaleToFit(widths: readonly number[], landscape: boolean): number {
  const total = widths.reduce((sum, width) => sum + columnPoints(width), 0);
  const page = landscape ? PRINTABLE_POINTS.landscape : PRINTABLE_POINTS.portrait;
  return total === 0 ? 1 : page / total;
}

/**
 * Print settings for a sheet of columns `widths` wide whose first
 * `keyColumns` columns (IDs and names) say what each row is.
 */
export function printLayout(
  widths: readonly number[],
  keyColumns: number,
  landscape = true,
): PrintLayout {
  const fitToWidth = scaleToFit(widths, landscape) >= MIN_READABLE_SCALE;
  const titleColumns = !fitToWidth && keyColumns > 0 ? `A:${columnLetter(keyColumns)}` : "";
  const scale = fitToWidth ? 100 : Math.round(MIN_READABLE_SCALE * 100);
  return { landscape, fitToWidth, scale, titleColumns };
}

/**
 * How many of the first columns print on the first page at `scale` percent
 * (at least one).
 */
export function firstPageColumns(widths: readonly number[], scale = 100, landscape = true): number {
  const page = ((landscape ? PRINTABLE_POINTS.landscape : PRINTABLE_POINTS.portrait) * 100) / scale;
  let used = 0;
  let count = 0;
  for (const width of widths) {
    used += columnPoints(width);
    if (used > page) break;
    count += 1;
  }
  return Math.max(count, 1);
}

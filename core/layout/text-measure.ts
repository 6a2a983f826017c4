/**
 * How much room text takes in a cell, estimated without a font renderer:
 * exceljs cannot autofit rows, so the blueprint sizes rows and widens columns
 * from these estimates. Widths are in characters, the unit of .xlsx column
 * widths (the width of the digit 0 in the default font, Calibri 11).
 *
 * The estimates lean generous: a row a little too tall reads fine, a row too
 * short hides its last line.
 */

/**
 * Calibri's advance widths relative to its digits (all one width), rounded
 * and grouped; a character not listed counts as a wide lowercase letter
 * (n, o, u are 1.04 digits).
 */
const WIDTH_GROUPS: [string, number][] = [
  [" il|'", 0.45],
  ["j.,I", 0.5],
  [":;!", 0.54],
  ["f()-", 0.6],
  ["tJ", 0.65],
  ["r", 0.69],
  ['/sz"', 0.78],
  ["cLx", 0.84],
  ["kvyFSZ", 0.9],
  ["aegETY", 0.96],
  ["0123456789£", 1],
  ["BCKPRX", 1.05],
  ["AV", 1.13],
  ["DGH", 1.23],
  ["NOQU", 1.3],
  ["w%&", 1.4],
  ["m", 1.58],
  ["MW@", 1.72],
];

const WIDTHS = new Map(
  WIDTH_GROUPS.flatMap(([chars, width]) => [...chars].map((c) => [c, width] as const)),
);

function characterWidth(char: string): number {
  return WIDTHS.get(char) ?? 1.04;
}

/** The font a cell's text is drawn in, as far as width and height go. */
export interface TextFont {
  /** Points; 11 is the workbook's default. */
  size: number;
  bold: boolean;
}

export const DEFAULT_FONT: TextFont = { size: 11, bold: false };

/** Headroom for fonts wider than Calibri and for rounding in the renderer. */
const SAFETY = 1.05;
const BOLD = 1.04;
/** Excel keeps a little padding inside each cell's edges. */
const CELL_PADDING = 0.6;

/** Estimated width of `text` in characters of the default font. */
export function textWidth(text: string, font: TextFont = DEFAULT_FONT): number {
  let width = 0;
  for (const char of text) width += characterWidth(char);
  return width * (font.size / 11) * (font.bold ? BOLD : 1) * SAFETY;
}

/** The widest word of `text` (words break only at spaces), in characters. */
export function longestWordWidth(text: string, font: TextFont = DEFAULT_FONT): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => textWidth(word, font)));
}

/**
 * How many lines `text` takes when wrapped in a cell `width` characters wide:
 * words move to the next line whole, a word longer than the line is split,
 * and line breaks in the text start new lines.
 */
export function wrappedLines(text: string, width: number, font: TextFont = DEFAULT_FONT): number {
  const room = Math.max(width - CELL_PADDING, 1);
  const space = textWidth(" ", font);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(" ").filter((w) => w !== "")) {
      const needed = textWidth(word, font);
      if (used > 0 && used + space + needed <= room) {
        used += space + needed;
        continue;
      }
      if (used > 0) lines += 1;
      // A word wider than the cell breaks across lines of its own.
      const extra = Math.ceil(needed / room) - 1;
      lines += Math.max(extra, 0);
      used = needed - extra * room;
    }
  }
  return lines;
}

/** Excel's row height for one line of text at a font size, in points (15 at 11 pt). */
export function lineHeight(size: number): number {
  return Math.ceil(size * 1.3 + 0.7);
}

/** The height of a row showing `lines` lines at a font size, in points. */
export function linesHeight(lines: number, size: number): number {
  return lines * lineHeight(size);
}

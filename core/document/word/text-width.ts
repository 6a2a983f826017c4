/**
 * How wide text is in Arial (and Liberation Sans, which LibreOffice sets in
 * its place with the same widths), so the page estimate wraps lines where a
 * word processor would. Widths are the fonts' advance widths in thousandths
 * of an em for printable ASCII; anything else counts as a digit's width.
 */

const FIRST = 32;

// prettier-ignore
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

// prettier-ignore
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

const OTHER: Record<string, number> = {
  "’": 222,
  "‘": 222,
  "“": 333,
  "”": 333,
  "–": 556,
  "—": 1000,
};

function charWidth(char: string, bold: boolean): number {
  const code = char.charCodeAt(0) - FIRST;
  const table = bold ? BOLD : REGULAR;
  return table[code] ?? OTHER[char] ?? 556;
}

/** Width of `text` in points at `size` points. */
export function textWidth(text: string, size: number, bold = false): number {
  let total = 0;
  for (const char of text) total += charWidth(char, bold);
  return (total * size) / 1000;
}

/** Lines `text` takes in a column `width` points wide, wrapped at spaces as a word processor wraps. */
export function lineCount(text: string, width: number, size: number, bold = false): number {
  if (text === "") return 1;
  const space = textWidth(" ", size, bold);
  let lines = 0;
  for (const hardLine of text.split("\n")) {
    lines++;
    let x = 0;
    for (const word of hardLine.split(" ")) {
      const w = textWidth(word, size, bold);
      if (x > 0 && x + space + w > width) {
        lines++;
        // A word wider than the column breaks across lines.
        lines += Math.floor(w / width);
        x = w % width;
      } else {
        x += (x > 0 ? space : 0) + w;
      }
    }
  }
  return lines;
}

/**
 * Excel reads text written through `range.values` as if typed: "1.1" becomes
 * a number, "2026-04-01" a date, "TRUE" a boolean. The blueprint's strings are
 * text, and the exceljs backend stores them as text, so text Excel might
 * convert is written with a leading apostrophe, which Excel keeps as text and
 * does not show.
 */
const MIGHT_CONVERT = [
  /^\s*[-+@=]/,
  /^\s*[\d.(£$€]/,
  /^\s*(true|false)\s*$/i,
  /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]+\d/i,
  /^\s*#/,
  /^'/,
];

export function asTextCell(text: string): string {
  if (text === "") return text;
  return MIGHT_CONVERT.some((pattern) => pattern.test(text)) ? `'${text}` : text;
}

/**
 * Workbook text is data, never template and never markup. On the way into the
 * view model every string is escaped for the clause markup and wrapped in
 * invisible data marks, so that:
 *   - `{{constructor}}`, `**`, `[[clause:x]]`, `|` or `#` typed in a cell print as typed;
 *   - the defined-term check can tell the template's words from the workbook's
 *     (a partner called "Northshire County Council" is not an undefined term).
 * Handlebars runs with `noEscape`, so nothing is escaped twice; XML escaping
 * happens once, in the docx library.
 */

/** Start and end of workbook text inside rendered markup. */
export const DATA_START = "\u0002";
export const DATA_END = "\u0003";
/** Delimits a missing-value marker: MARK label SEP location MARK. */
export const MISSING_MARK = "\u0001";
export const MISSING_SEP = "\u001f";

/** Characters the inline markup gives a meaning to. */
const INLINE_SPECIAL = /[\\*[\]{}|_]/g;
// Control characters other than tab and newline have no place in a Word document.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Escapes text for the inline markup; a newline becomes a line break (`\n`). */
export function escapeInline(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, "")
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
}

/** Workbook text as markup: escaped and marked as data. Blank stays blank (falsy for `{{#if}}`). */
export function dataText(text: string): string {
  return text === "" ? "" : `${DATA_START}${escapeInline(text)}${DATA_END}`;
}

/**
 * A value the template needs and the workbook does not have. It prints as a
 * marker the markup parser turns into a highlighted `[MISSING: label]` with a
 * drafting note giving the workbook location, and it is falsy for `{{#if}}`.
 */
export class Missing {
  constructor(
    readonly label: string,
    /** "Partnership!B9", or "" when there is no single cell to point at. */
    readonly location: string,
  ) {}

  toString(): string {
    const clean = (s: string) => s.replace(CONTROL, "");
    return `${MISSING_MARK}${clean(this.label)}${MISSING_SEP}${clean(this.location)}${MISSING_MARK}`;
  }
}

export function isMissing(value: unknown): value is Missing {
  return value instanceof Missing;
}

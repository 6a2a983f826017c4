/**
 * Long formulas held once, not once per cell. A table's calculated columns
 * repeat formulas of up to a thousand characters in every row: exceljs kept
 * a copy in every cell, escaped and joined each one, and they were nine
 * tenths of a big sheet's XML. Cells carry a short token instead; the rows
 * writer (sheet-rows.ts) writes each formula's escaped text where its token
 * is, and for a sheet exceljs writes itself `fill` puts the text back where
 * exceljs wrote the token. The file is byte-for-byte the one exceljs writes
 * with the formulas in the cells.
 */

/** What exceljs writes for a formula cell without a cached result: `<f>text</f>`. */
const OPEN = "<f>";
const CLOSE = "</f>";
/** Starts every token: nothing exceljs escapes, and no formula Excel accepts starts with it. */
const MARK = "~";

/** Escapes as exceljs's xmlEncode does (it drops the control characters XML cannot carry). */
// eslint-disable-next-line no-control-regex
const EXCELJS_ESCAPED = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITIES: Record<string, string> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  "'": "&apos;",
  '"': "&quot;",
};

export function exceljsEscape(text: string): string {
  return text.replace(EXCELJS_ESCAPED, (c) => ENTITIES[c] ?? "");
}

export class FormulaTexts {
  private readonly tokens = new Map<string, string>();
  private readonly texts: string[] = [];
  private readonly escapedTexts: string[] = [];

  /** The token a cell carries for `formula` (without its leading "="). */
  token(formula: string): string {
    // exceljs takes an empty formula for no formula at all (it writes the cell as text): keep that.
    if (formula === "") return formula;
    let token = this.tokens.get(formula);
    if (token === undefined) {
      token = `${MARK}${this.texts.length.toString(36)}`;
      this.tokens.set(formula, token);
      this.texts.push(formula);
    }
    return token;
  }

  /** The formula a token stands for, escaped as exceljs writes it between <f> and </f>. */
  escaped(token: string, part: string): string {
    const index = token.startsWith(MARK) ? parseInt(token.slice(MARK.length), 36) : NaN;
    const text = this.texts[index];
    if (text === undefined || this.tokens.get(text) !== token)
      throw new Error(
        `${part}: a formula cell holds ${JSON.stringify(token)}, not a formula token`,
      );
    let escaped = this.escapedTexts[index];
    if (escaped === undefined) {
      escaped = exceljsEscape(text);
      this.escapedTexts[index] = escaped;
    }
    return escaped;
  }

  /** Whether a part exceljs wrote holds formula cells to fill in. */
  holdsTokens(xml: string): boolean {
    return this.texts.length > 0 && xml.includes(OPEN);
  }

  /** The part exceljs wrote with every formula in place of its token, in pieces. */
  *fill(xml: string, part: string): Generator<string> {
    let from = 0;
    for (;;) {
      const open = xml.indexOf(OPEN, from);
      if (open < 0) break;
      const start = open + OPEN.length;
      const close = xml.indexOf(CLOSE, start);
      if (close < 0) throw new Error(`${part}: a formula element is not closed`);
      yield xml.slice(from, start);
      yield this.escaped(xml.slice(start, close), part);
      from = close;
    }
    yield xml.slice(from);
  }
}

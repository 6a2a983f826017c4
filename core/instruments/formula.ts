/**
 * Register formulas are written with same-row references (`[@Likelihood]`,
 * `[@[Credit or debit]]`), the short form Excel users type. This module finds
 * those references and checks a formula is one every partner's spreadsheet
 * can compute. (core/layout/structured.ts expands them to the long form.)
 */

/** `[@[First]:[Last]]`, `[@[Name with spaces]]` or `[@Name]`. */
const ROW_REFERENCE = /\[@\[([^[\]]+)\]:\[([^[\]]+)\]\]|\[@\[([^[\]]+)\]\]|\[@([^[\]]+)\]/g;

/**
 * Functions Excel 2016 or LibreOffice 7 cannot compute (dynamic arrays and
 * later additions); many partner organisations run older Office.
 */
export const UNSUPPORTED_FUNCTIONS = [
  "XLOOKUP",
  "XMATCH",
  "FILTER",
  "LET",
  "LAMBDA",
  "UNIQUE",
  "SORT",
  "SORTBY",
  "SEQUENCE",
  "RANDARRAY",
  "TEXTJOIN",
  "CONCAT",
  "IFS",
  "SWITCH",
  "MAXIFS",
  "MINIFS",
  "TEXTSPLIT",
  "TEXTBEFORE",
  "TEXTAFTER",
  "VSTACK",
  "HSTACK",
  "TOCOL",
  "TOROW",
  "WRAPCOLS",
  "WRAPROWS",
  "TAKE",
  "DROP",
  "CHOOSECOLS",
  "CHOOSEROWS",
  "EXPAND",
] as const;

/** The formula with any leading "=" removed and spaces trimmed. */
export function normaliseFormula(formula: string): string {
  return formula.trim().replace(/^=\s*/, "");
}

/** Replaces text inside "double quotes" with spaces so it is not read as references or names. */
function blankStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, (s) => " ".repeat(s.length));
}

/** Column headers the formula refers to with `[@…]`, in order of appearance. */
export function rowReferences(formula: string): string[] {
  const names: string[] = [];
  for (const match of blankStrings(formula).matchAll(ROW_REFERENCE)) {
    for (const name of match.slice(1)) if (name !== undefined) names.push(name.trim());
  }
  return names;
}

/** What is wrong with a formula's shape, in words; empty when nothing is. */
export function formulaShapeProblems(formula: string): string[] {
  const problems: string[] = [];
  const code = blankStrings(formula);
  if ((formula.match(/"/g) ?? []).length % 2 !== 0) {
    problems.push('has a double quote (") that is not closed');
  }
  let depth = 0;
  for (const ch of code) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (depth < 0) break;
  }
  if (depth !== 0) problems.push("has brackets ( ) that do not pair up");
  // Anything in square brackets other than a same-row reference.
  if (/[[\]]/.test(code.replace(ROW_REFERENCE, ""))) {
    problems.push(
      "may only refer to other columns of the same row, written [@Column] or [@[Column name]]",
    );
  }
  for (const name of UNSUPPORTED_FUNCTIONS) {
    if (new RegExp(`(^|[^A-Za-z0-9_.])${name}\\s*\\(`, "i").test(code)) {
      problems.push(`uses ${name}, which Excel 2016 and LibreOffice 7 cannot compute`);
    }
  }
  return problems;
}

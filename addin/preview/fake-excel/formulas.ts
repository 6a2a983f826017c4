/**
 * What Excel does to what is typed into a cell, and to formulas when tables
 * and sheets change. The fake computes no formula results: a formula cell's
 * value reads back as null (like a file saved without cached results), which
 * the reader in core accepts. Checking references, though, is cheap and
 * catches the ordering mistake of writing a structured reference before its
 * table exists, which Excel refuses.
 */
import { escapeRegExp } from "../../../core/text/regexp.js";
import { quoteSheet } from "../../../core/layout/address.js";
import { isoToSerial } from "../../../core/model/dates.js";
import { invalidArgument } from "./errors.js";
import type { FakeCell, FakeWorkbookState } from "./state.js";

/**
 * Excel's reading of typed text: numbers, percentages and ISO dates become
 * numbers unless the cell is formatted as text ("@"); a leading apostrophe
 * forces text and is not stored.
 */
export function coerceTyped(text: string, numberFormat: string | null): string | number | boolean {
  if (numberFormat === "@") return text;
  if (text.startsWith("'")) return text.slice(1);
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === "true";
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(trimmed)) return Number(trimmed.slice(0, -1)) / 100;
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const serial = isoToSerial(trimmed);
    if (Number.isFinite(serial)) return serial;
  }
  return text;
}

/** Removes "…" literals so names inside strings are not taken for references. */
function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

const TABLE_REF = /(^|[^A-Za-z0-9_.\\'!\]])([A-Za-z_\\][A-Za-z0-9_.]*)\[/g;
const SHEET_REF = /(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!/g;

export function referencedTables(formula: string): string[] {
  return [...withoutStrings(formula).matchAll(TABLE_REF)].map((m) => m[2] ?? "");
}

export function referencedSheets(formula: string): string[] {
  return [...withoutStrings(formula).matchAll(SHEET_REF)].map((m) =>
    m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? ""),
  );
}

/** Throws as Excel does when a formula names a table or sheet that is not there. */
export function checkFormula(state: FakeWorkbookState, formula: string, where: string): void {
  if (!formula.startsWith("=") || formula.length < 2)
    throw invalidArgument(`Not a formula: ${formula}`, where);
  for (const table of referencedTables(formula)) {
    if (!state.findTable(table)) {
      throw invalidArgument(
        `The formula ${formula.slice(0, 80)} refers to the table ${table}, which does not exist.`,
        where,
      );
    }
  }
  for (const sheet of referencedSheets(formula)) {
    if (!state.findSheet(sheet)) {
      throw invalidArgument(
        `The formula ${formula.slice(0, 80)} refers to the sheet ${sheet}, which does not exist.`,
        where,
      );
    }
  }
  let depth = 0;
  for (const char of withoutStrings(formula)) {
    if (char === "(") depth += 1;
    if (char === ")") depth -= 1;
    if (depth < 0) break;
  }
  if (depth !== 0) throw invalidArgument(`Unbalanced brackets in ${formula.slice(0, 80)}`, where);
}

function eachFormulaCell(state: FakeWorkbookState, visit: (cell: FakeCell) => void): void {
  for (const sheet of state.sheets) {
    for (const cell of sheet.cells.values()) if (cell.formula !== null) visit(cell);
  }
}

/** Excel follows a renamed table in every formula that refers to it. */
export function renameTableInFormulas(state: FakeWorkbookState, from: string, to: string): void {
  const pattern = new RegExp(`(^|[^A-Za-z0-9_.\\\\'!\\]])${escapeRegExp(from)}\\[`, "gi");
  eachFormulaCell(state, (cell) => {
    cell.formula = (cell.formula ?? "").replace(pattern, (_m, before: string) => `${before}${to}[`);
  });
}

/** Formulas that pointed at a deleted table or sheet become #REF!, as in Excel. */
export function breakReferences(
  state: FakeWorkbookState,
  test: (formula: string) => boolean,
): void {
  eachFormulaCell(state, (cell) => {
    if (test(cell.formula ?? "")) cell.formula = "=#REF!";
  });
}

/** Excel follows a renamed sheet in every formula that refers to it. */
export function renameSheetInFormulas(state: FakeWorkbookState, from: string, to: string): void {
  const pattern = new RegExp(
    `(?:'${escapeRegExp(from.replace(/'/g, "''"))}'|\\b${escapeRegExp(from)})!`,
    "gi",
  );
  eachFormulaCell(state, (cell) => {
    cell.formula = (cell.formula ?? "").replace(pattern, `${quoteSheet(to)}!`);
  });
}

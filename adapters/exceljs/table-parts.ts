import { escapeXml } from "../../core/text/xml-escape.js";
import type { WrittenPart } from "./written-parts.js";

/** The zip entries' modification time (the earliest a zip can record). */
export const FIXED_ENTRY_DATE = new Date(Date.UTC(1980, 0, 1));

/** Formula columns per table: the calculated formula (with its leading "=") of each. */
export type CalculatedColumns = Map<string, { name: string; formula: string }[]>;

/**
 * Finishing touches to the table parts of an .xlsx written by exceljs, shared
 * by the command line's writer and the preview's download.
 *
 * exceljs writes a formula into each cell of a table column but never the
 * column's <calculatedColumnFormula>, without which Excel does not fill the
 * formula into rows an officer adds. This adds it to the saved file.
 */

/** exceljs marks every table as showing a totals row it does not have; Excel expects neither. */
export function withoutTotalsRow(tableXml: string): string {
  return tableXml
    .replace(/ totalsRowShown="1"/, ' totalsRowShown="0"')
    .replace(/ totalsRowLabel="[^"]*"/g, "")
    .replace(/ totalsRowFunction="none"/g, "");
}

export function addCalculatedFormulas(tableXml: string, calculated: CalculatedColumns): string {
  const name = /<table\b[^>]*\sname="([^"]*)"/.exec(tableXml)?.[1];
  if (!name) return tableXml;
  const columns = [...calculated.entries()].find(([table]) => escapeXml(table) === name)?.[1];
  if (!columns) return tableXml;
  const byName = new Map(columns.map((c) => [escapeXml(c.name), c.formula.replace(/^=/, "")]));
  return tableXml.replace(
    /<tableColumn\b([^>]*?)\sname="([^"]*)"([^>]*?)(\/>|>([\s\S]*?)<\/tableColumn>)/g,
    (
      whole,
      before: string,
      columnName: string,
      after: string,
      _end: string,
      inner: string | undefined,
    ) => {
      const formula = byName.get(columnName);
      if (formula === undefined) return whole;
      const element = `<calculatedColumnFormula>${escapeXml(formula)}</calculatedColumnFormula>`;
      return `<tableColumn${before} name="${columnName}"${after}>${element}${inner ?? ""}</tableColumn>`;
    },
  );
}

const TABLE_PART = /^xl\/tables\/table\d+\.xml$/;

/** Finishes the table parts exceljs wrote, in place (the other parts are left as they are). */
export function finishTables(parts: WrittenPart[], calculated: CalculatedColumns): void {
  for (const part of parts)
    if (TABLE_PART.test(part.path) && typeof part.content === "string")
      part.content = addCalculatedFormulas(withoutTotalsRow(part.content), calculated);
}

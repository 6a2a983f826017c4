import JSZip from "jszip";
import { escapeXml } from "../../core/text/xml-escape.js";

/** Formula columns per table: the calculated formula (with its leading "=") of each. */
/** The zip entries' modification time (the earliest a zip can record). */
export const FIXED_ENTRY_DATE = new Date(Date.UTC(1980, 0, 1));

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

export async function finishTables(
  bytes: Uint8Array,
  calculated: CalculatedColumns,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  // Every entry gets one fixed time, so the same workbook is the same bytes whenever it is written.
  zip.forEach((_path, file) => {
    file.date = FIXED_ENTRY_DATE;
  });
  const tables = Object.keys(zip.files).filter((path) => /^xl\/tables\/table\d+\.xml$/.test(path));
  for (const path of tables) {
    const xml = await zip.file(path)?.async("string");
    if (xml !== undefined)
      zip.file(path, addCalculatedFormulas(withoutTotalsRow(xml), calculated), {
        date: FIXED_ENTRY_DATE,
      });
  }
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

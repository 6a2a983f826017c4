/**
 * Small .xlsx files written part by part, so a test can say exactly what
 * each cell, table and relationship holds, including what Excel would
 * never write. Cells are given as SpreadsheetML (`<c …>`), with helpers for
 * the usual kinds.
 */
import { escapeXml } from "../../../core/text/xml-escape.js";
import { buildZip, type ZipInput } from "./zip-writer.js";

export interface TableSpec {
  name: string;
  ref: string;
  /** Column names; `{ name, formula }` gives the column a calculated column formula. */
  columns: (string | { name: string; formula: string })[];
  headerRowCount?: number;
  totalsRowCount?: number;
}

export interface SheetSpec {
  name: string;
  /** Row number → the row's cells (`<c>` elements). */
  rows: Record<number, string>;
  tables?: TableSpec[];
  /** Merged ranges ("B6:C6"). */
  merged?: string[];
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[];
  date1904?: boolean;
}

/** Cell styles every built workbook has: 0 General, 1 built-in date, 2 custom dd/mm/yyyy, 3 percent. */
export const STYLE = { general: 0, date: 1, customDate: 2, percent: 3 } as const;

export const cell = {
  inline: (ref: string, text: string) =>
    `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`,
  shared: (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`,
  number: (ref: string, value: number | string, style: number = STYLE.general) =>
    `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${value}</v></c>`,
  boolean: (ref: string, value: boolean) => `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`,
  error: (ref: string, value: string) => `<c r="${ref}" t="e"><v>${value}</v></c>`,
  formula: (ref: string, formula: string, cached: string, type?: string, style = 0) =>
    `<c r="${ref}"${style ? ` s="${style}"` : ""}${type ? ` t="${type}"` : ""}><f>${escapeXml(formula)}</f><v>${escapeXml(cached)}</v></c>`,
};

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function relationships(items: { id: string; type: string; target: string }[]): string {
  return `${DECLARATION}<Relationships ${RELS}>${items
    .map((r) => `<Relationship Id="${r.id}" Type="${TYPE}${r.type}" Target="${r.target}"/>`)
    .join("")}</Relationships>`;
}

export function tableXml(table: TableSpec, id: number): string {
  const columns = table.columns
    .map((c, i) =>
      typeof c === "string"
        ? `<tableColumn id="${i + 1}" name="${escapeXml(c)}"/>`
        : `<tableColumn id="${i + 1}" name="${escapeXml(c.name)}"><calculatedColumnFormula>${escapeXml(c.formula)}</calculatedColumnFormula></tableColumn>`,
    )
    .join("");
  const header =
    table.headerRowCount === undefined ? "" : ` headerRowCount="${table.headerRowCount}"`;
  const totals =
    table.totalsRowCount === undefined ? "" : ` totalsRowCount="${table.totalsRowCount}"`;
  return `${DECLARATION}<table ${NS} id="${id}" name="${escapeXml(table.name)}" displayName="${escapeXml(table.name)}" ref="${escapeXml(table.ref)}"${header}${totals}><autoFilter ref="${escapeXml(table.ref)}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>`;
}

function sheetXml(sheet: SheetSpec, tableIds: number[]): string {
  const rows = Object.entries(sheet.rows)
    .map(([r, cells]) => [Number(r), cells] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([r, cells]) => `<row r="${r}">${cells}</row>`)
    .join("");
  const merged = sheet.merged?.length
    ? `<mergeCells count="${sheet.merged.length}">${sheet.merged.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  const tables = tableIds.length
    ? `<tableParts count="${tableIds.length}">${tableIds.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`
    : "";
  return `${DECLARATION}<worksheet ${NS} ${REL_NS}><sheetData>${rows}</sheetData>${merged}${tables}</worksheet>`;
}

const STYLES = `${DECLARATION}<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** Every part of the workbook, by path, as text: change any of them before zipping. */
export function workbookParts(spec: WorkbookSpec): Map<string, string> {
  const parts = new Map<string, string>();
  let tableId = 0;
  const overrides: string[] = [];
  spec.sheets.forEach((sheet, s) => {
    const ids = (sheet.tables ?? []).map(() => ++tableId);
    parts.set(`xl/worksheets/sheet${s + 1}.xml`, sheetXml(sheet, ids));
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${s + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    if (ids.length) {
      parts.set(
        `xl/worksheets/_rels/sheet${s + 1}.xml.rels`,
        relationships(
          ids.map((id, i) => ({
            id: `rId${i + 1}`,
            type: "table",
            target: `../tables/table${id}.xml`,
          })),
        ),
      );
    }
    (sheet.tables ?? []).forEach((table, i) => {
      const id = ids[i] ?? 0;
      parts.set(`xl/tables/table${id}.xml`, tableXml(table, id));
      overrides.push(
        `<Override PartName="/xl/tables/table${id}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
      );
    });
  });
  const strings = spec.sharedStrings ?? [];
  parts.set(
    "xl/sharedStrings.xml",
    `${DECLARATION}<sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings
      .map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
      .join("")}</sst>`,
  );
  parts.set("xl/styles.xml", STYLES);
  parts.set(
    "xl/workbook.xml",
    `${DECLARATION}<workbook ${NS} ${REL_NS}><workbookPr${spec.date1904 ? ' date1904="1"' : ""}/><sheets>${spec.sheets
      .map(
        (sheet, s) =>
          `<sheet name="${escapeXml(sheet.name)}" sheetId="${s + 1}" r:id="rId${s + 1}"/>`,
      )
      .join("")}</sheets></workbook>`,
  );
  const n = spec.sheets.length;
  parts.set(
    "xl/_rels/workbook.xml.rels",
    relationships([
      ...spec.sheets.map((_, s) => ({
        id: `rId${s + 1}`,
        type: "worksheet",
        target: `worksheets/sheet${s + 1}.xml`,
      })),
      { id: `rId${n + 1}`, type: "styles", target: "styles.xml" },
      { id: `rId${n + 2}`, type: "sharedStrings", target: "sharedStrings.xml" },
    ]),
  );
  parts.set(
    "_rels/.rels",
    relationships([{ id: "rId1", type: "officeDocument", target: "xl/workbook.xml" }]),
  );
  parts.set(
    "[Content_Types].xml",
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${overrides.join("")}</Types>`,
  );
  return parts;
}

/** Zips parts; `replace` swaps in hand-made entries (bombs, lies) by name. */
export function zipParts(parts: Map<string, string>, replace: ZipInput[] = []): Uint8Array {
  const inputs: ZipInput[] = [...parts].map(([name, data]) => ({ name, data }));
  for (const entry of replace) {
    const at = inputs.findIndex((i) => i.name === entry.name);
    if (at >= 0) inputs[at] = entry;
    else inputs.push(entry);
  }
  return buildZip(inputs);
}

export function workbookFile(spec: WorkbookSpec): Uint8Array {
  return zipParts(workbookParts(spec));
}

/** A sheet holding a two-column table "Values" (Value, Meaning) with `rows` rows of text from row 5. */
export function valuesSheet(rows: number, ref = `A4:B${4 + Math.max(rows, 1)}`): SheetSpec {
  const cells: Record<number, string> = {
    4: cell.inline("A4", "Value") + cell.inline("B4", "Meaning"),
  };
  for (let i = 0; i < rows; i++) {
    const r = 5 + i;
    cells[r] = cell.inline(`A${r}`, `Value ${i + 1}`) + cell.inline(`B${r}`, `Meaning ${i + 1}`);
  }
  return {
    name: "Values",
    rows: cells,
    tables: [{ name: "Values", ref, columns: ["Value", "Meaning"] }],
  };
}

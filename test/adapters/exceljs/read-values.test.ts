import { OUTPUT_ONLY_TABLES } from "../../../core/read/output-tables.js";
import { describe, expect, it } from "vitest";
import { examplePartnership } from "../../../core/example/partnership.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import type { CellValue, WorkbookCells } from "../../../core/read/cells.js";
import { isBlank } from "../../../core/read/table-reader.js";
import { readWorkbookCells } from "../../../adapters/exceljs/read-workbook.js";
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import { exampleInstruments } from "../../support/example.js";
import {
  cell,
  STYLE,
  valuesSheet,
  workbookFile,
  workbookParts,
  zipParts,
} from "../../support/hostile/workbook-parts.js";
import { libreOfficeResults } from "../../support/converted.js";
import { everyKindOfValue } from "../../support/every-kind-of-value.js";
import { findSoffice, SOFFICE_MISSING } from "../../support/soffice.js";
import { exceljsWorkbookCells } from "./exceljs-oracle.js";

const soffice = findSoffice();
if (!soffice) console.warn(SOFFICE_MISSING);

/**
 * Known differences, both blanks or exceljs bugs: exceljs loses a formula's
 * cached result of 0 or FALSE (giving null), and gives an empty string where
 * the scanner, like Office.js, gives a blank cell (null).
 */
function withKnownDifferences(expected: CellValue[][], actual: CellValue[][]): CellValue[][] {
  return expected.map((row, r) =>
    row.map((value, c) => {
      const ours = actual[r]?.[c];
      if (value === null && (ours === 0 || ours === false)) return ours;
      return value === "" && ours === null ? null : value;
    }),
  );
}

/**
 * The scanner must give what exceljs gave, value for value. exceljs also
 * returned a table's blank rows under its last row in use; the scanner stops
 * there, and the new fields (below, merged, formulaMissing) are its own.
 */
async function expectSameAsExcelJs(bytes: Uint8Array): Promise<WorkbookCells> {
  const ours = await readWorkbookCells(bytes);
  const whole = await exceljsWorkbookCells(bytes);
  // The scanner skips the tables written for people and never read back (core/read/output-tables.ts).
  const reference = {
    ...whole,
    tables: whole.tables.filter((t) => !OUTPUT_ONLY_TABLES.has(t.name)),
  };
  expect(ours.sheetNames).toEqual(reference.sheetNames);
  expect(ours.tables.map((t) => t.name).sort()).toEqual(reference.tables.map((t) => t.name).sort());
  for (const expected of reference.tables) {
    const actual = ours.tables.find((t) => t.name === expected.name);
    if (!actual) throw new Error(`table ${expected.name} not read`);
    const { below: _below, merged: _merged, formulaMissing: _missing, ...plain } = actual;
    const trailing = expected.rows.slice(actual.rows.length);
    expect(
      trailing.every((row) => row.every((v) => isBlank(v))),
      expected.name,
    ).toBe(true);
    const rows = withKnownDifferences(expected.rows.slice(0, actual.rows.length), actual.rows);
    expect(plain, expected.name).toEqual({ ...expected, rows });
  }
  return ours;
}

describe("reading cells gives what exceljs gave", () => {
  it("for the example workbook", async () => {
    const instruments = await exampleInstruments();
    const bytes = await workbookBytes(
      buildOperations(examplePartnership(instruments), instruments),
    );
    const cells = await expectSameAsExcelJs(bytes);
    expect(cells.tables.map((t) => t.name)).toContain("Indicators");
    expect((await exceljsWorkbookCells(bytes)).tables.map((t) => t.name)).toContain("RagHistory");
    expect(cells.tables.map((t) => t.name)).not.toContain("RagHistory");
  }, 60_000);

  it("for every kind of value exceljs writes", async () => {
    const cells = await expectSameAsExcelJs(await everyKindOfValue());
    expect(cells.tables[0]?.rows[0]?.slice(0, 4)).toEqual([
      "plain",
      1.5,
      true,
      new Date(Date.UTC(2026, 2, 31)),
    ]);
    expect(cells.tables[0]?.rows[1]?.[0]).toBe("rich text");
  });

  it.skipIf(!soffice)(
    "for the example and every kind of value, saved again by LibreOffice",
    async () => {
      // The global set-up had LibreOffice open both files and save them again, in one start.
      const converted = await libreOfficeResults();
      for (const file of [converted.exampleXlsx, converted.kindsXlsx])
        await expectSameAsExcelJs(converted.resaved(file));
    },
    240_000,
  );
});

describe("reading what other programs write", () => {
  it("joins rich text runs and leaves out phonetic guides, in shared and inline strings", async () => {
    const sheet = valuesSheet(0);
    sheet.rows[5] =
      '<c r="A5" t="s"><v>0</v></c><c r="B5" t="inlineStr"><is><r><rPr><b/></rPr><t>in</t></r><r><t xml:space="preserve">line </t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c>';
    const parts = workbookParts({ sheets: [sheet] });
    parts.set(
      "xl/sharedStrings.xml",
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>Ka</t></r><r><t>nji</t></r><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si></sst>',
    );
    const cells = await readWorkbookCells(zipParts(parts));
    expect(cells.tables[0]?.rows).toEqual([["Kanji", "inline "]]);
  });

  it("decodes SpreadsheetML's _xHHHH_ escapes and keeps an escaped escape literal", async () => {
    const sheet = valuesSheet(0);
    sheet.rows[5] =
      '<c r="A5" t="inlineStr"><is><t>line_x000D_break</t></is></c><c r="B5" t="inlineStr"><is><t>_x005F_x0041_</t></is></c>';
    const cells = await readWorkbookCells(workbookFile({ sheets: [sheet] }));
    expect(cells.tables[0]?.rows).toEqual([["line\rbreak", "_x0041_"]]);
  });

  it('reads dates in the 1904 date system, and ISO dates typed as t="d"', async () => {
    const sheet = valuesSheet(0);
    sheet.rows[5] =
      cell.number("A5", 0, STYLE.date) + '<c r="B5" t="d"><v>2026-03-31T00:00:00Z</v></c>';
    const cells = await readWorkbookCells(workbookFile({ sheets: [sheet], date1904: true }));
    expect(cells.tables[0]?.rows).toEqual([
      [new Date(Date.UTC(1904, 0, 1)), new Date(Date.UTC(2026, 2, 31))],
    ]);
  });

  it("reads parts written with namespace prefixes, absolute and odd-cased targets, and cells without addresses", async () => {
    const sheet = valuesSheet(0);
    sheet.rows[5] =
      '<c t="inlineStr"><is><t>first</t></is></c><c t="inlineStr"><is><t>second</t></is></c>';
    const parts = workbookParts({ sheets: [sheet] });
    const prefixed = (xml: string) =>
      xml
        .replace(/<(\/?)(?!\?)(\w+)([\s>/])/g, "<$1x:$2$3")
        .replace(
          'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
          'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        );
    parts.set("xl/worksheets/sheet1.xml", prefixed(parts.get("xl/worksheets/sheet1.xml") ?? ""));
    parts.set("xl/workbook.xml", prefixed(parts.get("xl/workbook.xml") ?? ""));
    parts.set(
      "xl/worksheets/_rels/sheet1.xml.rels",
      (parts.get("xl/worksheets/_rels/sheet1.xml.rels") ?? "").replace(
        "../tables/table1.xml",
        "/XL/Tables/Table1.xml",
      ),
    );
    const cells = await readWorkbookCells(zipParts(parts));
    expect(cells.sheetNames).toEqual(["Values"]);
    expect(cells.tables[0]?.rows).toEqual([["first", "second"]]);
  });

  it("leaves a totals row out, and takes headers from the table's columns when it has no header row", async () => {
    const sheet = valuesSheet(2);
    sheet.rows[7] =
      cell.inline("A7", "Total") + cell.formula("B7", "SUBTOTAL(103,Values[Meaning])", "2");
    const withTotals = {
      ...sheet,
      tables: [{ name: "Values", ref: "A4:B7", columns: ["Value", "Meaning"], totalsRowCount: 1 }],
    };
    const totals = await readWorkbookCells(workbookFile({ sheets: [withTotals] }));
    expect(totals.tables[0]?.rows).toHaveLength(2);

    const headless = {
      ...sheet,
      tables: [{ name: "Values", ref: "A5:B6", columns: ["Value", "Meaning"], headerRowCount: 0 }],
    };
    const cells = await readWorkbookCells(workbookFile({ sheets: [headless] }));
    expect(cells.tables[0]).toMatchObject({
      headerRow: 4,
      headers: ["Value", "Meaning"],
      rows: [
        ["Value 1", "Meaning 1"],
        ["Value 2", "Meaning 2"],
      ],
    });
  });

  it("takes a blank header cell's name from the table part", async () => {
    const sheet = valuesSheet(1);
    sheet.rows[4] = cell.inline("A4", "Value");
    const cells = await readWorkbookCells(workbookFile({ sheets: [sheet] }));
    expect(cells.tables[0]?.headers).toEqual(["Value", "Meaning"]);
  });
});

describe("what the reader needs for its warnings", () => {
  it("gives the row under the table, the merged ranges touching it, and calculated cells holding constants", async () => {
    const sheet = valuesSheet(3);
    sheet.rows[4] += cell.inline("C4", "Length");
    sheet.rows[5] += cell.formula("C5", "LEN(A5)", "7");
    sheet.rows[6] += cell.number("C6", 99); // typed over the formula
    sheet.rows[7] += cell.formula("C7", "LEN(A7)", "7");
    sheet.rows[8] = cell.inline("A8", "Forgotten partner");
    sheet.merged = ["B6:C6", "E1:F2", "A20:B21"];
    sheet.tables = [
      {
        name: "Values",
        ref: "A4:C7",
        columns: [
          "Value",
          "Meaning",
          { name: "Length", formula: "LEN(Values[[#This Row],[Value]])" },
        ],
      },
    ];
    const table = (await readWorkbookCells(workbookFile({ sheets: [sheet] }))).tables[0];
    expect(table?.below).toEqual(["Forgotten partner", null, null]);
    expect(table?.merged).toEqual(["B6:C6"]);
    expect(table?.formulaMissing).toEqual([
      [false, false, false],
      [false, false, true],
      [false, false, false],
    ]);
  });
});

import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { examplePartnership } from "../../../core/example/partnership.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { emptyPartnership } from "../../../core/model/empty.js";
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import { exampleInstruments } from "../../support/example.js";
import {
  findXmllint,
  schemaDir,
  schemaPath,
  SPREADSHEET_SCHEMA,
  validatePart,
  XMLLINT_MISSING,
} from "../../support/ooxml.js";

const ready = findXmllint() !== null && schemaDir() !== null;
if (!ready) console.warn(XMLLINT_MISSING);

async function spreadsheetParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const path of Object.keys(zip.files)) {
    if (
      /^xl\/(workbook|styles|sharedStrings)\.xml$|^xl\/(worksheets|tables)\/[^/]+\.xml$/.test(path)
    ) {
      parts.set(path, (await zip.file(path)?.async("string")) ?? "");
    }
  }
  return parts;
}

describe.skipIf(!ready)("built workbooks validate against the SpreadsheetML schema", () => {
  it.each([
    ["the example partnership", true],
    ["a blank workbook", false],
  ])(
    "%s: workbook, styles, every worksheet and every table",
    async (_name, example) => {
      const instruments = await exampleInstruments();
      const partnership = example ? examplePartnership(instruments) : emptyPartnership(4);
      const parts = await spreadsheetParts(
        await workbookBytes(buildOperations(partnership, instruments)),
      );
      expect(
        [...parts.keys()].filter((p) => /^xl\/tables\/.+\.xml$/.test(p)).length,
      ).toBeGreaterThanOrEqual(6 + instruments.length);
      const schema = schemaPath(SPREADSHEET_SCHEMA);
      for (const [path, xml] of parts) {
        const result = validatePart(xml, schema);
        expect(result.errors, path).toEqual([]);
      }
    },
    120_000,
  );

  it("the validator rejects a part that breaks the schema, so a pass means something", () => {
    const broken =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="x"/></sheetData><bogus/></worksheet>';
    const result = validatePart(broken, schemaPath(SPREADSHEET_SCHEMA));
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/bogus|row/);
  });

  it("a table part carries its calculated column formulas and no phantom totals row", async () => {
    const instruments = await exampleInstruments();
    const zip = await JSZip.loadAsync(
      await workbookBytes(buildOperations(examplePartnership(instruments), instruments)),
    );
    const xml = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/tables\/.+\.xml$/.test(p))
        .map((p) => zip.file(p)!.async("string")),
    );
    const finance = xml.find((x) => /name="Finance"/.test(x)) ?? "";
    expect(finance).toMatch(
      /<tableColumn id="\d+" name="Unit cost \(£ per output\)"><calculatedColumnFormula>IF\(OR\(COUNT\(Finance\[\[#This Row\],\[Actual spend \(£\)\]\]/,
    );
    expect(finance).toContain('totalsRowShown="0"');
    expect(finance).not.toContain("totalsRowLabel");
  });
});

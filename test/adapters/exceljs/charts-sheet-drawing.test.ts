/**
 * The chart stage puts the worksheet's <drawing> where CT_Worksheet orders
 * it, whatever else exceljs wrote: before table parts, before the sheet's own
 * extension list but never inside a rule's.
 */
import { describe, expect, it } from "vitest";
import { withDrawing } from "../../../adapters/exceljs/sheet-drawing.js";
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

const OPEN =
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/>';
/** A data bar's rule carries an extension list of its own, as exceljs writes it. */
const DATA_BAR =
  '<conditionalFormatting sqref="A1:A3"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}"><x14:id xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">{1}</x14:id></ext></extLst></cfRule></conditionalFormatting>';
const PAGE =
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
const SHEET_EXTENSIONS =
  '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"/></ext></extLst>';

describe("the worksheet's <drawing> element", () => {
  it("goes before the sheet's own extension list, not into a data bar rule's", () => {
    const xml = withDrawing(
      `${OPEN}${DATA_BAR}${PAGE}${SHEET_EXTENSIONS}</worksheet>`,
      "rId3",
      "S",
    );
    expect(xml).toBe(
      `${OPEN}${DATA_BAR}${PAGE}<drawing r:id="rId3"/>${SHEET_EXTENSIONS}</worksheet>`,
    );
  });

  it("goes before the table parts, and at the end when nothing follows it", () => {
    const tables = '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>';
    expect(withDrawing(`${OPEN}${PAGE}${tables}${SHEET_EXTENSIONS}</worksheet>`, "rId2", "S")).toBe(
      `${OPEN}${PAGE}<drawing r:id="rId2"/>${tables}${SHEET_EXTENSIONS}</worksheet>`,
    );
    expect(withDrawing(`${OPEN}${DATA_BAR}${PAGE}</worksheet>`, "rId2", "S")).toBe(
      `${OPEN}${DATA_BAR}${PAGE}<drawing r:id="rId2"/></worksheet>`,
    );
  });

  it("refuses a sheet that already has a drawing, naming it", () => {
    expect(() =>
      withDrawing(`${OPEN}<drawing r:id="rId1"/></worksheet>`, "rId2", "Summary"),
    ).toThrow(/Summary already has a drawing/);
  });

  it.skipIf(!ready)(
    "the result is valid SpreadsheetML",
    () => {
      const xml = withDrawing(
        `${OPEN}${DATA_BAR}${PAGE}${SHEET_EXTENSIONS}</worksheet>`,
        "rId3",
        "S",
      );
      expect(validatePart(xml, schemaPath(SPREADSHEET_SCHEMA)).errors).toEqual([]);
    },
    30_000,
  );
});

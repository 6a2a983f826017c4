import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { workbookPlan } from "../../../core/layout/blueprint.js";
import { examplePartnership } from "../../../core/example/partnership.js";
import { readPartnership } from "../../../core/read/reader.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { exportXlsx } from "../../../addin/preview/fake-excel/export-xlsx.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import { openWorkbook } from "../../../adapters/exceljs/open-workbook.js";
import { readWorkbookCells } from "../../../adapters/exceljs/read-workbook.js";
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { testInstruments } from "../support/partnerships.js";

describe("exporting the in-memory workbook as .xlsx", () => {
  it("gives a file the command line's reader reads back to the same partnership", async () => {
    const instruments = await testInstruments();
    const partnership = examplePartnership(instruments);
    const excel = createFakeExcel({ sheets: [] });
    await setUpWorkbook(excel.newContext().context, workbookPlan(partnership, instruments));
    const bytes = await exportXlsx(excel.state);
    const back = readPartnership(await readWorkbookCells(bytes), instruments);
    expect(back.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(back.partnership).toEqual(partnership);
  });

  it("keeps tables, frozen panes, validation and conditional formats", async () => {
    const instruments = await testInstruments();
    const excel = createFakeExcel({ sheets: [] });
    await setUpWorkbook(
      excel.newContext().context,
      workbookPlan(examplePartnership(instruments), instruments),
    );
    const workbook = await openWorkbook(await exportXlsx(excel.state));
    const indicators = workbook.getWorksheet("Indicators");
    expect(indicators?.getTables().length).toBe(1);
    expect(indicators?.views[0]).toMatchObject({ state: "frozen" });
    expect(workbook.worksheets.map((w) => w.name)).toEqual(excel.state.sheets.map((s) => s.name));
  });

  it("stores the same calculated columns as the command line, so rows added in Excel fill their formulas", async () => {
    const instruments = await testInstruments();
    const partnership = examplePartnership(instruments);
    const excel = createFakeExcel({ sheets: [] });
    await setUpWorkbook(excel.newContext().context, workbookPlan(partnership, instruments));
    const calculated = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      const found: string[] = [];
      for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/.+\.xml$/.test(p))) {
        const xml = (await zip.file(path)?.async("string")) ?? "";
        const table = /<table\b[^>]*\sname="([^"]*)"/.exec(xml)?.[1];
        for (const m of xml.matchAll(/name="([^"]*)"><calculatedColumnFormula>([^<]*)</g))
          found.push(`${table}/${m[1]}=${m[2]}`);
      }
      return found.sort();
    };
    const fromPreview = await calculated(await exportXlsx(excel.state));
    const fromCli = await calculated(
      await workbookBytes(buildOperations(partnership, instruments)),
    );
    expect(fromPreview.length).toBeGreaterThan(20);
    expect(fromPreview).toEqual(fromCli);
  });
});

describe("the preview's download is written by the command line's exceljs adapter", () => {
  it("gives the same sheets, tables and cells as `partnership workbook` for the same plan", async () => {
    const instruments = await testInstruments();
    const partnership = examplePartnership(instruments);
    const excel = createFakeExcel({ sheets: [] });
    await setUpWorkbook(excel.newContext().context, workbookPlan(partnership, instruments));
    const fromPreview = await readWorkbookCells(await exportXlsx(excel.state));
    const fromCli = await readWorkbookCells(
      await workbookBytes(buildOperations(partnership, instruments)),
    );
    expect(fromPreview.sheetNames).toEqual(fromCli.sheetNames);
    expect(fromPreview.tables.length).toBeGreaterThan(6);
    expect(fromPreview.tables).toEqual(fromCli.tables);
  });

  it("refuses, in words, formatting that no cell role gives rather than exporting it wrongly", async () => {
    const excel = createFakeExcel({ sheets: ["Notes"] });
    const sheet = excel.state.sheets[0];
    if (!sheet) throw new Error("fake has no sheet");
    sheet.formats.push({ rect: { top: 2, left: 2, bottom: 2, right: 2 }, fill: "#123456" });
    await expect(exportXlsx(excel.state)).rejects.toThrow(
      /Notes!B2 has formatting that no cell role gives/,
    );
  });
});

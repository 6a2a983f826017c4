import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { workbookPlan } from "../../../core/layout/blueprint.js";
import { examplePartnership } from "../../../core/example/partnership.js";
import { readPartnership } from "../../../core/read/reader.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { exportXlsx } from "../../../addin/preview/fake-excel/export-xlsx.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import { readWorkbookCells } from "../../../generator/xlsx/read.js";
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
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportXlsx(excel.state)) as unknown as ArrayBuffer);
    const indicators = workbook.getWorksheet("Indicators");
    expect(indicators?.getTables().length).toBe(1);
    expect(indicators?.views[0]).toMatchObject({ state: "frozen" });
    expect(workbook.worksheets.map((w) => w.name)).toEqual(excel.state.sheets.map((s) => s.name));
  });
});

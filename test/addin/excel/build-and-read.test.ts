import { describe, expect, it } from "vitest";
import { buildOperations, workbookPlan } from "../../../core/layout/blueprint.js";
import { readPartnership } from "../../../core/read/reader.js";
import { readWorkbookCells } from "../../../addin/excel/read-workbook.js";
import { openWorkbook } from "../../../adapters/exceljs/open-workbook.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import { readWorkbookCells as readXlsxCells } from "../../../adapters/exceljs/read-workbook.js";
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import { largePartnership, testInstruments } from "../support/partnerships.js";

const FIVE_MB = 5 * 1024 * 1024;

describe("building and reading the workbook through Office.js", () => {
  it("builds 1,000 indicators × 12 periods, 10 partners and every instrument in at most 3 syncs, and reads it in 2", async () => {
    const instruments = await testInstruments();
    const partnership = largePartnership(instruments);
    const excel = createFakeExcel();

    const build = excel.newContext();
    const result = await setUpWorkbook(build.context, workbookPlan(partnership, instruments));
    expect(build.stats.syncs).toBeLessThanOrEqual(3);
    expect(result.syncs).toBe(build.stats.syncs);
    console.info(
      `Large build: ${build.stats.syncs} syncs, requests ${build.stats.requestBytes.map((b) => Math.round(b / 1024)).join(", ")} KB`,
    );
    for (const bytes of build.stats.requestBytes) expect(bytes).toBeLessThan(FIVE_MB);
    expect(result.added).toContain("Indicators");
    expect(excel.state.suspendCalls.calculation).toBeGreaterThan(0);

    const read = excel.newContext();
    const cells = await readWorkbookCells(read.context);
    expect(read.stats.syncs).toBeLessThanOrEqual(2);
    for (const bytes of read.stats.responseBytes) expect(bytes).toBeLessThan(FIVE_MB);

    const back = readPartnership(cells, instruments);
    expect(back.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(back.partnership.indicators).toHaveLength(1000);
    expect(back.partnership.periods).toEqual(partnership.periods);
    expect(back.partnership).toEqual(partnership);
  }, 60_000);

  it("reads back the same partnership as a workbook built by the command line", async () => {
    const instruments = await testInstruments();
    const partnership = largePartnership(instruments, 30, 4, 5);

    const excel = createFakeExcel();
    await setUpWorkbook(excel.newContext().context, workbookPlan(partnership, instruments));
    const viaOffice = readPartnership(
      await readWorkbookCells(excel.newContext().context),
      instruments,
    );

    const bytes = await workbookBytes(buildOperations(partnership, instruments));
    const viaCli = readPartnership(await readXlsxCells(bytes), instruments);

    expect(viaOffice.partnership).toEqual(viaCli.partnership);
    expect(viaOffice.problems).toEqual(viaCli.problems);
  }, 60_000);

  it("sets each sheet to print as the command line's file does: A4, header row repeated, a wide sheet at a readable scale with its ID and name columns repeated", async () => {
    const instruments = await testInstruments();
    const partnership = largePartnership(instruments, 5, 4, 3);
    const excel = createFakeExcel();
    await setUpWorkbook(excel.newContext().context, workbookPlan(partnership, instruments));
    const page = (name: string) => excel.state.findSheet(name)?.page;
    expect(page("Indicators")).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      fitToWidth: null,
      scale: 80,
      titleRows: "$4:$4",
      titleColumns: "$A:$C",
    });
    expect(page("Summary")).toEqual({
      orientation: "Portrait",
      paperSize: "A4",
      fitToWidth: 1,
      scale: null,
      titleRows: "",
      titleColumns: "",
    });

    const file = await openWorkbook(await workbookBytes(buildOperations(partnership, instruments)));
    const setup = file.getWorksheet("Indicators")?.pageSetup;
    expect(setup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: false,
      scale: 80,
      printTitlesRow: "4:4",
      printTitlesColumn: "A:C",
    });
    expect(file.getWorksheet("Summary")?.pageSetup.orientation).toBe("portrait");
  });

  it("chunks a build into several requests when the budget is small, keeping the order right", async () => {
    const instruments = await testInstruments();
    const partnership = largePartnership(instruments, 200, 12, 6);
    const excel = createFakeExcel();
    const { context, stats } = excel.newContext();
    await setUpWorkbook(context, workbookPlan(partnership, instruments), {
      batchBudget: 150 * 1024,
    });
    expect(stats.syncs).toBeGreaterThan(3);
    const back = readPartnership(await readWorkbookCells(excel.newContext().context), instruments);
    expect(back.partnership).toEqual(partnership);
  }, 60_000);
});

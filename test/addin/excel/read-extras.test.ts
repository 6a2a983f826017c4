import { describe, expect, it } from "vitest";
import { workbookPlan } from "../../../core/layout/blueprint.js";
import type { TableCells } from "../../../core/read/cells.js";
import {
  areaAddresses,
  formulasMissing,
  readWorkbookCells,
} from "../../../addin/excel/read-workbook.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { exportXlsx } from "../../../addin/preview/fake-excel/export-xlsx.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import { cellKey } from "../../../addin/preview/fake-excel/state.js";
import { columnLetter } from "../../../core/layout/address.js";
import { readWorkbookCells as readXlsxCells } from "../../../adapters/exceljs/read-workbook.js";
import { largePartnership, testInstruments } from "../support/partnerships.js";

/** A small workbook set up through the add-in, then edited as an officer might. */
async function editedWorkbook() {
  const instruments = await testInstruments();
  const partnership = largePartnership(instruments, 4, 2, 3);
  const excel = createFakeExcel();
  await setUpWorkbook(excel.newContext().context, workbookPlan(partnership, instruments));
  const indicators = excel.state.findTable("Indicators");
  if (!indicators) throw new Error("no Indicators table");
  const { top, left, right } = indicators.rect;
  let latest = left;
  while (latest <= right && indicators.sheet.cells.get(cellKey(top, latest))?.value !== "Latest")
    latest++;
  const { context } = excel.newContext();
  // Typed over the calculated column's formula, in the second data row.
  context.workbook.worksheets
    .getItem("Indicators")
    .getRange(`${columnLetter(latest)}${top + 2}`).values = [[42]];
  const partners = context.workbook.tables.getItem("Partners").getRange().getRowsBelow(1);
  partners.getCell(0, 0).values = [["Forgotten Trust"]]; // a partner typed under the table
  await context.sync();
  return excel;
}

function table(cells: { tables: TableCells[] }, name: string): TableCells {
  const found = cells.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

describe("what the Office.js reader gives for the reader's warnings", () => {
  it("reads the row under each table and calculated cells holding constants, still in two syncs", async () => {
    const excel = await editedWorkbook();
    const read = excel.newContext();
    const cells = await readWorkbookCells(read.context, { mergedAreas: true });
    expect(read.stats.syncs).toBe(2);

    const partners = table(cells, "Partners");
    expect(partners.below?.[0]).toBe("Forgotten Trust");
    expect(partners.below?.slice(1).every((v) => v === null)).toBe(true);
    expect(partners.merged).toEqual([]);

    const indicators = table(cells, "Indicators");
    const latest = indicators.headers.indexOf("Latest");
    const flagged = indicators.formulaMissing?.flatMap((row, r) =>
      row.flatMap((missing, c) => (missing ? [[r, c]] : [])),
    );
    expect(flagged).toEqual([[1, latest]]);
  });

  it("gives the same extras as the .xlsx reader reading the preview's download of the same workbook", async () => {
    const excel = await editedWorkbook();
    const viaOffice = await readWorkbookCells(excel.newContext().context);
    const viaFile = await readXlsxCells(await exportXlsx(excel.state));
    for (const name of ["Partners", "Indicators", "Finance", "Objectives"]) {
      expect(table(viaOffice, name).below, name).toEqual(table(viaFile, name).below);
      expect(table(viaOffice, name).formulaMissing, name).toEqual(
        table(viaFile, name).formulaMissing,
      );
    }
  });

  it("leaves merged areas out where the host lacks ExcelApi 1.13", async () => {
    const excel = await editedWorkbook();
    const cells = await readWorkbookCells(excel.newContext().context);
    expect(table(cells, "Partners").merged).toBeUndefined();
  });

  it("reads merged areas that touch a table, and none that do not", async () => {
    const excel = await editedWorkbook();
    const { context } = excel.newContext();
    const sheet = context.workbook.worksheets.getItem("Partners");
    sheet.getRange("A1:C1").merge(); // the title, above the table: does not touch it
    await context.sync();
    const state = excel.state.findSheet("Partners");
    const partners = excel.state.findTable("Partners");
    if (!state || !partners) throw new Error("no Partners");
    // Excel refuses to merge inside a table, but a file made elsewhere can hold such a merge.
    state.merges.push({
      ...partners.rect,
      top: partners.rect.top + 1,
      bottom: partners.rect.top + 1,
      right: partners.rect.left + 1,
    });
    const cells = await readWorkbookCells(excel.newContext().context, { mergedAreas: true });
    expect(table(cells, "Partners").merged).toEqual([
      `A${partners.rect.top + 1}:B${partners.rect.top + 1}`,
    ]);
  });
});

describe("the Office.js reader's helpers", () => {
  it("splits a RangeAreas address, whatever the sheet is called", () => {
    expect(areaAddresses("'Eight Is, and more'!$B$6:$C$6, Sheet1!E1:F2,'It''s'!A1")).toEqual([
      "B6:C6",
      "E1:F2",
      "A1",
    ]);
  });

  it("counts a column as calculated when most of its cells hold formulas", () => {
    // Body B5:D7; formulas in C5 and C7 (C6 was typed over) and in D6 alone.
    const values = [
      [1, null, "a"],
      [2, 5, null],
      [3, null, ""],
    ];
    expect(formulasMissing(values, ["C5", "C7", "D6", "Z99"], 5, 2)).toEqual([
      [false, false, false],
      [false, true, false],
      [false, false, false],
    ]);
  });
});

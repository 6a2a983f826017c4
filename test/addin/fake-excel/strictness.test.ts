import { describe, expect, it } from "vitest";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";

describe("the fake Excel is as strict as Office.js", () => {
  it("throws on reading a property that was not loaded and synced", async () => {
    const excel = createFakeExcel();
    const { context } = excel.newContext();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    expect(() => sheet.name).toThrow(/not available/);
    sheet.load("name");
    expect(() => sheet.name).toThrow(/not available/);
    await context.sync();
    expect(sheet.name).toBe("Sheet1");
  });

  it("queues writes until sync and counts syncs and payload", async () => {
    const excel = createFakeExcel();
    const { context, stats } = excel.newContext();
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
    range.values = [
      ["a", 1],
      ["=A1", ""],
    ];
    expect(excel.state.sheets[0]?.cells.size).toBe(0);
    range.load("values, formulas");
    await context.sync();
    expect(stats.syncs).toBe(1);
    expect(stats.requestBytes[0]).toBeGreaterThan(20);
    // Formula cells are not computed: their value reads as null; blanks read as "".
    expect(range.values).toEqual([
      ["a", 1],
      [null, ""],
    ]);
    expect(range.formulas).toEqual([
      ["a", 1],
      ["=A1", ""],
    ]);
  });

  it("refuses arrays that do not match the range, overlapping tables, unknown tables in formulas", async () => {
    const excel = createFakeExcel();
    const { context } = excel.newContext();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B1").values = [["only one"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    sheet.getRange("A1").formulas = [["=SUM(Missing[Col])"]];
    await expect(context.sync()).rejects.toThrow(/Missing/);
    sheet.getRange("A1:B2").values = [
      ["H1", "H2"],
      [1, 2],
    ];
    sheet.tables.add("A1:B2", true).name = "T";
    await context.sync();
    sheet.tables.add("B1:C3", true);
    await expect(context.sync()).rejects.toThrow(/overlap/);
  });

  it("coerces typed text as Excel does unless it starts with an apostrophe", async () => {
    const excel = createFakeExcel();
    const { context } = excel.newContext();
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1");
    range.values = [["1.5", "10%", "2026-04-01", "'1.1", "TRUE"]];
    range.load("values");
    await context.sync();
    expect(range.values).toEqual([[1.5, 0.1, 46113, "1.1", true]]);
  });

  it("reports null objects after sync and refuses payloads over the limit", async () => {
    const excel = createFakeExcel({ payloadLimitBytes: 1000 });
    const { context } = excel.newContext();
    const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").values = Array.from(
      { length: 100 },
      () => ["some text here"],
    );
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("follows a renamed table in formulas and breaks them when it is deleted", async () => {
    const excel = createFakeExcel();
    const { context } = excel.newContext();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:A2").values = [["X"], [1]];
    const table = sheet.tables.add("A1:A2", true);
    table.name = "Old";
    sheet.getRange("C1").formulas = [["=SUM(Old[X])"]];
    table.name = "New";
    const c1 = sheet.getRange("C1").load("formulas");
    await context.sync();
    expect(c1.formulas).toEqual([["=SUM(New[X])"]]);
    table.delete();
    c1.load("formulas");
    await context.sync();
    expect(c1.formulas).toEqual([["=#REF!"]]);
  });
});

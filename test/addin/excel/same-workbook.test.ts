/**
 * A workbook built inside Excel (through the Office.js interpreter) and one
 * built by the command line (exceljs) are the same workbook: same sheets in
 * the same order, same tables over the same ranges, same cell contents
 * (constants and formulas) and number formats.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildOperations, workbookPlan } from "../../../core/layout/blueprint.js";
import { examplePartnership } from "../../../core/example/partnership.js";
import { rectAddress } from "../../../addin/excel/a1.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import { applyOperations as applyWithExcelJs } from "../../../adapters/exceljs/apply-operations.js";
import { testInstruments } from "../support/partnerships.js";

function exceljsContent(cell: ExcelJS.Cell): unknown {
  // exceljs shows a merged range's text in every cell of it; only the first holds it.
  if (cell.isMerged && cell.master !== cell) return null;
  const value = cell.value;
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "object" && "formula" in value) return `=${value.formula}`;
  if (typeof value === "object" && "sharedFormula" in value) return `=${cell.formula}`;
  if (value instanceof Date) return value.toISOString();
  return value;
}

describe("Office.js and the command line build the same workbook", () => {
  it("has the same sheets, tables, cells and number formats", async () => {
    const instruments = await testInstruments();
    const partnership = examplePartnership(instruments);

    const excel = createFakeExcel({ sheets: [] });
    await setUpWorkbook(excel.newContext().context, workbookPlan(partnership, instruments));

    // The command line's interpreter, before it writes the file.
    const cli = new ExcelJS.Workbook();
    applyWithExcelJs(cli, buildOperations(partnership, instruments));

    expect(excel.state.sheets.map((s) => s.name)).toEqual(cli.worksheets.map((w) => w.name));
    let compared = 0;
    for (const sheet of excel.state.sheets) {
      const ws = cli.getWorksheet(sheet.name);
      if (!ws) throw new Error(`CLI workbook lacks ${sheet.name}`);
      const officeTables = excel.state.tables
        .filter((t) => t.sheet === sheet)
        .map((t) => `${t.name} ${rectAddress(t.rect)}`)
        .sort();
      const cliTables = ws
        .getTables()
        .map((t) => {
          const table = (t as unknown as { table: { name: string; tableRef: string } }).table;
          return `${table.name} ${table.tableRef}`;
        })
        .sort();
      expect(officeTables, sheet.name).toEqual(cliTables);
      expect(sheet.merges.map(rectAddress).sort(), `${sheet.name} merges`).toEqual(
        [...(ws.model.merges ?? [])].sort(),
      );

      const seen = new Set<string>();
      for (const [key, cell] of sheet.cells) {
        const [row = 0, column = 0] = key.split(":").map(Number);
        seen.add(`${row}:${column}`);
        const other = ws.getCell(row, column);
        const mine = cell.formula ?? cell.value;
        expect(mine, `${sheet.name}!${other.address}`).toEqual(exceljsContent(other));
        if (cell.numberFormat)
          expect(other.numFmt, `${sheet.name}!${other.address} format`).toBe(cell.numberFormat);
        compared += 1;
      }
      ws.eachRow((row, r) =>
        row.eachCell((other, c) => {
          if (!seen.has(`${r}:${c}`))
            expect(exceljsContent(other), `${sheet.name}!${other.address} only in CLI`).toBeNull();
        }),
      );
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

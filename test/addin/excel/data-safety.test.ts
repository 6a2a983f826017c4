import { describe, expect, it } from "vitest";
import { workbookPlan } from "../../../core/layout/blueprint.js";
import { readPartnership } from "../../../core/read/reader.js";
import {
  addAssessmentSheet,
  refreshAssessmentSheet,
} from "../../../addin/excel/assessment-grid.js";
import { readWorkbookCells } from "../../../addin/excel/read-workbook.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { createFakeExcel, type FakeExcel } from "../../../addin/preview/fake-excel/index.js";
import { cellKey } from "../../../addin/preview/fake-excel/state.js";
import type { Instrument } from "../../../core/instruments/types.js";
import { largePartnership, testInstruments } from "../support/partnerships.js";

async function readBack(excel: FakeExcel, instruments: readonly Instrument[]) {
  return readPartnership(await readWorkbookCells(excel.newContext().context), instruments);
}

function formulasOn(excel: FakeExcel, sheet: string): string[] {
  return [...(excel.state.findSheet(sheet)?.cells.values() ?? [])].flatMap((c) =>
    c.formula ? [c.formula] : [],
  );
}

/**
 * A fake Excel workbook set up through the add-in for a partnership with
 * `partners` partners, with every instrument's sheet unless `withGrids` is false.
 */
async function builtWorkbook(partners: number, withGrids = true) {
  const instruments = await testInstruments();
  const grid = instruments.find((i) => i.kind === "grid");
  if (!grid) throw new Error("no grid instrument");
  const partnership = largePartnership(instruments, 5, 2, partners);
  const excel = createFakeExcel();
  await setUpWorkbook(
    excel.newContext().context,
    workbookPlan(partnership, withGrids ? instruments : []),
  );
  return { instruments, grid, excel };
}

describe("set up never overwrites", () => {
  it("adds only the missing sheets and leaves edited ones as they are", async () => {
    const instruments = await testInstruments();
    const partnership = largePartnership(instruments, 12, 3, 4);
    const excel = createFakeExcel();
    const plans = workbookPlan(partnership, instruments);
    await setUpWorkbook(excel.newContext().context, plans);

    // An officer edits a partner's name and deletes the Finance sheet.
    const { context } = excel.newContext();
    const partners = context.workbook.tables.getItem("Partners").getDataBodyRange().getCell(0, 0);
    partners.values = [["Edited by an officer"]];
    context.workbook.worksheets.getItem("Finance").delete();
    await context.sync();

    const again = await setUpWorkbook(excel.newContext().context, plans);
    expect(again.added).toEqual(["Finance"]);
    expect(again.existing).toContain("Partners");
    expect(again.existing).not.toContain("Finance");
    const back = await readBack(excel, instruments);
    expect(back.partnership.partners[0]?.organisation).toBe("Edited by an officer");
    expect(back.partnership.finance).toEqual(partnership.finance);
  });

  it("does nothing at all when every sheet exists", async () => {
    const instruments = await testInstruments();
    const partnership = largePartnership(instruments, 5, 2, 3);
    const excel = createFakeExcel();
    const plans = workbookPlan(partnership, instruments);
    await setUpWorkbook(excel.newContext().context, plans);
    const before = JSON.stringify(excel.state.sheets.map((s) => [s.name, [...s.cells]]));
    const { context, stats } = excel.newContext();
    const result = await setUpWorkbook(context, plans);
    expect(result.added).toEqual([]);
    expect(stats.syncs).toBe(1);
    expect(JSON.stringify(excel.state.sheets.map((s) => [s.name, [...s.cells]]))).toBe(before);
  });
});

describe("refreshing an assessment grid", () => {
  it("keeps every score when a partner is added, and the Summary still points at the grid", async () => {
    const { instruments, grid, excel } = await builtWorkbook(4);
    const before = await readBack(excel, instruments);
    const positionBefore = excel.state.sheets.findIndex((s) => s.name === grid.sheet);

    // An officer adds a partner as a new row of the Partners table.
    const { context } = excel.newContext();
    const partnersTable = context.workbook.tables.getItem("Partners");
    const header = partnersTable.getHeaderRowRange().load("values");
    await context.sync();
    const headers = header.values[0] ?? [];
    partnersTable.rows.add(undefined, [
      headers.map((h) =>
        h === "Organisation" ? "New Organisation" : h === "Short name" ? "NEW" : "",
      ),
    ]);
    await context.sync();

    const refresh = excel.newContext();
    const result = await refreshAssessmentSheet(refresh.context, grid, instruments);
    expect(result.partners).toEqual(["P1", "P2", "P3", "P4", "NEW"]);
    expect(refresh.stats.syncs).toBeLessThanOrEqual(5);

    const after = await readBack(excel, instruments);
    const was = before.partnership.assessments.find((a) => a.instrumentId === grid.id);
    const now = after.partnership.assessments.find((a) => a.instrumentId === grid.id);
    expect(now?.items.length).toBe(was?.items.length);
    now?.items.forEach((item, i) => {
      expect(item.scores).toEqual({ ...was?.items[i]?.scores, NEW: null });
    });
    expect(excel.state.sheets.findIndex((s) => s.name === grid.sheet)).toBe(positionBefore);
    expect(excel.state.sheets.some((s) => s.name.includes("(old"))).toBe(false);
    const summary = formulasOn(excel, "Summary");
    expect(summary.some((f) => f.includes(`Assessment_${grid.id}[`))).toBe(true);
    expect(summary.filter((f) => f.includes("#REF!"))).toEqual([]);
    // Other grids are untouched.
    expect(after.partnership.assessments.filter((a) => a.instrumentId !== grid.id)).toEqual(
      before.partnership.assessments.filter((a) => a.instrumentId !== grid.id),
    );
  });

  it("refuses to refresh when a column holds scores of someone no longer in Partners", async () => {
    const { instruments, grid, excel } = await builtWorkbook(3);
    // Rename P3 in Partners: P3's scores would have nowhere to go.
    const partnersSheet = excel.state.findSheet("Partners");
    const table = excel.state.findTable("Partners");
    if (!partnersSheet || !table) throw new Error("no Partners");
    let shortNameColumn = 0;
    for (let c = table.rect.left; c <= table.rect.right; c++) {
      if (partnersSheet.cells.get(cellKey(table.rect.top, c))?.value === "Short name")
        shortNameColumn = c;
    }
    const cell = partnersSheet.cells.get(cellKey(table.rect.top + 3, shortNameColumn));
    if (cell) cell.value = "Renamed";
    const snapshot = JSON.stringify([...(excel.state.findSheet(grid.sheet)?.cells ?? [])]);
    await expect(
      refreshAssessmentSheet(excel.newContext().context, grid, instruments),
    ).rejects.toThrow(/"P3".*not in Partners/);
    expect(JSON.stringify([...(excel.state.findSheet(grid.sheet)?.cells ?? [])])).toBe(snapshot);
  });

  it("adds a missing grid with one score column per partner, and refuses to add one that exists", async () => {
    const { instruments, grid, excel } = await builtWorkbook(3, false);
    const read = await readBack(excel, instruments);
    await addAssessmentSheet(
      excel.newContext().context,
      read.partnership,
      grid,
      excel.state.sheets.map((s) => s.name),
    );
    const table = (await readWorkbookCells(excel.newContext().context)).tables.find(
      (t) => t.name === `Assessment_${grid.id}`,
    );
    expect(table?.headers).toEqual(
      expect.arrayContaining(["Section", "Statement", "P1", "P2", "P3", "Mean"]),
    );
    await expect(
      addAssessmentSheet(
        excel.newContext().context,
        read.partnership,
        grid,
        excel.state.sheets.map((s) => s.name),
      ),
    ).rejects.toThrow(/already exists/);
  });

  it("puts the old sheet back if building the new one fails", async () => {
    const { instruments, grid, excel } = await builtWorkbook(3);
    const before = await readBack(excel, instruments);
    // Excel refusing the build request (too large) makes the build fail after the old sheet was set aside.
    const { context } = excel.newContext({ requestLimitBytes: 8 * 1024 });
    const failing = refreshAssessmentSheet(context, grid, instruments);
    await expect(failing).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    let after = await readBack(excel, instruments);
    expect(after.partnership).toEqual(before.partnership);

    // A failure half-way through the batch, after the old sheet was renamed and the new one built.
    const midway = refreshAssessmentSheet(excel.newContext().context, grid, instruments, {
      after: (ctx) => ctx.workbook.worksheets.getItem("No such sheet").activate(),
    });
    await expect(midway).rejects.toMatchObject({ code: "ItemNotFound" });
    after = await readBack(excel, instruments);
    expect(after.partnership).toEqual(before.partnership);
    expect(after.problems).toEqual(before.problems);
    expect(excel.state.sheets.some((s) => s.name.includes("(old"))).toBe(false);
    expect(excel.state.findTable(`Assessment_${grid.id}`)?.sheet.name).toBe(grid.sheet);
  });
});

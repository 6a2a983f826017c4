/**
 * Set up is all or nothing: it looks for clashing sheet and table names
 * before writing, never names a table that is not there, and puts the
 * workbook back exactly as it was when anything fails part-way.
 */
import { describe, expect, it } from "vitest";
import { workbookPlan } from "../../../core/layout/blueprint.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { describeError } from "../../../addin/excel/errors.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import { referencedTables } from "../../../addin/preview/fake-excel/formulas.js";
import { largePartnership, testInstruments } from "../support/partnerships.js";
import { addUserTable, failOnSync, workbookSnapshot } from "./workbook-snapshot.js";

// Each test builds a workbook in the fake Excel: seconds on a busy machine.
const SLOW = { timeout: 60_000 };

async function blueprint() {
  const instruments = await testInstruments();
  const partnership = largePartnership(instruments, 12, 4, 3);
  return (availableTables?: ReadonlySet<string>) =>
    workbookPlan(partnership, instruments, { availableTables });
}

describe("set up refuses clashing names before writing anything", SLOW, () => {
  it("names a table of the officer's called Finance on another sheet, and leaves the workbook as it was", async () => {
    const excel = createFakeExcel();
    await addUserTable(excel, "Budget", "Finance");
    const before = workbookSnapshot(excel);

    const failing = setUpWorkbook(excel.newContext().context, await blueprint());
    await expect(failing).rejects.toThrow(
      "A table called Finance already exists on sheet 'Budget'. Rename it (Table Design → Table Name) and run Set up again.",
    );
    expect(workbookSnapshot(excel)).toBe(before);

    // Once the officer renames their table, set up adds everything.
    const { context } = excel.newContext();
    context.workbook.tables.getItem("Finance").name = "Budget_lines";
    await context.sync();
    const result = await setUpWorkbook(excel.newContext().context, await blueprint());
    expect(result.added).toContain("Finance");
    expect(excel.state.findTable("Finance")?.sheet.name).toBe("Finance");
    expect(excel.state.findTable("Budget_lines")?.sheet.name).toBe("Budget");
  });

  it("compares table names without case, as Excel does, and lists every clash", async () => {
    const excel = createFakeExcel();
    await addUserTable(excel, "Budget", "finance");
    await addUserTable(excel, "Notes", "VALUES");
    const before = workbookSnapshot(excel);
    const error = await setUpWorkbook(excel.newContext().context, await blueprint()).catch(
      (e: unknown) => e,
    );
    const message = describeError(error, "set up the workbook");
    expect(message).toContain("A table called finance already exists on sheet 'Budget'.");
    expect(message).toContain("A table called VALUES already exists on sheet 'Notes'.");
    expect(message).toContain("Rename them (Table Design → Table Name) and run Set up again.");
    expect(workbookSnapshot(excel)).toBe(before);
  });

  it("reads sheet and table names in the first sync and writes an ordinary workbook in one more", async () => {
    const excel = createFakeExcel();
    await addUserTable(excel, "Budget", "Budget_lines");
    const { context, stats } = excel.newContext();
    const result = await setUpWorkbook(context, await blueprint());
    expect(stats.syncs).toBe(2);
    expect(result.syncs).toBe(2);
  });
});

describe("set up leaves nothing half-done", SLOW, () => {
  it("removes what it added when any sync fails part-way, whichever sync it is", async () => {
    const plan = await blueprint();
    // A small request budget splits the build into several syncs.
    const probe = createFakeExcel();
    const run = probe.newContext();
    await setUpWorkbook(run.context, plan, { batchBudget: 24 * 1024 });
    const syncs = run.stats.syncs;
    expect(syncs).toBeGreaterThan(3);

    for (let n = 1; n <= syncs; n++) {
      const excel = createFakeExcel();
      await addUserTable(excel, "Budget", "Budget_lines");
      const before = workbookSnapshot(excel);
      const { context } = excel.newContext();
      failOnSync(context, n);
      const failing = setUpWorkbook(context, plan, { batchBudget: 24 * 1024 });
      await expect(failing, `failure at sync ${n}`).rejects.toThrow();
      expect(workbookSnapshot(excel), `workbook after a failure at sync ${n}`).toBe(before);

      // Trying again works: nothing was left behind to make it think the sheets exist.
      const again = await setUpWorkbook(excel.newContext().context, plan);
      expect(again.added).toHaveLength(plan().length);
    }
  }, 120_000);

  it("says the workbook was left as it was", async () => {
    const excel = createFakeExcel();
    const { context } = excel.newContext();
    failOnSync(context, 2);
    const error = await setUpWorkbook(context, await blueprint()).catch((e: unknown) => e);
    expect(describeError(error, "set up the workbook")).toMatch(
      /^Could not set up the workbook\. .*The workbook was left as it was: the sheets Set up had started to add were removed\./,
    );
  });

  it("says nothing was changed when Excel refuses the build before it starts", async () => {
    const excel = createFakeExcel();
    const before = workbookSnapshot(excel);
    const { context } = excel.newContext({ requestLimitBytes: 8 * 1024 });
    const error = await setUpWorkbook(context, await blueprint()).catch((e: unknown) => e);
    expect(describeError(error, "set up the workbook")).toMatch(
      /too large for Excel.*Nothing in the workbook was changed\.$/,
    );
    expect(workbookSnapshot(excel)).toBe(before);
  });

  it("names the sheets to delete by hand when removing them fails too", async () => {
    const excel = createFakeExcel();
    const { context } = excel.newContext();
    failOnSync(context, 2, 3);
    const error = await setUpWorkbook(context, await blueprint()).catch((e: unknown) => e);
    const message = describeError(error, "set up the workbook");
    expect(message).toContain("could not remove the sheets it had added");
    // Every sheet of the blueprint, in its order, is named.
    const sheets = (await blueprint())().map((plan) => plan.sheet);
    expect(sheets.slice(0, 2)).toEqual(["Partnership", "Partners"]);
    expect(message).toContain(`the sheets it had added: ${sheets.join(", ")}.`);
    expect(excel.state.findSheet("Partners")).toBeDefined();
  });
});

describe("no formula names a table that is not there", SLOW, () => {
  it("keeps a foreign Indicators sheet and writes a plain note in the Summary instead of counting its RAG", async () => {
    const excel = createFakeExcel();
    await addUserTable(excel, "Indicators", null);
    const foreign = JSON.stringify([...(excel.state.findSheet("Indicators")?.cells ?? [])]);

    const result = await setUpWorkbook(excel.newContext().context, await blueprint());
    expect(result.existing).toEqual(["Indicators"]);
    expect(JSON.stringify([...(excel.state.findSheet("Indicators")?.cells ?? [])])).toBe(foreign);

    const tables = new Set(excel.state.tables.map((t) => t.name.toLowerCase()));
    const summary = [...(excel.state.findSheet("Summary")?.cells.values() ?? [])];
    for (const cell of summary) {
      for (const table of referencedTables(cell.formula ?? ""))
        expect(tables.has(table.toLowerCase()), `${cell.formula} names ${table}`).toBe(true);
    }
    expect(summary.map((c) => c.value)).toContain("Indicators table not in this workbook");
    expect(summary.some((c) => c.formula?.includes("Finance["))).toBe(true);
  });
});

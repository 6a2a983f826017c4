/**
 * The pane's Check: each problem sits at the cell the reader found it in,
 * and clicking it selects that cell, even after the officer inserted rows.
 */
import { documentTemplates as templates, until } from "./pane-support.js";
import { describe, expect, it } from "vitest";
import { workbookPlan } from "../../../core/layout/blueprint.js";
import { examplePartnership } from "../../../core/example/partnership.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { createFakeExcel, type FakeExcel } from "../../../addin/preview/fake-excel/index.js";
import type { PaneHost } from "../../../addin/taskpane/host.js";
import { startPane } from "../../../addin/taskpane/pane.js";
import { testInstruments } from "../support/partnerships.js";
import { asHtml, installMiniDom, type MiniElement } from "./mini-dom.js";

/** Inserts a blank spare row into a table above data row `before` (0-based), as Excel does. */
function insertBlankRow(excel: FakeExcel, tableName: string, before: number): void {
  const table = excel.state.findTable(tableName);
  if (!table) throw new Error(`no ${tableName}`);
  const { cells } = table.sheet;
  const at = table.rect.top + 1 + before;
  for (let row = table.rect.bottom; row >= at; row--) {
    for (let column = table.rect.left; column <= table.rect.right; column++) {
      const cell = cells.get(`${row}:${column}`);
      if (cell) cells.set(`${row + 1}:${column}`, cell);
      cells.delete(`${row}:${column}`);
    }
  }
  table.rect = { ...table.rect, bottom: table.rect.bottom + 1 };
}

function blank(excel: FakeExcel, sheet: string, row: number, column: number): void {
  excel.state.sheets.find((s) => s.name === sheet)?.cells.delete(`${row}:${column}`);
}

describe("the pane's Check", { timeout: 120_000 }, () => {
  it("lists a blank signatory below a spare row at H8, as needed for a final document, and goes there", async () => {
    const instruments = await testInstruments();
    const excel = createFakeExcel();
    await setUpWorkbook(
      excel.newContext().context,
      workbookPlan(examplePartnership(instruments), instruments),
    );
    insertBlankRow(excel, "Partners", 2);
    blank(excel, "Partners", 8, 8); // partner 3's signatory, now on row 8, column H
    const host: PaneHost = { kind: "preview", run: (work) => excel.run(work) };
    const root: MiniElement = installMiniDom();
    startPane(asHtml(root), host, { instruments, instrumentProblems: [], templates: templates() });

    root.querySelectorAll('[id="tab-check"]')[0]?.click();
    root
      .querySelectorAll('[id="section-check"]')[0]
      ?.querySelectorAll("button")
      .find((b) => b.textContent === "Check workbook")
      ?.click();
    const problems = () => root.querySelectorAll('[data-testid="problems"]')[0];
    await until(() => problems() !== undefined);
    const signatory = problems()
      ?.querySelectorAll("button")
      .find((b) => (b.textContent ?? "").includes("Signatory of"));
    expect(signatory?.textContent).toMatch(
      /^WarningPartners!H8 Signatory of .+ is blank: needed for a final document\./,
    );
    expect(root.querySelectorAll('[data-testid="final-ready"]')[0]?.textContent).toMatch(
      /A final agreement needs 2 more value\(s\)/,
    );
    // Performance over time: Red twice running among the warnings, SPC in the summary.
    expect(
      problems()
        ?.querySelectorAll("button")
        .some((b) => (b.textContent ?? "").includes("I26 has been Red in two consecutive periods")),
    ).toBe(true);
    expect(
      root.querySelectorAll('[data-testid="over-time"]').map((p) => p.textContent),
    ).toContainEqual(expect.stringMatching(/^Statistical process control, 4 indicator\(s\)/));
    signatory?.click();
    await until(() => excel.state.selection !== null);
    expect(excel.state.selection).toEqual({ sheet: "Partners", address: "H8" });
  });
});

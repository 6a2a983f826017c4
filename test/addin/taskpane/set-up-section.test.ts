/**
 * The Set up section says what it found before anything is written: a table
 * of the officer's that takes one of our names, and a sheet of ours that is
 * there without its table.
 */
import { describe, expect, it } from "vitest";
import { startPane } from "../../../addin/taskpane/pane.js";
import { createFakeExcel, type FakeExcel } from "../../../addin/preview/fake-excel/index.js";
import { testInstruments } from "../support/partnerships.js";
import { addUserTable, workbookSnapshot } from "../excel/workbook-snapshot.js";
import { asHtml, installMiniDom, type MiniElement } from "./mini-dom.js";

async function paneOn(excel: FakeExcel): Promise<MiniElement> {
  const root = installMiniDom();
  startPane(
    asHtml(root),
    { kind: "preview", run: (work) => excel.run(work) },
    { instruments: await testInstruments(), instrumentProblems: [], templates: {} },
  );
  return root;
}

const text = (root: MiniElement, testId: string) =>
  root.querySelectorAll(`[data-testid="${testId}"]`)[0]?.textContent ?? "";

function click(root: MiniElement, label: string): void {
  const button = root.querySelectorAll("button").find((b) => b.textContent.startsWith(label));
  if (!button) throw new Error(`no button "${label}"`);
  button.click();
}

async function settled(root: MiniElement, busy: string): Promise<string> {
  for (let i = 0; i < 2000 && text(root, "status") === busy; i++)
    await new Promise((r) => setTimeout(r, 5));
  return text(root, "status");
}

// Each test builds a workbook in the fake Excel: seconds on a busy machine.
describe("the Set up section", { timeout: 60_000 }, () => {
  it("names a clashing table when it looks at the workbook, and adding then changes nothing", async () => {
    const excel = createFakeExcel();
    await addUserTable(excel, "Budget", "Finance");
    const before = workbookSnapshot(excel);
    const root = await paneOn(excel);

    click(root, "Look at this workbook");
    expect(await settled(root, "Looking at the workbook…")).toContain(
      "A table called Finance already exists on sheet 'Budget'.",
    );
    click(root, "Add");
    expect(await settled(root, "Adding sheets…")).toMatch(
      /^A table called Finance already exists on sheet 'Budget'\. Rename it/,
    );
    expect(workbookSnapshot(excel)).toBe(before);
  });

  it("heads a blank workbook's period columns with the periods chosen, and refuses undatable ones", async () => {
    const excel = createFakeExcel();
    const root = await paneOn(excel);
    const field = (id: string) => {
      const found = root.querySelector(`[id="${id}"]`);
      if (!found) throw new Error(`no field ${id}`);
      return found;
    };
    field("setup-period-length").value = "month";
    field("setup-period-start").value = "2025-05-15";
    field("setup-period-count").value = "24";
    click(root, "Add");
    expect(await settled(root, "Adding sheets…")).toContain(
      "Reporting periods: Periods must start",
    );
    field("setup-period-start").value = "2025-04-01";
    click(root, "Add");
    await settled(root, "Adding sheets…");
    const snapshot = workbookSnapshot(excel);
    for (const label of ["Apr 2025", "Mar 2026", "Mar 2027"]) expect(snapshot).toContain(label);
    expect(snapshot).not.toContain("Apr 2027");
  });

  it("says when a sheet of ours is there without its table", async () => {
    const excel = createFakeExcel();
    await addUserTable(excel, "Indicators", null);
    const root = await paneOn(excel);
    click(root, "Look at this workbook");
    await settled(root, "Looking at the workbook…");
    expect(text(root, "setup-report")).toContain(
      "Indicators: a sheet of this name is here without the partnership's table",
    );
  });
});

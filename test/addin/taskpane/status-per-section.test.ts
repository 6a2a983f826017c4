/**
 * Each section of the pane has its own status line: a message from Set up
 * does not follow the officer into Check, and comes back with Set up. Work
 * runs in one section at a time.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { startPane } from "../../../addin/taskpane/pane.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import type { PaneHost } from "../../../addin/taskpane/host.js";
import { testInstruments } from "../support/partnerships.js";
import { asHtml, installMiniDom, type MiniElement } from "./mini-dom.js";

let root: MiniElement;

async function openPane(): Promise<void> {
  const excel = createFakeExcel();
  const host: PaneHost = { kind: "preview", run: (work) => excel.run(work) };
  root = installMiniDom();
  startPane(asHtml(root), host, {
    instruments: await testInstruments(),
    instrumentProblems: [],
    templates: {},
  });
}

/** The status lines in the pane: there must be exactly one, the open section's. */
function statusLine(): string {
  const lines = root.querySelectorAll('[data-testid="status"]');
  expect(lines).toHaveLength(1);
  return lines[0]?.textContent ?? "";
}

function button(scope: string, text: string): MiniElement {
  const found = root
    .querySelectorAll(`[id="${scope}"]`)[0]
    ?.querySelectorAll("button")
    .find((b) => b.textContent === text);
  if (!found) throw new Error(`no button "${text}" in #${scope}`);
  return found;
}

function openTab(id: string): void {
  root.querySelectorAll(`[id="tab-${id}"]`)[0]?.click();
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition(), statusLine()).toBe(true);
}

// Each test builds a workbook in the fake Excel: seconds on a busy machine.
describe("the pane's status lines", { timeout: 60_000 }, () => {
  beforeEach(openPane);

  it("keeps a Set up message in Set up: Check opens with its own, empty line", async () => {
    button("section-setup", "Look at this workbook").click();
    await until(() => statusLine().includes("can be added"));

    openTab("check");
    expect(statusLine()).toBe("");
    openTab("setup");
    expect(statusLine()).toContain("can be added");
  });

  it("runs one piece of work at a time, and says so in the section that has to wait", async () => {
    button("section-setup", "Add missing sheets").click();
    openTab("check");
    button("section-check", "Check workbook").click();
    expect(statusLine()).toBe(
      "Another task is still running (Adding sheets…). Try again when it has finished.",
    );
    openTab("setup");
    await until(() => statusLine().startsWith("Added"));
    openTab("check");
    button("section-check", "Check workbook").click();
    expect(statusLine()).toBe("Checking…");
    await until(() => statusLine() !== "Checking…");
    expect(statusLine()).not.toMatch(/^Another task/);
  }, 60_000);
});

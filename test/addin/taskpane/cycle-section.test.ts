/**
 * The pane's Assessment rounds section: returned files picked in the pane are
 * collected into the open workbook, and Close round keeps the scores in the
 * history, by the same core code as the command line.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { readWorkbookCells } from "../../../addin/excel/read-workbook.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import type { PaneHost } from "../../../addin/taskpane/host.js";
import { startPane } from "../../../addin/taskpane/pane.js";
import { returnWorkbookBytes } from "../../../adapters/exceljs/return-write.js";
import { RETURN_GRID, returnForm } from "../../../core/cycle/return-form.js";
import type { GridInstrument } from "../../../core/instruments/types.js";
import { workbookPlan } from "../../../core/layout/blueprint.js";
import { readPartnership } from "../../../core/read/reader.js";
import { cycleInstruments } from "../../generator/cycle/support.js";
import { smallPartnership } from "../../support/small-partnership.js";
import { asHtml, installMiniDom, type MiniElement } from "./mini-dom.js";

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 6000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

/** A partner's return, filled with `score` on every statement, as the file picker hands it over. */
async function filled(partner: string, score: number, grids: GridInstrument[]) {
  const form = returnForm(
    "Eastbrook Older People's Partnership",
    partner,
    "2026 review",
    false,
    grids,
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await returnWorkbookBytes(form)) as unknown as ArrayBuffer);
  for (const grid of grids) {
    const sheet = workbook.getWorksheet(grid.sheet);
    const count = grid.sections.flatMap((s) => s.statements).length;
    for (let i = 0; i < count; i++)
      sheet!.getCell(RETURN_GRID.firstRow + i, RETURN_GRID.score).value = score;
  }
  const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return {
    name: `${partner}.xlsx`,
    arrayBuffer: async () =>
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  };
}

describe("the pane's Assessment rounds", { timeout: 120_000 }, () => {
  it("collects picked returns into the open workbook, then closes the round", async () => {
    const instruments = await cycleInstruments();
    const grids = instruments as GridInstrument[];
    const excel = createFakeExcel();
    const partnership = smallPartnership();
    partnership.assessments = [];
    await setUpWorkbook(excel.newContext().context, workbookPlan(partnership, instruments));
    const host: PaneHost = { kind: "preview", run: (work) => excel.run(work) };
    const root: MiniElement = installMiniDom();
    startPane(asHtml(root), host, { instruments, instrumentProblems: [], templates: {} });
    root.querySelectorAll('[id="tab-cycle"]')[0]?.click();
    const section = root.querySelectorAll('[id="section-cycle"]')[0];
    const picker = section?.querySelectorAll('[data-testid="cycle-files"]')[0] as unknown as {
      files: unknown[];
    };
    picker.files = [await filled("EC", 2, grids), await filled("Carers", 3, grids)];
    const output = () =>
      section?.querySelectorAll('[data-testid="cycle-output"]')[0]?.textContent ?? "";
    section?.querySelectorAll('[data-testid="cycle-collect"]')[0]?.click();
    await until(() => output().includes("partners have returned"));
    expect(output()).toContain("2 of 2 partners have returned");
    const read = async () =>
      readPartnership(await excel.run((context) => readWorkbookCells(context)), instruments)
        .partnership;
    await until(() => root.textContent.includes("Collected 2 returns"));
    const collected = await read();
    expect(collected.assessments[0]?.items[0]?.scores).toEqual({ EC: 2, Carers: 3 });
    expect(collected.currentRound).toBe("2026 review");

    section?.querySelectorAll('[data-testid="cycle-close"]')[0]?.click();
    await until(() => root.textContent.includes('Closed "2026 review"'));
    const closed = await read();
    expect(closed.currentRound).toBe("");
    expect(closed.assessments[0]?.items[0]?.scores).toEqual({ EC: null, Carers: null });
    const statements = grids.reduce(
      (n, g) => n + g.sections.flatMap((s) => s.statements).length,
      0,
    );
    expect(closed.assessmentHistory?.length).toBe(2 * statements);
    expect(closed.assessmentRounds?.[0]?.closed).not.toBeNull();
  });
});

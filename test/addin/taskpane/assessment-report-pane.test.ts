/**
 * The pane offers the board's assessment report beside the other documents,
 * built by the same core code as `partnership report assessment`.
 */
import { documentTemplates as templates, until } from "./pane-support.js";
import { describe, expect, it } from "vitest";
import { workbookPlan } from "../../../core/layout/blueprint.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import type { PaneHost } from "../../../addin/taskpane/host.js";
import { startPane } from "../../../addin/taskpane/pane.js";
import { cyclePartnership, TRUST } from "../../core/measures/assessment-fixture.js";
import { asHtml, installMiniDom, type MiniElement } from "./mini-dom.js";

describe("the pane's Documents", { timeout: 120_000 }, () => {
  it("writes the assessment report when it is chosen", async () => {
    const excel = createFakeExcel();
    const partnership = cyclePartnership();
    partnership.details.name = "Trust test";
    await setUpWorkbook(excel.newContext().context, workbookPlan(partnership, [TRUST]));
    const host: PaneHost = { kind: "preview", run: (work) => excel.run(work) };
    const root: MiniElement = installMiniDom();
    startPane(asHtml(root), host, {
      instruments: [TRUST],
      instrumentProblems: [],
      templates: templates(),
    });
    const section = root.querySelectorAll('[id="section-documents"]')[0];
    const select = section?.querySelectorAll('[id="doc-kind"]')[0];
    expect(select?.querySelectorAll("option").map((o) => o.value)).toContain("assessment-report");
    select!.value = "assessment-report";
    section?.querySelectorAll('[data-testid="doc-build"]')[0]?.click();
    const output = () => section?.querySelectorAll('[data-testid="doc-output"]')[0];
    await until(() => (output()?.textContent ?? "").includes("is ready"));
    expect(output()?.textContent).toContain("Assessment report (draft) is ready.");
    // The gap it lists is the report's own: the workbook has no document date.
    expect(output()?.textContent).toMatch(/Document date/);
  });
});

/**
 * The pane's "Compare with last year's…": the earlier .docx comes in through
 * a file picker and the agreement is offered as tracked changes against it,
 * with the clauses and schedules that changed listed (issue 10).
 */
import { documentTemplates as templates, until } from "./pane-support.js";
import { describe, expect, it } from "vitest";
import { buildDocument } from "../../../core/document/index.js";
import { workbookPlan } from "../../../core/layout/blueprint.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import type { PaneHost } from "../../../addin/taskpane/host.js";
import { startPane } from "../../../addin/taskpane/pane.js";
import { monthlyPartnership } from "../../support/monthly-partnership.js";
import { asHtml, installMiniDom, type MiniElement } from "./mini-dom.js";

async function pane(earlierBytes: Uint8Array) {
  const excel = createFakeExcel();
  await setUpWorkbook(excel.newContext().context, workbookPlan(monthlyPartnership(), []));
  const host: PaneHost = { kind: "preview", run: (work) => excel.run(work) };
  const root: MiniElement = installMiniDom();
  startPane(asHtml(root), host, {
    instruments: [],
    instrumentProblems: [],
    templates: templates(),
  });
  const section = root.querySelectorAll('[id="section-documents"]')[0];
  section!.querySelectorAll('[id="doc-kind"]')[0]!.value = "agreement";
  const picker = section?.querySelectorAll('[data-testid="doc-earlier"]')[0] as unknown as {
    files: unknown[];
  };
  picker.files = [
    {
      name: "agreement-2025.docx",
      arrayBuffer: async () =>
        earlierBytes.buffer.slice(
          earlierBytes.byteOffset,
          earlierBytes.byteOffset + earlierBytes.byteLength,
        ),
    },
  ];
  section?.querySelectorAll('[data-testid="doc-compare"]')[0]?.click();
  return {
    root,
    output: () => section?.querySelectorAll('[data-testid="doc-output"]')[0]?.textContent ?? "",
  };
}

describe("the pane's Compare with last year's", { timeout: 120_000 }, () => {
  it("offers the agreement as tracked changes against the picked file, listing what changed", async () => {
    const lastYear = monthlyPartnership();
    lastYear.details.name = `${lastYear.details.name} (2025)`;
    const built = await buildDocument({
      kind: "agreement",
      partnership: lastYear,
      workbookProblems: [],
      templates: templates(),
      mode: "draft",
      notes: true,
    });
    const { output } = await pane(built.bytes!);
    await until(() => output().includes("is ready"));
    expect(output()).toContain(
      "Partnership agreement (draft) is ready, as tracked changes against agreement-2025.docx.",
    );
    expect(output()).toContain("Changed since last year");
    expect(output()).toContain("The title page and background: changed");
    expect(output()).toMatch(/Download .*-agreement-draft-redline\.docx/);
  });

  it("says plainly when the picked file was not made by this tool", async () => {
    const { root } = await pane(new Uint8Array([80, 75, 5, 6, ...new Array<number>(18).fill(0)]));
    await until(() => root.textContent.includes("carries no record from Partnership Workbench"));
  });
});

/**
 * The SPC sheet's XmR charts through Office.js: the same charts as the
 * command line's, with the limits dashed and unmarked, the mean a plain line
 * and special cause as markers alone; the preview's chart operations read
 * those looks back.
 */
import { describe, expect, it } from "vitest";
import type { AddChart } from "../../../core/chart/operation.js";
import { workbookPlan } from "../../../core/layout/blueprint.js";
import { SPC_SHEET } from "../../../core/layout/tables/spc.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { chartOperation } from "../../../addin/preview/fake-excel/chart-operations.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import { monthlyPartnership } from "../../support/monthly-partnership.js";

describe("XmR charts through Office.js", () => {
  it("adds each SPC chart with its series styled as the operation says", async () => {
    const plan = workbookPlan(monthlyPartnership(), []);
    const excel = createFakeExcel({ sheets: [] });
    await setUpWorkbook(excel.newContext().context, plan);
    const wanted = plan
      .flatMap((p) => p.operations)
      .filter((op): op is AddChart => op.kind === "addChart" && op.sheet === SPC_SHEET);
    const charts = excel.state.findSheet(SPC_SHEET)?.charts ?? [];
    expect(charts.map((c) => c.name)).toEqual(wanted.map((c) => c.name));
    const k1 = charts[0]!;
    const look = (name: string) => k1.series.find((s) => s.name === name);
    expect(look("Upper process limit")).toMatchObject({ markerStyle: "None", lineStyle: "Dash" });
    expect(look("Mean")?.markerStyle).toBe("None");
    expect(look("Mean")?.lineStyle).toBeUndefined();
    expect(look("Special cause")?.lineStyle).toBe("None");
    expect(look("Value")).toMatchObject({ markerStyle: "Circle" });
    // Read back for the preview's download, each chart is the operation it came from.
    for (const [i, chart] of charts.entries()) {
      const op = wanted[i]!;
      expect(chartOperation(SPC_SHEET, chart)?.series.map((s) => s.style)).toEqual(
        op.series.map((s) => s.style),
      );
    }
  }, 60_000);
});

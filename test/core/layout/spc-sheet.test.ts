import { describe, expect, it } from "vitest";
import type { AddChart } from "../../../core/chart/operation.js";
import { workbookPlan } from "../../../core/layout/blueprint.js";
import type { Operation, WriteBlock } from "../../../core/layout/operations.js";
import {
  SPC_CHART_LIMIT,
  SPC_SHEET,
  SPC_TABLE,
  spcSheet,
} from "../../../core/layout/tables/spc.js";
import { spc } from "../../../core/measures/spc.js";
import { smallPartnership } from "../../support/small-partnership.js";
import { monthlyPartnership } from "../../support/monthly-partnership.js";

function charts(ops: Operation[]): AddChart[] {
  return ops.filter((op): op is AddChart => op.kind === "addChart");
}

function table(ops: Operation[]): (string | number | boolean | null | object)[][] {
  const block = ops.find((op): op is WriteBlock => op.kind === "writeBlock" && op.address === "A4");
  return block?.cells ?? [];
}

describe("the SPC sheet", () => {
  it("charts each indicator with twelve values or more, and none with fewer", () => {
    const ops = spcSheet(monthlyPartnership());
    // K3 has four values: no SPC, no chart.
    expect(charts(ops).map((c) => c.name)).toEqual(["XmR K1", "XmR K2", "XmR K4"]);
    expect(charts(ops).every((c) => c.sheet === SPC_SHEET && c.type === "line")).toBe(true);
  });

  it("writes the points each chart plots as a table, with the mean, limits and special cause of check's SPC", () => {
    const p = monthlyPartnership();
    const ops = spcSheet(p);
    const rows = table(ops);
    expect(rows[0]).toEqual([
      "Indicator",
      "Period",
      "Value",
      "Mean",
      "Lower process limit",
      "Upper process limit",
      "Target",
      "Special cause",
    ]);
    const k4 = p.indicators.find((i) => i.id === "K4")!;
    const result = spc({
      values: k4.values,
      periods: p.periods,
      polarity: k4.polarity,
      target: k4.target,
    })!;
    const k4Rows = rows.filter((r) => r[0] === "K4");
    expect(k4Rows).toHaveLength(24);
    expect(k4Rows[23]).toEqual([
      "K4",
      "Dec 2026",
      44,
      result.mean,
      result.lower,
      result.upper,
      40,
      44,
    ]);
    // A point that is not special cause leaves the special-cause column blank.
    expect(k4Rows[0]?.[7]).toBeNull();
    expect(ops).toContainEqual(
      expect.objectContaining({ kind: "addTable", name: SPC_TABLE, range: "A4:H76" }),
    );
  });

  it("points each chart's series at its own rows of the table, with a look per series", () => {
    const [k1, k2] = charts(spcSheet(monthlyPartnership()));
    expect(k1?.categories).toBe("B5:B28");
    expect(k2?.categories).toBe("B29:B52");
    expect(k2?.series.map((s) => [s.name, s.nameCell, s.values, s.style ?? "line"])).toEqual([
      ["Value", "C4", "C29:C52", "line"],
      ["Mean", "D4", "D29:D52", "plain"],
      ["Lower process limit", "E4", "E29:E52", "dashed"],
      ["Upper process limit", "F4", "F29:F52", "dashed"],
      ["Target", "G4", "G29:G52", "plain"],
      ["Special cause", "H4", "H29:H52", "markers"],
    ]);
    // Charts stack down the sheet beside the table, never overlapping.
    expect(k1?.anchor).toEqual({ from: "J4", to: "R21" });
    expect(k2?.anchor).toEqual({ from: "J23", to: "R40" });
  });

  it("shows a percentage indicator's figures as percentages", () => {
    const ops = spcSheet(monthlyPartnership());
    expect(ops).toContainEqual({
      kind: "numberFormat",
      sheet: SPC_SHEET,
      range: "C29:H52",
      format: "0.0%",
    });
  });

  it("leaves a chart without a target line when the indicator has no target", () => {
    const p = monthlyPartnership();
    p.indicators[0]!.target = null;
    const [k1] = charts(spcSheet(p));
    expect(k1?.series.map((s) => s.name)).not.toContain("Target");
  });

  it("is left out of a workbook where no indicator has twelve values", () => {
    expect(spcSheet(smallPartnership())).toEqual([]);
    const sheets = (p: ReturnType<typeof smallPartnership>) =>
      workbookPlan(p, []).map((plan) => plan.sheet);
    expect(sheets(smallPartnership())).not.toContain(SPC_SHEET);
    expect(sheets(monthlyPartnership())).toContain(SPC_SHEET);
  });

  it("charts the first hundred indicators with SPC and says the others are in check and the report", () => {
    const p = monthlyPartnership();
    const [k1] = p.indicators;
    p.indicators = Array.from({ length: SPC_CHART_LIMIT + 5 }, (_, i) => ({
      ...k1!,
      id: `S${i + 1}`,
    }));
    const ops = spcSheet(p);
    const drawn = charts(ops);
    expect(drawn).toHaveLength(SPC_CHART_LIMIT);
    expect(drawn.at(-1)?.name).toBe(`XmR S${SPC_CHART_LIMIT}`);
    const plotted = new Set(
      table(ops)
        .slice(1)
        .map((row) => row[0]),
    );
    expect(plotted.has(`S${SPC_CHART_LIMIT}`)).toBe(true);
    expect(plotted.has(`S${SPC_CHART_LIMIT + 1}`)).toBe(false);
    const text = JSON.stringify(ops);
    expect(text).toContain(`The first ${SPC_CHART_LIMIT} indicators`);
    expect(text).toContain(`of the ${SPC_CHART_LIMIT + 5} with at least 12 values`);
    expect(text).toContain("partnership check and the performance report give their SPC");
  });

  it("places every chart after the cells it plots", () => {
    const ops = spcSheet(monthlyPartnership());
    const firstChart = ops.findIndex((op) => op.kind === "addChart");
    expect(ops.slice(firstChart).every((op) => op.kind === "addChart")).toBe(true);
  });
});

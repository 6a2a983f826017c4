import { describe, expect, it } from "vitest";
import { xmrChartSpec, xmrColumns, xmrData } from "../../../core/chart/xmr.js";
import { spcSheet } from "../../../core/layout/tables/spc.js";
import type { WriteBlock } from "../../../core/layout/operations.js";
import { indicatorsOverTime } from "../../../core/measures/over-time.js";
import type { Indicator, Partnership } from "../../../core/model/types.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { readPartnership } from "../../../core/read/reader.js";
import { checkOverTime } from "../../../core/use-cases/check-over-time.js";
import { cellsFromOperations } from "../../support/cells-from-operations.js";
import { MONTHLY_PERIODS } from "../../support/monthly-partnership.js";
import { miniGrid, miniLedger, smallPartnership } from "../../support/small-partnership.js";

// An indicator's own SPC settings reach every place SPC is shown: the
// stamped columns, the SPC sheet's table and chart, the report's chart and
// check --json, all judging the same segments.

const alternate = (a: number, b: number, count: number) =>
  Array.from({ length: count }, (_, i) => (i % 2 === 0 ? a : b));

/** K1: 12 values around 10 (9, 11), then 12 around 20 (19, 21); Jan 2026 is the 13th month. */
function stepped(settings: Partial<Indicator>): Partnership {
  const p = smallPartnership();
  p.periods = [...MONTHLY_PERIODS];
  p.indicators = [
    {
      ...p.indicators[0]!,
      polarity: "Higher is better",
      target: 25,
      values: [...alternate(9, 11, 12), ...alternate(19, 21, 12)],
      ...settings,
    },
  ];
  return p;
}
const LOWER_1 = 10 - 2.66 * 2;
const LOWER_2 = 20 - 2.66 * 2;

describe("SPC settings everywhere SPC is shown", () => {
  it("the chart's mean and limits step at the rebase", () => {
    const p = stepped({ spcRebaseAt: "Jan 2026" });
    const data = xmrData(p.indicators[0]!, p.periods)!;
    const columns = xmrColumns(data);
    expect(columns.mean).toEqual([...Array(12).fill(10), ...Array(12).fill(20)]);
    expect(columns.lower).toEqual([...Array(12).fill(LOWER_1), ...Array(12).fill(LOWER_2)]);
    expect(columns.special).toEqual(Array(24).fill(null));
    const report = xmrChartSpec(data);
    expect(report.series.find((s) => s.name === "Mean")?.values.slice(11, 13)).toEqual([10, 20]);
  });

  it("the SPC sheet's table carries each point's own limits", () => {
    const p = stepped({ spcRebaseAt: "Jan 2026" });
    const block = spcSheet(p).find(
      (op): op is WriteBlock => op.kind === "writeBlock" && op.address === "A4",
    );
    const means = (block?.cells ?? []).slice(1).map((row) => row[3]);
    expect(means).toEqual([...Array(12).fill(10), ...Array(12).fill(20)]);
  });

  it("check --json's spc is the latest segment's, as the stamped Variation", () => {
    const p = stepped({ spcRebaseAt: "Jan 2026" });
    const read = readPartnership(cellsFromOperations(buildOperations(p, [miniGrid, miniLedger])), [
      miniGrid,
      miniLedger,
    ]);
    expect(read.partnership.indicators[0]?.spcRebaseAt).toBe("Jan 2026");
    const spc = checkOverTime(read, "2027-01-31").indicators[0]?.spc;
    expect(spc).toMatchObject({ mean: 20, lower: LOWER_2, upper: 20 + 2.66 * 2 });
    expect(spc?.variation).toBe("common");
    // Target 25 is inside the later limits (14.68 … 25.32): inconsistent.
    expect(spc?.assurance).toBe("inconsistent");
    // Without the rebase the step is one process with two shifts.
    expect(indicatorsOverTime(stepped({}), "2027-01-31")[0]?.spc?.mean).toBe(15);
  });

  it("a baseline of 12 reaches the over-time judgement: the later level is a shift above the old limits", () => {
    const judged = indicatorsOverTime(stepped({ spcBaselinePoints: 12 }), "2027-01-31")[0];
    expect(judged?.spc?.mean).toBe(10);
    // Every later point (19, 21) is beyond the old upper limit 15.32.
    expect(judged?.spc?.special.slice(12)).toEqual(Array(12).fill(true));
    expect(judged?.spc?.variation).toBe("improvement");
    expect(judged?.spc?.assurance).toBe("fail");
  });

  it("no SPC while the segment after a rebase has fewer than 12 values", () => {
    const p = stepped({ spcRebaseAt: "Jun 2026" });
    expect(xmrData(p.indicators[0]!, p.periods)).toBeNull();
    expect(indicatorsOverTime(p, "2027-01-31")[0]?.spc).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import type { ChartSpec } from "../../../core/chart/types.js";
import { DOCUMENT_CHARTS, documentChart } from "../../../core/document/charts.js";
import { instrumentResult, summarise } from "../../../core/measures/index.js";
import { example } from "./fixtures.js";
import { exampleInstruments } from "../../support/example.js";
import { miniGrid, miniLedger, smallPartnership } from "../../support/small-partnership.js";

/** The charts templates can name, computed from the partnership only when a document asks. */

function spec(result: ChartSpec | { error: string }): ChartSpec {
  if ("error" in result) throw new Error(result.error);
  return result;
}

const sum = (values: readonly (number | null)[]) =>
  values.reduce<number>((a, v) => a + (v ?? 0), 0);

describe("document charts", () => {
  it("counts the example's indicators by objective and RAG, agreeing with the summary", async () => {
    const partnership = await example();
    const instruments = await exampleInstruments();
    const chart = spec(documentChart("ragByObjective", "", { partnership, instruments }));
    expect(chart.type).toBe("stackedBar");
    expect(chart.categories).toEqual(partnership.objectives.map((o) => o.id));
    expect(chart.title).toBe(
      `Indicators by objective and RAG status, ${partnership.periods.at(-1) ?? ""}`,
    );
    const summary = summarise(partnership, instruments);
    const byStatus = Object.fromEntries(chart.series.map((s) => [s.name, sum(s.values)]));
    const expected = Object.fromEntries(
      Object.entries(summary.rag).filter(([, count]) => count > 0),
    );
    expect(byStatus).toEqual(expected);
    expect(chart.series.find((s) => s.name === "Red")?.color).toBe("#C00000");
  });

  it("keeps indicators under an objective the Objectives table lacks, and drops empty statuses", () => {
    const partnership = smallPartnership();
    partnership.indicators.push({ ...partnership.indicators[0]!, id: "K2", objectiveId: "O9" });
    // IDs match without regard to case, as the Summary sheet's COUNTIFS does.
    partnership.indicators.push({ ...partnership.indicators[0]!, id: "K3", objectiveId: "o1" });
    const chart = spec(documentChart("ragByObjective", "", { partnership, instruments: [] }));
    expect(chart.categories).toEqual(["O1", "O9"]);
    // K1, K2 and K3: latest 9.5 against 9, lower is better, 10% tolerance: Amber.
    expect(chart.series).toEqual([{ name: "Amber", values: [2, 1], color: "#FFC000" }]);
  });

  it("puts every instrument's mean on one 0–100 scale", async () => {
    const partnership = smallPartnership();
    const chart = spec(
      documentChart("instrumentScores", "", {
        partnership,
        instruments: [miniGrid, miniLedger],
      }),
    );
    // EC 3 and Carers 1 on a 1–4 scale: mean 2, a third of the way up.
    expect(chart.categories).toEqual(["Mini check"]);
    expect(chart.series[0]?.values).toEqual([33.3]);
    expect(chart.valueAxis).toEqual({ min: 0, max: 100, majorUnit: 20 });

    const northvale = await example();
    const shipped = await exampleInstruments();
    const all = spec(
      documentChart("instrumentScores", "", { partnership: northvale, instruments: shipped }),
    );
    const grids = shipped.filter((i) => i.kind === "grid");
    expect(all.categories).toEqual(grids.map((g) => g.title));
    for (const value of all.series[0]?.values ?? []) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(100);
    }
    const first = grids[0]!;
    const mean = instrumentResult(
      first,
      northvale.assessments.find((a) => a.instrumentId === first.id),
      northvale.partners.map((p) => p.shortName),
    ).overallMean!;
    expect(all.series[0]?.values[0]).toBeCloseTo(
      ((mean - first.scale.min) / (first.scale.max - first.scale.min)) * 100,
      1,
    );
  });

  it("charts one indicator's trend against its target, percentages as percentages", async () => {
    const partnership = await example();
    const percent = partnership.indicators.find((i) => i.unit.trim() === "%" && i.target !== null);
    if (!percent) throw new Error("the example should have a % indicator");
    const chart = spec(
      documentChart("indicatorTrend", percent.id, { partnership, instruments: [] }),
    );
    expect(chart.type).toBe("line");
    expect(chart.categories).toEqual(partnership.periods);
    expect(chart.series.map((s) => s.name)).toEqual([percent.id, "Target"]);
    const first = percent.values.findIndex((v) => v !== null);
    expect(chart.series[0]?.values[first]).toBeCloseTo((percent.values[first] ?? 0) * 100, 6);
    expect(chart.series[1]?.values[0]).toBeCloseTo((percent.target ?? 0) * 100, 6);
  });

  it("says plainly what is wrong with a chart request", () => {
    const source = { partnership: smallPartnership(), instruments: [] };
    expect(documentChart("ragByObjectve", "", source)).toEqual({
      error: `Chart "ragByObjectve" is not a chart the documents know; use one of ${Object.keys(DOCUMENT_CHARTS).join(", ")}`,
    });
    expect(documentChart("ragByObjective", "O1", source)).toEqual({
      error: 'Chart "ragByObjective" takes no argument, got "O1"',
    });
    expect(documentChart("indicatorTrend", "K9", source)).toEqual({
      error: 'Chart "indicatorTrend": no indicator has the ID "K9"',
    });
    expect(documentChart("indicatorTrend", "", source)).toEqual({
      error:
        'Chart "indicatorTrend": no indicator ID given: write one after the name, as in "::: chart indicatorTrend I3"',
    });
    expect(documentChart("instrumentScores", "", source)).toEqual({
      error:
        'Chart "instrumentScores": needs the assessment instruments, and none were given to the document builder',
    });
    expect(documentChart("constructor", "", source)).toMatchObject({
      error: expect.stringContaining("is not a chart the documents know"),
    });
  });
});

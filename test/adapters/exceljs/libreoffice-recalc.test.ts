import { beforeAll, describe, expect, it } from "vitest";
import { examplePartnership } from "../../../core/example/partnership.js";
import type { GridInstrument, Instrument } from "../../../core/instruments/types.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { parseCellAddress } from "../../../core/layout/address.js";
import type { AddTable, Operation } from "../../../core/layout/operations.js";
import { SUMMARY_LAYOUT } from "../../../core/layout/tables/summary.js";
import type { AddChart } from "../../../core/chart/operation.js";
import { instrumentResult, itemStats, scoresInOrder } from "../../../core/measures/assessment.js";
import { ragCountsByObjective } from "../../../core/measures/rag-by-objective.js";
import {
  contributionShares,
  financeMeasures,
  financeRatios,
  type FinanceLineMeasures,
} from "../../../core/measures/finance.js";
import { FINANCE_COLUMNS } from "../../../core/layout/tables/finance.js";
import {
  direction,
  latestValue,
  previousValue,
  ragStatus,
} from "../../../core/measures/indicator.js";
import { latestRags } from "../../../core/measures/over-time.js";
import { smartScore } from "../../../core/measures/smart.js";
import { summarise } from "../../../core/measures/summary.js";
import type { Partnership } from "../../../core/model/types.js";
import { exampleInstruments } from "../../support/example.js";
import { libreOfficeResults } from "../../support/converted.js";
import { findSoffice, SOFFICE_MISSING } from "../../support/soffice.js";

const soffice = findSoffice();
if (!soffice) console.warn(SOFFICE_MISSING);

const ERROR_VALUE = /^(#DIV\/0!|#REF!|#VALUE!|#N\/A|#NAME\?|#NUM!|#NULL!|Err:\d+)$/;

/** LibreOffice's raw CSV still marks percentages ("12.5%") and may keep currency signs. */
function numberShown(text: string): number {
  const plain = text.replace(/[£,\s]/g, "");
  return plain.endsWith("%")
    ? Number(plain.slice(0, -1)) / 100
    : plain === ""
      ? Number.NaN
      : Number(plain);
}

/** What a formula cell should show: a number, or "" for blank. */
function expectCell(
  actual: string | undefined,
  expected: number | string | null,
  where: string,
): void {
  if (expected === null || expected === "") {
    expect(actual ?? "", where).toBe("");
  } else if (typeof expected === "number") {
    const value = numberShown(actual ?? "");
    expect(Number.isFinite(value), `${where}: "${actual}" is not a number`).toBe(true);
    expect(Math.abs(value - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      Math.abs(expected) * 1e-9 + 1e-9,
    );
  } else {
    expect(actual, where).toBe(expected);
  }
}

describe.skipIf(!soffice)(
  "LibreOffice recalculates the built workbook to what core computes",
  () => {
    let partnership: Partnership;
    let instruments: Instrument[];
    let operations: Operation[];
    let sheets: Map<string, string[][]>;

    /** The recalculated value of a table's column in its i-th data row. */
    const column = (table: string) => {
      const op = operations.find((o): o is AddTable => o.kind === "addTable" && o.name === table);
      if (!op) throw new Error(`no table ${table}`);
      const top = parseCellAddress(op.range.split(":")[0] ?? "");
      const rows = sheets.get(op.sheet);
      return (header: string, i: number): string | undefined => {
        const index = op.columns.findIndex((c) => c.name === header);
        expect(index, `${table} has ${header}`).toBeGreaterThanOrEqual(0);
        return rows?.[top.row + i]?.[top.column - 1 + index];
      };
    };

    beforeAll(async () => {
      instruments = await exampleInstruments();
      partnership = examplePartnership(instruments);
      operations = buildOperations(partnership, instruments);
      // The global set-up wrote workbookBytes(operations) and had LibreOffice recalculate it.
      const names = operations.flatMap((o) => (o.kind === "addSheet" ? [o.sheet] : []));
      sheets = (await libreOfficeResults()).exampleSheets(names);
      expect([...sheets.keys()]).toEqual(names);
    }, 240_000);

    it("leaves no error value in any cell of any sheet", () => {
      for (const [sheet, rows] of sheets) {
        rows.forEach((row, r) =>
          row.forEach((cell, c) =>
            expect(ERROR_VALUE.test(cell), `${sheet} row ${r + 1} column ${c + 1}: ${cell}`).toBe(
              false,
            ),
          ),
        );
      }
    });

    it("Indicators: Latest, Previous, RAG (against the period's Expected value) and Direction", () => {
      const cell = column("Indicators");
      // RAG judges the latest value against its period's trajectory (issue 9), as core's latestRags.
      const rags = latestRags(partnership);
      partnership.indicators.forEach((indicator, i) => {
        const where = `Indicators ${indicator.id}`;
        expectCell(cell("Latest", i), latestValue(indicator.values), `${where} Latest`);
        expectCell(cell("Previous", i), previousValue(indicator.values), `${where} Previous`);
        expectCell(cell("RAG", i), rags[i] ?? "", `${where} RAG`);
        expectCell(cell("Direction", i), direction(indicator), `${where} Direction`);
      });
      expect([...new Set(rags)].sort()).toEqual(["Amber", "Green", "No data", "Red"]);
      // Trajectories matter: some indicator's RAG differs from its latest value against the final target.
      expect(partnership.indicators.some((indicator, i) => ragStatus(indicator) !== rags[i])).toBe(
        true,
      );
    });

    it("Finance: every formula column, including the same-measure totals", () => {
      const cell = column("Finance");
      const measures = financeMeasures(partnership.finance);
      const expected: Record<string, (m: FinanceLineMeasures) => number | null> = {
        "Forecast variance (£)": (m) => m.ratios.variance,
        "Forecast variance (%)": (m) => m.ratios.variancePercent,
        "Unit cost (£ per output)": (m) => m.ratios.unitCost,
        "Economy (% vs benchmark)": (m) => m.ratios.economy,
        "Efficiency (outputs per £1,000)": (m) => m.ratios.efficiency,
        "Same-output efficiency (per £1,000)": (m) => m.outputUnitEfficiency,
        "Effectiveness (%)": (m) => m.ratios.effectiveness,
        "Same-outcome effectiveness (%)": (m) => m.outcomeUnitEffectiveness,
        "Cost per outcome (£)": (m) => m.ratios.costPerOutcome,
      };
      const formulaHeaders = FINANCE_COLUMNS.filter((c) => c.kind === "formula").map(
        (c) => c.header,
      );
      expect(Object.keys(expected).sort()).toEqual([...formulaHeaders].sort());
      measures.lines.forEach((m, i) => {
        for (const [header, value] of Object.entries(expected))
          expectCell(cell(header, i), value(m), `Finance ${m.line.serviceLine} ${header}`);
      });
      // The example exercises blanks and the same-measure totals, not only numbers.
      expect(measures.lines.some((m) => m.ratios.unitCost === null)).toBe(true);
      expect(measures.lines.some((m) => m.ratios.variance === null)).toBe(true);
      expect(measures.lines.some((m) => m.ratios.economy !== null && m.ratios.economy > 0)).toBe(
        true,
      );
      expect(measures.lines.filter((m) => m.outputUnitEfficiency !== null)).toHaveLength(2);
      expect(measures.lines.filter((m) => m.outcomeUnitEffectiveness !== null)).toHaveLength(2);
    });

    it("Partners' shares of the pooled fund and Objectives' SMART scores", () => {
      const partnerCell = column("Partners");
      contributionShares(partnership.partners).forEach((share, i) =>
        expectCell(
          partnerCell("Share of pooled fund", i),
          share,
          `share of ${partnership.partners[i]?.shortName}`,
        ),
      );
      const objectiveCell = column("Objectives");
      partnership.objectives.forEach((o, i) =>
        expectCell(objectiveCell("SMART score", i), smartScore(o.smart), `SMART ${o.id}`),
      );
    });

    it("every assessment grid's Mean, Min, Max, Spread, Verdict and Agreement", () => {
      const shortNames = partnership.partners.map((p) => p.shortName);
      for (const instrument of instruments.filter((i): i is GridInstrument => i.kind === "grid")) {
        const cell = column(`Assessment_${instrument.id}`);
        const items =
          partnership.assessments.find((a) => a.instrumentId === instrument.id)?.items ?? [];
        expect(items.length).toBeGreaterThan(0);
        items.forEach((item, i) => {
          const s = itemStats(scoresInOrder(item, shortNames), instrument);
          const where = `${instrument.id} row ${i + 1}`;
          expectCell(cell("Mean", i), s.mean, `${where} Mean`);
          expectCell(cell("Min", i), s.min, `${where} Min`);
          expectCell(cell("Max", i), s.max, `${where} Max`);
          expectCell(cell("Spread", i), s.spread, `${where} Spread`);
          expectCell(cell("Verdict", i), s.verdict, `${where} Verdict`);
          expectCell(cell("Agreement", i), s.agreement, `${where} Agreement`);
        });
      }
    });

    it("the Summary's indicator lines agree with core's summary", () => {
      const summary = summarise(partnership, instruments);
      const rows = sheets.get("Summary") ?? [];
      const value = (row: number, col = 2) => rows[row - 1]?.[col - 1];
      const first = SUMMARY_LAYOUT.indicatorsRow;
      (["Green", "Amber", "Red", "No data"] as const).forEach((status, i) =>
        expectCell(value(first + i), summary.rag[status], `Summary ${status}`),
      );
      expectCell(value(first + 4), summary.improving, "Summary improving");
      expectCell(value(first + 5), summary.worsening, "Summary worsening");
    });

    it("the Summary's finance lines agree with core: pounds, the pooled fund and counts of lines", () => {
      const summary = summarise(partnership, instruments);
      const rows = sheets.get("Summary") ?? [];
      const value = (row: number, col = 2) => rows[row - 1]?.[col - 1];
      const f = SUMMARY_LAYOUT.financeRow;
      const t = summary.finance;
      const ratios = partnership.finance.map(financeRatios);
      const noForecast = partnership.finance.filter(
        (l) => l.budget !== null && (l.forecast ?? null) === null,
      ).length;
      [
        t.pooledFund,
        t.budget,
        t.budget - t.pooledFund,
        t.actual,
        t.forecast,
        t.variance,
        t.variancePercent,
        noForecast,
        ratios.filter((r) => r.economy !== null && r.economy > 0).length,
        financeMeasures(partnership.finance).noOutcomeRecorded.length,
      ].forEach((expected, i) =>
        expectCell(value(f + i), expected, `Summary finance line ${i + 1}`),
      );
      expect(t.budget - t.pooledFund).not.toBe(0);
    });

    it("the Summary's assessment lines agree with core's summary", () => {
      const summary = summarise(partnership, instruments);
      const rows = sheets.get("Summary") ?? [];
      const value = (row: number, col = 2) => rows[row - 1]?.[col - 1];
      const header = SUMMARY_LAYOUT.assessmentsHeaderRow;
      for (const result of summary.instruments) {
        const index = instruments.findIndex((i) => i.id === result.instrumentId);
        const row = header + 1 + index;
        expectCell(value(row, 1), result.title, `Summary ${result.instrumentId} title`);
        expectCell(value(row, 2), result.overallMean, `Summary ${result.instrumentId} mean`);
        expectCell(value(row, 3), result.verdict, `Summary ${result.instrumentId} verdict`);
        expectCell(
          value(row, 4),
          result.disagreements,
          `Summary ${result.instrumentId} disagreements`,
        );
        expectCell(
          value(row, 5),
          result.weakest?.statement ?? "",
          `Summary ${result.instrumentId} weakest`,
        );
      }
    });

    it("the Summary's chart data: RAG counts by objective and each grid's mean as a share of its scale", () => {
      const rows = sheets.get("Summary") ?? [];
      /** The recalculated cells of a one-column range ("A39:A47"). */
      const cells = (range: string) => {
        const [from = "", to = from] = range.split(":");
        const a = parseCellAddress(from);
        const b = parseCellAddress(to);
        return Array.from(
          { length: b.row - a.row + 1 },
          (_, i) => rows[a.row - 1 + i]?.[a.column - 1],
        );
      };
      const chart = (name: string) => {
        const op = operations.find((o): o is AddChart => o.kind === "addChart" && o.name === name);
        if (!op) throw new Error(`no chart ${name}`);
        return op;
      };
      const rag = chart("RAG by objective");
      const ids = partnership.objectives.map((o) => o.id);
      const counts = ragCountsByObjective(ids, partnership.indicators, latestRags(partnership));
      const categories = cells(rag.categories);
      expect(categories.length).toBeGreaterThan(ids.length);
      categories.forEach((id, i) => expectCell(id, ids[i] ?? "", `RAG by objective row ${i + 1}`));
      for (const series of rag.series) {
        const status = series.name as keyof (typeof counts)[number]["counts"];
        cells(series.values).forEach((value, i) =>
          expectCell(value, counts[i]?.counts[status] ?? "", `${ids[i] ?? "spare row"} ${status}`),
        );
      }
      const scores = chart("Assessment scores");
      const shortNames = partnership.partners.map((p) => p.shortName);
      const grids = instruments.filter((i): i is GridInstrument => i.kind === "grid");
      expect(cells(scores.categories)).toEqual(grids.map((g) => g.sheet));
      cells(scores.series[0]?.values ?? "").forEach((value, i) => {
        const grid = grids[i];
        if (!grid) throw new Error("more score rows than grids");
        const assessment = partnership.assessments.find((a) => a.instrumentId === grid.id);
        const mean = instrumentResult(grid, assessment, shortNames).overallMean;
        const { min, max } = grid.scale;
        expectCell(
          value,
          mean === null ? "" : (mean - min) / (max - min),
          `${grid.id} share of scale`,
        );
      });
    });
  },
);

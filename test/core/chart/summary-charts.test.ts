/**
 * The Summary's charts: RAG counts by objective (stacked bar) and each
 * instrument's mean as a share of its scale (bar), over cells whose formulas
 * compute what core computes, at addresses both hosts take as they are.
 */
import { describe, expect, it } from "vitest";
import type { AddChart } from "../../../core/chart/operation.js";
import { parseCellAddress } from "../../../core/layout/address.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import type { CellInput, Operation } from "../../../core/layout/operations.js";
import { summarySheet } from "../../../core/layout/tables/summary.js";
import { ragCountsByObjective } from "../../../core/measures/rag-by-objective.js";
import { emptyPartnership } from "../../../core/model/empty.js";
import type { Indicator } from "../../../core/model/types.js";
import { miniGrid, miniLedger, smallPartnership } from "../../support/small-partnership.js";

/** Every cell the Summary's operations write, by address. */
function cellsOf(ops: readonly Operation[]): Map<string, CellInput> {
  const cells = new Map<string, CellInput>();
  for (const op of ops) {
    if (op.kind !== "writeBlock" || op.sheet !== "Summary") continue;
    const start = parseCellAddress(op.address);
    op.cells.forEach((row, i) =>
      row.forEach((cell, j) => cells.set(`${start.row + i}:${start.column + j}`, cell)),
    );
  }
  return cells;
}

function at(cells: Map<string, CellInput>, address: string): CellInput | undefined {
  const { row, column } = parseCellAddress(address);
  return cells.get(`${row}:${column}`);
}

function column(range: string): string[] {
  const [from = "", to = from] = range.split(":");
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  expect(a.column, `${range} is one column`).toBe(b.column);
  return Array.from(
    { length: b.row - a.row + 1 },
    (_, i) => `${from.replace(/\d+$/, "")}${a.row + i}`,
  );
}

const charts = (ops: readonly Operation[]) =>
  ops.filter((op): op is AddChart => op.kind === "addChart");

const indicator = (objectiveId: string, values: (number | null)[]): Indicator => ({
  id: `K-${objectiveId}-${values.join("")}`,
  objectiveId,
  indicator: "x",
  type: "Outcome",
  unit: "n",
  polarity: "Higher is better",
  frequency: "Quarterly",
  baseline: null,
  target: 10,
  tolerance: 0.1,
  owner: "",
  source: "",
  values,
  commentary: "",
  correctiveAction: "",
});

describe("ragCountsByObjective", () => {
  it("counts each objective's indicators by status, matching IDs without case as COUNTIFS does", () => {
    const counts = ragCountsByObjective(
      ["O1", "O2"],
      [indicator("O1", [12]), indicator("o1", [1]), indicator("O2", [null]), indicator("O9", [12])],
    );
    expect(counts).toEqual([
      { objectiveId: "O1", counts: { Green: 1, Amber: 0, Red: 1, "No data": 0 } },
      { objectiveId: "O2", counts: { Green: 0, Amber: 0, Red: 0, "No data": 1 } },
    ]);
  });
});

describe("the Summary's charts", () => {
  const partnership = smallPartnership();
  const ops = summarySheet([miniGrid, miniLedger], undefined, partnership);
  const cells = cellsOf(ops);
  const [rag, scores] = charts(ops);

  it("adds a stacked bar of RAG by objective and a bar of assessment scores, side by side below the tables", () => {
    expect(charts(ops).map((c) => [c.name, c.type])).toEqual([
      ["RAG by objective", "stackedBar"],
      ["Assessment scores", "bar"],
    ]);
    const lastDataRow = Math.max(...[...cells.keys()].map((k) => Number(k.split(":")[0])));
    for (const chart of [rag, scores]) {
      expect(parseCellAddress(chart!.anchor.from).row).toBeGreaterThan(lastDataRow);
      expect(parseCellAddress(chart!.anchor.to).row).toBeGreaterThan(
        parseCellAddress(chart!.anchor.from).row + 10,
      );
    }
    expect(rag!.anchor.to.replace(/\d+/, "")).toBe("C");
    expect(scores!.anchor.from.replace(/\d+/, "")).toBe("D");
  });

  it("names each series by the header cell above its values and plots one value per category", () => {
    for (const chart of [rag!, scores!]) {
      const categories = column(chart.categories);
      for (const series of chart.series) {
        expect(at(cells, series.nameCell ?? "")).toBe(series.name);
        const values = column(series.values);
        expect(values.length).toBe(categories.length);
        expect(parseCellAddress(series.nameCell ?? "").row).toBe(
          parseCellAddress(values[0] ?? "").row - 1,
        );
      }
    }
    expect(rag!.series.map((s) => [s.name, s.color])).toEqual([
      ["Green", "#00B050"],
      ["Amber", "#FFC000"],
      ["Red", "#C00000"],
      ["No data", "#BFBFBF"],
    ]);
  });

  it("takes objective k from the Objectives table and counts with COUNTIFS, leaving spare rows for new objectives", () => {
    const categories = column(rag!.categories);
    expect(categories.length).toBe(8); // 1 objective, at least 8 rows
    const first = at(cells, categories[0] ?? "");
    expect(first).toEqual({ formula: '=IFERROR(INDEX(Objectives[ID],1)&"","")' });
    expect(at(cells, categories[7] ?? "")).toEqual({
      formula: '=IFERROR(INDEX(Objectives[ID],8)&"","")',
    });
    const red = column(rag!.series[2]!.values);
    const id = `$${categories[0]}`;
    expect(at(cells, red[0] ?? "")).toEqual({
      formula: `=IF(${id}="","",COUNTIFS(Indicators[Objective],${id},Indicators[RAG],"Red"))`,
    });
  });

  it("caches what core computes: the objectives' RAG counts and each grid's mean as a share of its scale", () => {
    const counts = ragCountsByObjective(["O1"], partnership.indicators)[0]!.counts;
    expect(rag!.expected?.categories).toEqual(["O1", "", "", "", "", "", "", ""]);
    expect(rag!.expected?.values.map((v) => v[0])).toEqual([
      counts.Green,
      counts.Amber,
      counts.Red,
      counts["No data"],
    ]);
    expect(rag!.expected?.values[0]?.slice(1)).toEqual(Array(7).fill(null));
    // Mini check: EC 3 and Carers 1 on a 1–4 scale: mean 2, a third of the way up.
    expect(scores!.expected).toEqual({ categories: ["Mini"], values: [[1 / 3]] });
  });

  it("plots only grid instruments, each as (mean − scale min) ÷ (scale max − min) of its Assessments row", () => {
    const categories = column(scores!.categories);
    expect(categories.map((a) => at(cells, a))).toEqual(["Mini"]);
    const share = at(cells, column(scores!.series[0]!.values)[0] ?? "");
    expect(share).toEqual({ formula: '=IF(ISNUMBER(B26),(B26-1)/3,"")' });
    expect(at(cells, "A26")).toBe("Mini check");
  });

  it("a blank workbook gets the same charts, without cached values, over eight objective rows", () => {
    const blank = charts(summarySheet([miniGrid], undefined, emptyPartnership(3)));
    expect(blank.map((c) => c.name)).toEqual(["RAG by objective", "Assessment scores"]);
    expect(column(blank[0]!.categories).length).toBe(8);
    const noPartnership = charts(summarySheet([miniGrid]));
    expect(noPartnership.every((c) => c.expected === undefined)).toBe(true);
  });

  it("sizes the objective rows to the partnership: every objective plus three spare", () => {
    const big = smallPartnership();
    big.objectives = Array.from({ length: 12 }, (_, i) => ({
      ...partnership.objectives[0]!,
      id: `O${i + 1}`,
    }));
    const [chart] = charts(summarySheet([miniGrid], undefined, big));
    expect(column(chart!.categories).length).toBe(15);
  });

  it("without the Indicators or Objectives table, says so instead of charting counts it cannot make", () => {
    const ops = summarySheet(
      [miniGrid],
      ["Partners", "Finance", "Objectives", "Assessment_mini"],
      partnership,
    );
    expect(charts(ops).map((c) => c.name)).toEqual(["Assessment scores"]);
    const text = [...cellsOf(ops).values()];
    expect(text).toContain("Indicators table not in this workbook");
    const formulas = text.flatMap((c) => (c !== null && typeof c === "object" ? [c.formula] : []));
    expect(formulas.some((f) => f.includes("Indicators["))).toBe(false);
  });

  it("without grid instruments there is no scores chart", () => {
    expect(charts(summarySheet([miniLedger], undefined, partnership)).map((c) => c.name)).toEqual([
      "RAG by objective",
    ]);
  });

  it("is part of the whole workbook's operations, after the cells it plots", () => {
    const all = buildOperations(partnership, [miniGrid, miniLedger]);
    // The grids' own charts come with their sheets; the Summary's follow every Summary cell.
    const firstChart = all.findIndex((op) => op.kind === "addChart" && op.sheet === "Summary");
    const lastBlock = all
      .map((op, i) => (op.kind === "writeBlock" && op.sheet === "Summary" ? i : -1))
      .reduce((a, b) => Math.max(a, b), -1);
    expect(firstChart).toBeGreaterThan(lastBlock);
  });
});

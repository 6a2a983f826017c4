import { beforeAll, describe, expect, it } from "vitest";
import { examplePartnership } from "../../../core/example/partnership.js";
import type { Instrument } from "../../../core/instruments/types.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import type { CellValue, WorkbookCells } from "../../../core/read/cells.js";
import { formatProblem } from "../../../core/model/problem.js";
import { readPartnership } from "../../../core/read/reader.js";
import { cellsFromOperations, withCell } from "../../support/cells-from-operations.js";
import { exampleInstruments } from "../../support/example.js";

let instruments: Instrument[];

beforeAll(async () => {
  instruments = await exampleInstruments();
});

function built(asAt?: string): WorkbookCells {
  const example = examplePartnership(instruments);
  return cellsFromOperations(buildOperations(example, [], asAt ? { asAt } : {}));
}

/** The Indicators cell of indicator `id` under `header`. */
function cell(cells: WorkbookCells, id: string, header: string): CellValue | undefined {
  const table = cells.tables.find((t) => t.name === "Indicators");
  const row = table?.rows.find((r) => r[0] === id);
  return row?.[table?.headers.indexOf(header) ?? -1];
}

describe("the Indicators sheet over time", () => {
  it("stamps Expected, Red twice, Variation and Assurance from core's measures", () => {
    const cells = built("2026-05-01");
    // I26's Targets row for March 2026 is 17; the line from 24 would expect 14.
    expect(cell(cells, "I26", "Expected")).toBe(17);
    expect(cell(cells, "I26", "Red twice")).toBe("Yes");
    expect(cell(cells, "I26", "Variation")).toBe("Concern");
    expect(cell(cells, "I26", "Assurance")).toBe("Fail");
    expect(cell(cells, "I25", "Variation")).toBe("Improvement");
    expect(cell(cells, "I25", "Assurance")).toBe("Inconsistent");
    expect(cell(cells, "I27", "Variation")).toBe("Common cause");
    expect(cell(cells, "I27", "Assurance")).toBe("Pass");
    expect(cell(cells, "I28", "Variation")).toBe("Neutral high");
    expect(cell(cells, "I28", "Assurance")).toBe("");
    // A quarterly indicator: too few values for SPC; its December value expected on the line.
    expect(cell(cells, "I1", "Variation")).toBe("");
    expect(cell(cells, "I1", "Expected")).toBeCloseTo(48 - (12 * 20) / 23, 12);
    expect(cell(cells, "I1", "Red twice")).toBe("");
  });

  it("keeps a compact RAG history, one letter per period", () => {
    const table = built().tables.find((t) => t.name === "RagHistory");
    expect(table?.headers.slice(0, 2)).toEqual(["ID", "Apr 2024"]);
    const i26 = table?.rows.find((r) => r[0] === "I26") ?? [];
    // Red in February and March 2026 against the winter trajectory.
    expect(i26.slice(-2)).toEqual(["R", "R"]);
    // A quarterly indicator has a letter only in its quarter's last month (47 against 46.96 expected: Amber).
    const i1 = table?.rows.find((r) => r[0] === "I1") ?? [];
    expect(i1.slice(1, 4)).toEqual(["", "", "A"]);
  });

  it("lists overdue periods as at the day given, and none without one", () => {
    expect(cell(built("2026-05-01"), "I27", "Overdue")).toBe("Mar 2026");
    expect(cell(built("2026-04-29"), "I27", "Overdue")).toBe("");
    expect(cell(built(), "I27", "Overdue")).toBe("");
    // The residents' survey has never come in: each March is overdue once its three months pass.
    expect(cell(built("2026-07-01"), "I17", "Overdue")).toBe("Mar 2025, Mar 2026");
  });

  it("writes the Targets table and reads it back, warning at rows it cannot use", () => {
    const example = examplePartnership(instruments);
    const cells = built();
    const read = readPartnership(cells, []);
    expect(read.partnership.targets).toEqual(example.targets);
    expect(read.partnership.indicators.find((i) => i.id === "I26")?.targetDate).toBe("2026-03-31");
    let wrong = withCell(cells, "Targets", "Indicator ID", 0, "I99");
    wrong = withCell(wrong, "Targets", "Period", 1, "Q3 2025/26");
    const messages = readPartnership(wrong, []).problems.map(formatProblem);
    expect(messages).toContain(
      'Targets!A5: Targets names indicator "I99", which is not in the Indicators table. Use an ID from the Indicators sheet, or delete the row.',
    );
    expect(messages).toContain(
      'Targets!B6: Targets names period "Q3 2025/26", which is not a period heading of the Indicators sheet. Type a period heading exactly as the Indicators sheet has it ("Apr 2024").',
    );
  });

  it("reads a period Excel turned into a date as the period holding that day", () => {
    const asDate = withCell(built(), "Targets", "Period", 0, new Date(Date.UTC(2025, 9, 1)));
    const asSerial = withCell(built(), "Targets", "Period", 0, 45931);
    for (const cells of [asDate, asSerial]) {
      const read = readPartnership(cells, []);
      expect(read.partnership.targets?.[0]?.period).toBe("Oct 2025");
      expect(read.problems.filter((p) => p.sheet === "Targets")).toEqual([]);
    }
  });

  it("reads a workbook made before the Target date column and Targets table without complaint", () => {
    const cells = built();
    const old: WorkbookCells = {
      ...cells,
      tables: cells.tables
        .filter((t) => t.name !== "Targets")
        .map((t) => {
          if (t.name !== "Indicators") return t;
          const drop = t.headers.indexOf("Target date");
          return {
            ...t,
            headers: t.headers.filter((_, i) => i !== drop),
            rows: t.rows.map((r) => r.filter((_, i) => i !== drop)),
          };
        }),
    };
    const read = readPartnership(old, []);
    expect(read.problems.filter((p) => p.sheet === "Indicators" || p.sheet === "Targets")).toEqual(
      [],
    );
    expect(read.partnership.targets).toBeUndefined();
    expect(read.partnership.indicators[0]?.targetDate).toBeUndefined();
  });
});

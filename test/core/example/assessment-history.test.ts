import { describe, expect, it } from "vitest";
import { readWorkbookCells } from "../../../adapters/exceljs/read-workbook.js";
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import { examplePartnership } from "../../../core/example/partnership.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { readPartnership } from "../../../core/read/reader.js";
import { exampleInstruments } from "../../support/example.js";

describe("the example's assessment cycle", () => {
  it("has two closed rounds a year apart and a current one, read back as written", async () => {
    const instruments = await exampleInstruments();
    const example = examplePartnership(instruments);
    const rounds = example.assessmentRounds ?? [];
    expect(rounds.map((r) => [r.name, r.closed])).toEqual([
      ["2024 review", "2024-11-15"],
      ["2025 review", "2025-11-14"],
      ["2026 review", null],
    ]);
    expect(example.currentRound).toBe("2026 review");
    const history = example.assessmentHistory ?? [];
    for (const round of rounds) expect(history.some((r) => r.round === round.name)).toBe(true);
    // The current round's history is the grids' scores, with some partners' comments.
    const current = history.filter((r) => r.round === "2026 review");
    for (const record of current) {
      const item = example.assessments
        .find((a) => a.instrumentId === record.instrumentId)
        ?.items.find((i) => i.statement === record.statement);
      expect(item?.scores[record.respondent]).toBe(record.score);
    }
    expect(current.filter((r) => r.comment !== "").length).toBeGreaterThanOrEqual(5);
    // Some items moved each way since last year.
    const mean = (round: string, statement: string) => {
      const scores = history
        .filter((r) => r.round === round && r.statement === statement)
        .map((r) => r.score ?? 0);
      return scores.reduce((a, b) => a + b, 0) / scores.length;
    };
    const statements = [...new Set(current.map((r) => r.statement))];
    const changes = statements.map((s) =>
      Math.sign(mean("2026 review", s) - mean("2025 review", s)),
    );
    expect(changes).toContain(1);
    expect(changes).toContain(-1);

    const read = readPartnership(
      await readWorkbookCells(await workbookBytes(buildOperations(example, instruments))),
      instruments,
    );
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.partnership.assessmentRounds).toEqual(rounds);
    expect(read.partnership.assessmentHistory).toEqual(history);
    expect(read.partnership.currentRound).toBe("2026 review");
  }, 120_000);
});

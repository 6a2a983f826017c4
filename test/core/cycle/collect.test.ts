import { describe, expect, it } from "vitest";
import { collectReturns } from "../../../core/cycle/collect.js";
import type { ReturnCells } from "../../../core/cycle/return-cells.js";
import {
  DETAIL_KEYS,
  DETAILS_SHEET,
  RETURN_FORMAT,
  RETURN_GRID,
  returnForm,
} from "../../../core/cycle/return-form.js";
import { respondentNumber, shuffleWith } from "../../../core/cycle/respondents.js";
import type { CellValue } from "../../../core/read/cells.js";
import { miniGrid, smallPartnership } from "../../support/small-partnership.js";

/** A return as a host reads it back, scored `score` on every statement. */
function returnCells(
  file: string,
  partner: string,
  score: number,
  anonymous: boolean,
): ReturnCells {
  const partnership = smallPartnership();
  const form = returnForm(partnership.details.name, partner, "R1", anonymous, [miniGrid]);
  const details: Record<string, string> = {
    Format: RETURN_FORMAT,
    Partnership: form.partnership,
    Partner: partner,
    Round: "R1",
    Anonymous: anonymous ? "Yes" : "No",
    Instruments: miniGrid.id,
    "Statements hash": form.statementsHash,
  };
  const grid: CellValue[][] = [];
  const statements = form.instruments[0]?.statements ?? [];
  statements.forEach((s, i) => {
    const row: CellValue[] = [];
    row[RETURN_GRID.section - 1] = s.section;
    row[RETURN_GRID.statement - 1] = s.statement;
    row[RETURN_GRID.score - 1] = score;
    grid[RETURN_GRID.firstRow - 1 + i] = row;
  });
  return {
    file,
    sheets: {
      [DETAILS_SHEET]: [["Key", "Value"], ...DETAIL_KEYS.map((k) => [k, details[k] ?? ""])],
      [miniGrid.sheet]: Array.from(grid, (row) => row ?? []),
    },
  };
}

function master() {
  const partnership = smallPartnership();
  partnership.assessments = [{ instrumentId: miniGrid.id, items: [], entries: [] }];
  return partnership;
}

describe("anonymous collect", () => {
  const returns = [returnCells("a.xlsx", "EC", 1, true), returnCells("b.xlsx", "Carers", 4, true)];
  const run = (shuffle: <T>(items: readonly T[]) => T[]) =>
    collectReturns(master(), [miniGrid], returns, { force: false, today: "2026-11-01", shuffle });

  it("numbers respondents in the drawn order, not partner or file order", () => {
    const kept = run((items) => [...items]);
    const reversed = run((items) => [...items].reverse());
    const scoreOf = (r: typeof kept, n: string) =>
      r.partnership?.assessmentHistory?.find((h) => h.respondent === n)?.score;
    expect(scoreOf(kept, "Respondent 1")).toBe(1);
    expect(scoreOf(reversed, "Respondent 1")).toBe(4);
  });

  it("keeps no partner name beside a score, only who returned", () => {
    const result = run((items) => [...items].reverse());
    const history = result.partnership?.assessmentHistory ?? [];
    expect(history.every((h) => respondentNumber(h.respondent) > 0)).toBe(true);
    expect(JSON.stringify(history)).not.toMatch(/"EC"|"Carers"|a\.xlsx|b\.xlsx/);
    expect(result.partnership?.assessmentRounds?.[0]?.returned).toEqual(["EC", "Carers"]);
    for (const item of result.partnership?.assessments[0]?.items ?? [])
      expect(Object.values(item.scores).every((s) => s === null)).toBe(true);
  });

  it("shuffles with every order reachable", () => {
    const seen = new Set<string>();
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 2; b++) {
        const draws = [a, b];
        seen.add(shuffleWith([1, 2, 3], () => draws.shift() ?? 0).join(""));
      }
    expect(seen.size).toBe(6);
  });
});

import { describe, expect, it } from "vitest";
import { viewModel } from "../../../core/document/view-model.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { ragStatus } from "../../../core/measures/indicator.js";
import { latestRags, ragJudgements } from "../../../core/measures/over-time.js";
import { monthlyPartnership } from "../../support/monthly-partnership.js";
import { formatProblem } from "../../../core/model/problem.js";
import type { Partnership } from "../../../core/model/types.js";
import { readPartnership } from "../../../core/read/reader.js";
import { checkOverTime } from "../../../core/use-cases/check-over-time.js";
import { cellsFromOperations } from "../../support/cells-from-operations.js";
import { miniGrid, miniLedger, smallPartnership } from "../../support/small-partnership.js";

// One RAG everywhere (issue 9): the documents and the reader's "Red but no
// corrective action" warning rate the latest value against what its period
// expected, as the workbook's RAG column, the charts and check do.

const instruments = [miniGrid, miniLedger];
const MONTHS = [
  "Apr 2026",
  "May 2026",
  "Jun 2026",
  "Jul 2026",
  "Aug 2026",
  "Sep 2026",
  "Oct 2026",
  "Nov 2026",
  "Dec 2026",
  "Jan 2027",
  "Feb 2027",
  "Mar 2027",
];
const JUNE = 2;

/**
 * K1: lower is better, baseline 12, target 9 by the plan's end (31 March
 * 2027), tolerance 10%. In June the straight line from 12 has come down only
 * a quarter of the way, so 11 is on track (Green) though it is Red against 9.
 */
function onTrajectory(june: number): Partnership {
  const p = smallPartnership();
  p.details = { ...p.details, endDate: "2027-03-31" };
  p.periods = [...MONTHS];
  p.indicators = p.indicators.map((indicator, i) => ({
    ...indicator,
    values: MONTHS.map((_, m) => (i === 0 && m === JUNE ? june : null)),
    correctiveAction: "",
  }));
  return p;
}

const ragInDocuments = (p: Partnership) =>
  viewModel(p, "terms-of-reference", "draft").indicators.map((i) => i.rag);
const redWarnings = (p: Partnership) =>
  readPartnership(cellsFromOperations(buildOperations(p, instruments)), instruments)
    .problems.map(formatProblem)
    .filter((m) => m.includes("no corrective action"));

describe("one RAG everywhere", () => {
  it("documents rate the latest value against its period's expected value, not the final target", () => {
    const p = onTrajectory(11);
    expect(ragStatus(p.indicators[0]!)).toBe("Red"); // against the final target alone
    expect(latestRags(p)[0]).toBe("Green");
    expect(ragInDocuments(p)[0]).toBe("Green");
    expect(viewModel(p, "terms-of-reference", "draft").objectives[0]?.indicators[0]?.rag).toBe(
      "Green",
    );
  });

  it("the reader does not ask for a corrective action when the period's expected value is met", () => {
    expect(redWarnings(onTrajectory(11))).toEqual([]);
  });

  it("the reader asks for one when Red against the Targets table's value, though only Amber against the final target", () => {
    // The Targets table expects 8 in June (ahead of the final 9): 9.5 is beyond 8 + 10%.
    const p = {
      ...onTrajectory(9.5),
      targets: [{ indicatorId: "K1", period: "Jun 2026", target: 8 }],
    };
    expect(ragStatus(p.indicators[0]!)).toBe("Amber");
    expect(ragInDocuments(p)[0]).toBe("Red");
    expect(redWarnings(p)).toEqual([
      expect.stringMatching(/^Indicators![A-Z]+5: K1 is Red but has no corrective action\./),
    ]);
  });

  it("the reader's judgement of the latest RAG is the sheet's (latestRags)", () => {
    for (const p of [monthlyPartnership(), onTrajectory(11), onTrajectory(20)]) {
      expect(ragJudgements(p).map((j) => j.rag)).toEqual(latestRags(p));
    }
  });

  it("leaves Red twice running to check's own warning at the same cell: one warning, not two", () => {
    const p = onTrajectory(20);
    p.indicators[0]!.values[JUNE + 1] = 20;
    expect(redWarnings(p)).toEqual([]);
    const read = readPartnership(cellsFromOperations(buildOperations(p, instruments)), instruments);
    const twice = checkOverTime(read, "2026-08-01").problems.map(formatProblem);
    expect(
      twice.filter((m) => m.includes("K1 has been Red in two consecutive periods")),
    ).toHaveLength(1);
  });
});

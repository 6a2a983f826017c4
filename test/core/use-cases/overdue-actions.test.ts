import { describe, expect, it } from "vitest";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { summarise } from "../../../core/measures/summary.js";
import { formatProblem } from "../../../core/model/problem.js";
import { readPartnership } from "../../../core/read/reader.js";
import { overdueActionProblems } from "../../../core/use-cases/overdue-actions.js";
import { cellsFromOperations } from "../../support/cells-from-operations.js";
import { cyclePartnership, TRUST } from "../measures/assessment-fixture.js";

function readBack() {
  const p = cyclePartnership();
  p.assessmentActions = [
    {
      instrumentId: "trust",
      item: "We do what we promise",
      reason: "weakest",
      action: "Publish a delivery tracker",
      owner: "LA",
      dueDate: "2026-05-01",
      status: "In progress",
      reviewDate: null,
    },
    {
      instrumentId: "trust",
      item: "We share information",
      reason: "contested",
      action: "Protocol",
      owner: "NHS",
      dueDate: "2026-04-01",
      status: "Done",
      reviewDate: null,
    },
  ];
  return readPartnership(cellsFromOperations(buildOperations(p, [TRUST])), [TRUST]);
}

describe("check and the assessment cycle", () => {
  it("warns at the Due date cell of each action past due and not done", () => {
    const read = readBack();
    expect(overdueActionProblems(read.partnership, read.origins, "2026-05-01")).toEqual([]);
    const problems = overdueActionProblems(read.partnership, read.origins, "2026-05-02");
    expect(problems.map(formatProblem)).toEqual([
      'Actions!F5: The action on "We do what we promise" (trust) was due on 1 May 2026 and is "In progress". Finish it and set its Status to Done (or Dropped), or agree a new Due date.',
    ]);
    expect(problems[0]?.severity).toBe("warning");
  });

  it("summarises each item's mean, spread, contested flag, change and gaps", () => {
    const summary = summarise(cyclePartnership(), [TRUST]);
    expect(summary.instruments[0]?.items[0]).toEqual({
      section: "Openness",
      statement: "We share information",
      mean: 4,
      spread: 2,
      contested: true,
      change: "improved",
      gaps: { NHS: 1.5, LA: 0, VCS: -1.5 },
    });
    expect(summary.instruments[0]?.items.map((i) => i.change)).toEqual([
      "improved",
      "same",
      "same",
    ]);
  });
});

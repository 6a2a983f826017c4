import { describe, expect, it } from "vitest";
import { analyseAssessments } from "../../../core/measures/assessment-analysis.js";
import {
  isOverdue,
  seedActions,
  withSeededActions,
} from "../../../core/measures/assessment-actions.js";
import type { AssessmentAction } from "../../../core/model/assessment-cycle.js";
import { cyclePartnership, TRUST } from "./assessment-fixture.js";

function analyses() {
  const result = analyseAssessments(cyclePartnership(), [TRUST]);
  if ("error" in result) throw new Error(result.error);
  return result;
}

const touched: AssessmentAction = {
  instrumentId: "TRUST",
  item: "we share information ",
  reason: "weakest",
  action: "Joint information-sharing protocol",
  owner: "LA",
  dueDate: "2026-06-30",
  status: "In progress",
  reviewDate: null,
};

describe("seeding the action plan", () => {
  it("seeds the weakest items and every contested one, once each", () => {
    const seeded = seedActions(analyses(), [], 1);
    // Weakest: "We do what we promise" (mean 2); contested: both Openness items.
    expect(seeded.map((a) => [a.item, a.reason])).toEqual([
      ["We do what we promise", "weakest"],
      ["We share information", "contested"],
      ["We say what we think", "contested"],
    ]);
    expect(seeded[0]).toMatchObject({ instrumentId: "trust", action: "", status: "Not started" });
    // All five weakest of a three-item instrument are all three; a contested one is not added twice.
    expect(seedActions(analyses(), []).map((a) => a.item)).toHaveLength(3);
  });

  it("never overwrites or duplicates a row an officer has touched", () => {
    const existing = [touched];
    const after = withSeededActions(analyses(), existing);
    expect(after[0]).toBe(touched);
    expect(after[0]).toEqual({ ...touched });
    expect(
      after.filter((a) => a.item.trim().toLowerCase() === "we share information"),
    ).toHaveLength(1);
    // Seeding again adds nothing: every item is now in the table.
    expect(seedActions(analyses(), after)).toEqual([]);
  });

  it("calls an action overdue when past due and neither done nor dropped", () => {
    expect(isOverdue(touched, "2026-07-01")).toBe(true);
    expect(isOverdue(touched, "2026-06-30")).toBe(false);
    expect(isOverdue({ ...touched, status: "Done" }, "2027-01-01")).toBe(false);
    expect(isOverdue({ ...touched, status: "dropped" }, "2027-01-01")).toBe(false);
    expect(isOverdue({ ...touched, dueDate: null }, "2027-01-01")).toBe(false);
  });
});

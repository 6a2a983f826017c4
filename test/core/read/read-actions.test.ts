import { describe, expect, it } from "vitest";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { ACTIONS_TABLE } from "../../../core/layout/tables/actions.js";
import type { AssessmentAction } from "../../../core/model/assessment-cycle.js";
import { emptyPartnership } from "../../../core/model/empty.js";
import { readPartnership } from "../../../core/read/reader.js";
import { cellsFromOperations } from "../../support/cells-from-operations.js";

const ACTIONS: AssessmentAction[] = [
  {
    instrumentId: "nuffield",
    item: "Burdens are shared fairly",
    reason: "weakest",
    action: "Review the risk-share",
    owner: "LA",
    dueDate: "2026-09-30",
    status: "In progress",
    reviewDate: "2026-07-01",
  },
  {
    instrumentId: "eight_is",
    item: "We share information",
    reason: "contested",
    action: "",
    owner: "",
    dueDate: null,
    status: "Not started",
    reviewDate: null,
  },
];

describe("the Actions table", () => {
  it("is written from the column specs and read back to the same actions, each at its cells", () => {
    const partnership = emptyPartnership(2);
    partnership.assessmentActions = ACTIONS;
    const operations = buildOperations(partnership, []);
    expect(operations.some((op) => op.kind === "addTable" && op.name === ACTIONS_TABLE)).toBe(true);
    const read = readPartnership(cellsFromOperations(operations), []);
    expect(read.partnership.assessmentActions).toEqual(ACTIONS);
    expect(read.origins.actions?.map((o) => o.fields.owner)).toEqual([
      { sheet: "Actions", cell: "E5" },
      { sheet: "Actions", cell: "E6" },
    ]);
  });

  it("is absent from a workbook without an assessment cycle", () => {
    const operations = buildOperations(emptyPartnership(2), []);
    expect(operations.some((op) => op.kind === "addSheet" && op.sheet === "Actions")).toBe(false);
    expect(
      readPartnership(cellsFromOperations(operations), []).partnership.assessmentActions,
    ).toBeUndefined();
  });
});

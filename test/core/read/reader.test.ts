import { describe, expect, it } from "vitest";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { formatProblem, hasErrors } from "../../../core/model/problem.js";
import { emptyPartnership } from "../../../core/model/empty.js";
import { readPartnership } from "../../../core/read/reader.js";
import type { WorkbookCells } from "../../../core/read/cells.js";
import { cellsFromOperations, withCell } from "../../support/cells-from-operations.js";
import { miniGrid, miniLedger, smallPartnership } from "../../support/small-partnership.js";

const instruments = [miniGrid, miniLedger];
const built = () => cellsFromOperations(buildOperations(smallPartnership(), instruments));
const messages = (cells: WorkbookCells) =>
  readPartnership(cells, instruments).problems.map(formatProblem);

describe("readPartnership", () => {
  it("reads back exactly the partnership the blueprint laid out, with no problems", () => {
    const { partnership, problems } = readPartnership(built(), instruments);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(partnership).toEqual(smallPartnership());
  });

  it("locates text where a number belongs", () => {
    const cells = withCell(built(), "Indicators", "Target", 0, "tbc");
    expect(messages(cells)).toContain(
      'Indicators!I5: Target must be a number, got "tbc". Type a number, or leave the cell blank.',
    );
  });

  it("reads numbers stored as text, with a warning", () => {
    const cells = withCell(built(), "Finance", "Budget (£)", 0, "£1,250");
    const { partnership, problems } = readPartnership(cells, instruments);
    expect(partnership.finance[0]?.budget).toBe(1250);
    expect(problems.some((p) => p.severity === "warning" && p.cell === "C5")).toBe(true);
  });

  it("warns when a Red indicator has no corrective action, and not once it has one", () => {
    // Q1 on target (Green), Q2 Red: Red once, so the reader's warning (Red twice is check's).
    const red = withCell(withCell(built(), "Indicators", "Q1", 0, 9), "Indicators", "Q2", 0, 20);
    expect(messages(red)).toContain(
      "Indicators!AC5: K1 is Red but has no corrective action. Say what will be done to bring it back on track.",
    );
    const planned = withCell(
      red,
      "Indicators",
      "Corrective action",
      0,
      "Extra discharge coordinator",
    );
    expect(messages(planned).some((m) => m.includes("no corrective action"))).toBe(false);
  });

  it("reports a formula error in a cell", () => {
    const cells = withCell(built(), "Partners", "Contribution (£)", 0, { error: "#REF!" });
    expect(messages(cells)).toContain(
      "Partners!J5: Contribution (£) contains the error #REF!. Correct the formula or type the value again.",
    );
  });

  it("reports a date typed as text", () => {
    const cells = withCell(built(), "Objectives", "Due date", 0, "31/03/2027");
    const found = messages(cells).find((m) => m.startsWith("Objectives!F5"));
    expect(found).toMatch(/Due date must be a date, got "31\/03\/2027".*typed as text/);
  });

  it("reports duplicate IDs at the second occurrence", () => {
    let cells = built();
    const table = cells.tables.find((t) => t.name === "Objectives");
    const first = table?.rows[0];
    if (!table || !first) throw new Error("no objectives");
    cells = {
      ...cells,
      tables: cells.tables.map((t) => (t === table ? { ...t, rows: [first, [...first]] } : t)),
    };
    expect(messages(cells)).toContain(
      'Objectives!A6: Objective ID "O1" is used more than once. Each Objective ID must be unique: change one of them.',
    );
  });

  it("reports references to objectives and partners that do not exist", () => {
    let cells = withCell(built(), "Indicators", "Objective", 0, "O9");
    cells = withCell(cells, "Finance", "Lead partner", 0, "NHS");
    const found = messages(cells);
    expect(found).toContain(
      'Indicators!B5: Objective "O9" does not exist in the Objectives table. Pick an objective ID from the cell\'s dropdown.',
    );
    expect(
      found.some((m) => m.startsWith('Finance!B5: Lead partner "NHS" is not a short name')),
    ).toBe(true);
  });

  it("reports a missing table, and reads a renamed header's column with a warning at its cell", () => {
    const renamed: WorkbookCells = {
      ...built(),
      tables: built()
        .tables.filter((t) => t.name !== "Values")
        .map((t) =>
          t.name === "Indicators"
            ? { ...t, headers: t.headers.map((h) => (h === "Polarity" ? "Polarity!" : h)) }
            : t,
        ),
    };
    const found = messages(renamed);
    expect(found).toContain(
      'Values: The table "Values" is missing. Restore the sheet, or add what is missing with the add-in\'s Set up.',
    );
    expect(found).toContain(
      'Indicators!F4: The header "Polarity" has been changed to "Polarity!"; its column is read as Polarity. Rename the header back to "Polarity": the workbook\'s formulas, dropdowns and the add-in find the column by it.',
    );
    const { partnership } = readPartnership(renamed, instruments);
    expect(partnership.indicators).toEqual(smallPartnership().indicators);
  });

  it("says what to do with a workbook that has no partnership tables", () => {
    const { problems } = readPartnership({ sheetNames: ["Sheet1"], tables: [] }, instruments);
    expect(hasErrors(problems)).toBe(true);
    expect(formatProblem(problems[0]!)).toMatch(
      /none of the partnership tables.*partnership workbook --out/,
    );
  });

  it("rejects out-of-range scores and choices not in the list", () => {
    let cells = withCell(built(), "Assessment_mini", "EC", 0, 9);
    cells = withCell(cells, "Indicators", "Polarity", 0, "Up");
    const found = messages(cells);
    expect(found).toContain("Mini!C5: EC's score must be a whole number from 1 to 4, got 9.");
    expect(
      found.some((m) =>
        m.startsWith(
          "Indicators!F5: Polarity must be one of Higher is better, Lower is better, Closer to target",
        ),
      ),
    ).toBe(true);
  });

  it("skips blank spare rows and reads a blank workbook without errors in its cells", () => {
    const { partnership, problems } = readPartnership(
      cellsFromOperations(buildOperations(emptyPartnership(3), instruments)),
      instruments,
    );
    expect(partnership.partners.map((p) => p.shortName)).toEqual([
      "Partner 1",
      "Partner 2",
      "Partner 3",
    ]);
    expect(partnership.indicators).toEqual([]);
    expect(problems.every((p) => p.severity === "warning")).toBe(true);
  });
});

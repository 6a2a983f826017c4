import { describe, expect, it } from "vitest";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { formatProblem } from "../../../core/model/problem.js";
import type { WorkbookCells } from "../../../core/read/cells.js";
import { readPartnership } from "../../../core/read/reader.js";
import { cellsFromOperations } from "../../support/cells-from-operations.js";
import { miniGrid, miniLedger, smallPartnership } from "../../support/small-partnership.js";
import { withTable } from "./fixtures.js";

const instruments = [miniGrid, miniLedger];
const built = () => cellsFromOperations(buildOperations(smallPartnership(), instruments));
const read = (cells: WorkbookCells) => readPartnership(cells, instruments);
const messages = (cells: WorkbookCells) => read(cells).problems.map(formatProblem);

function rename(cells: WorkbookCells, table: string, from: string, to: string): WorkbookCells {
  return withTable(cells, table, (t) => ({
    ...t,
    headers: t.headers.map((h) => (h === from ? to : h)),
  }));
}

function deleteColumn(cells: WorkbookCells, table: string, header: string): WorkbookCells {
  return withTable(cells, table, (t) => {
    const column = t.headers.indexOf(header);
    const keep = <T>(row: T[]) => row.filter((_, i) => i !== column);
    return { ...t, headers: keep(t.headers), rows: t.rows.map(keep) };
  });
}

describe("renamed and deleted headers", () => {
  it("reads a renamed header's column, with a warning at its cell naming both headers", () => {
    const cells = rename(built(), "Partners", "Signatory name", "Signatory");
    expect(messages(cells)).toEqual([
      'Partners!H4: The header "Signatory name" has been changed to "Signatory"; its column is read as Signatory name. Rename the header back to "Signatory name": the workbook\'s formulas, dropdowns and the add-in find the column by it.',
    ]);
    expect(read(cells).partnership.partners).toEqual(smallPartnership().partners);
  });

  it("finds renamed headers on either side of the period columns", () => {
    let cells = rename(built(), "Indicators", "Source", "Data source");
    cells = rename(cells, "Indicators", "Latest", "Most recent");
    const { partnership, problems } = read(cells);
    expect(problems.map((p) => p.cell)).toEqual(["M4", "Q4"]);
    expect(partnership.periods).toEqual(["Q1", "Q2", "Q3"]);
    expect(partnership.indicators).toEqual(smallPartnership().indicators);
  });

  it("reports a deleted column where it should be, and still reads every row", () => {
    const cells = deleteColumn(built(), "Partners", "Signatory title");
    expect(messages(cells)).toEqual([
      'Partners!I4: Table Partners has no column "Signatory title" (this header cell holds "Contribution (£)"). Restore the column with the header "Signatory title" exactly; until then its values read as blank.',
    ]);
    const partners = read(cells).partnership.partners;
    expect(partners.map((p) => p.shortName)).toEqual(["EC", "Carers"]);
    expect(partners[0]?.signatoryTitle).toBe("");
    expect(partners[0]?.contribution).toBe(300_000);
  });

  it("makes a deleted column the rows need an error, once, at the header", () => {
    const cells = deleteColumn(built(), "Objectives", "ID");
    const errors = read(cells).problems.filter((p) => p.severity === "error");
    expect(errors.map(formatProblem)).toEqual([
      'Objectives!A4: Table Objectives has no column "ID" (this header cell holds "Objective"). Restore the column with the header "ID" exactly; until then its values read as blank.',
    ]);
    expect(read(cells).partnership.objectives).toHaveLength(1);
  });
});

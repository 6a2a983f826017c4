import { describe, expect, it } from "vitest";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { contributionShares } from "../../../core/measures/index.js";
import { formatProblem } from "../../../core/model/problem.js";
import type { CellValue, WorkbookCells } from "../../../core/read/cells.js";
import { readPartnership } from "../../../core/read/reader.js";
import { cellsFromOperations, withCell } from "../../support/cells-from-operations.js";
import { miniGrid, miniLedger, smallPartnership } from "../../support/small-partnership.js";
import { withTable } from "./fixtures.js";

const instruments = [miniGrid, miniLedger];
const built = () => cellsFromOperations(buildOperations(smallPartnership(), instruments));
const read = (cells: WorkbookCells) => readPartnership(cells, instruments);
const errors = (cells: WorkbookCells) =>
  read(cells)
    .problems.filter((p) => p.severity === "error")
    .map(formatProblem);

function setField(cells: WorkbookCells, label: string, value: CellValue): WorkbookCells {
  return withTable(cells, "Partnership", (t) => ({
    ...t,
    rows: t.rows.map((r) => (r[0] === label ? [r[0], value, ...r.slice(2)] : r)),
  }));
}

describe("implausible values are located errors, read as blank", () => {
  it("refuses a negative contribution, so no share goes outside 0–100%", () => {
    const cells = withCell(built(), "Partners", "Contribution (£)", 0, -5000);
    expect(errors(cells)).toContain(
      "Partners!J5: Contribution (£) cannot be negative, got -£5,000. Check the figure and type it again; until then it is read as blank.",
    );
    const { partnership } = read(cells);
    expect(partnership.partners[0]?.contribution).toBeNull();
    for (const share of contributionShares(partnership.partners))
      if (share !== null) expect(share >= 0 && share <= 1).toBe(true);
  });

  it("refuses contributions and budgets beyond £10bn, printed readably", () => {
    let cells = withCell(built(), "Partners", "Contribution (£)", 0, 1e300);
    cells = withCell(cells, "Finance", "Budget (£)", 0, 20_000_000_000);
    cells = withCell(cells, "Finance", "Actual spend (£)", 0, -1);
    const found = errors(cells);
    expect(found).toContainEqual(
      expect.stringMatching(
        /^Partners!J5: Contribution \(£\) of £1\.00e\+300 is implausibly large: the most it may be is £10,000,000,000\./,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^Finance!C5: Budget \(£\) of £20,000,000,000 is implausibly large/),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^Finance!D5: Actual spend \(£\) cannot be negative/),
    );
    const { partnership } = read(cells);
    expect(partnership.partners[0]?.contribution).toBeNull();
    expect(partnership.finance[0]?.budget).toBeNull();
  });

  it("refuses counts above sane limits", () => {
    let cells = withCell(built(), "Finance", "Outputs delivered", 0, 5e12);
    cells = setField(cells, "Quorum", 40_000);
    cells = setField(cells, "Notice period (months)", 600);
    const found = errors(cells);
    expect(found).toContainEqual(
      expect.stringMatching(
        /^Finance!G5: Outputs delivered of 5,000,000,000,000 is implausibly large/,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /^Partnership!B16: Quorum of 40,000 is implausibly large: the most it may be is 1,000/,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /^Partnership!B21: Notice period \(months\) of 600 is implausibly large/,
      ),
    );
    expect(read(cells).partnership.details.quorum).toBeNull();
  });

  it("refuses dates outside 1990–2100: year 10000, serial 0, 1E+9", () => {
    let cells = withCell(built(), "Objectives", "Due date", 0, new Date(Date.UTC(10000, 0, 1)));
    cells = setField(cells, "Start date", 0);
    cells = setField(cells, "Review date", 1e9);
    cells = setField(cells, "End date", new Date(Date.UTC(2101, 0, 1)));
    const found = errors(cells);
    expect(found).toContain(
      "Objectives!F5: Due date is 01/01/10000: dates must fall between 1990 and 2100. Check the year and type the date again as dd/mm/yyyy.",
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /^Partnership!B10: Start date is 30\/12\/1899: dates must fall between 1990 and 2100/,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^Partnership!B12: Review date holds 1000000000, which is no date/),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^Partnership!B11: End date is 01\/01\/2101/),
    );
    const { partnership } = read(cells);
    expect(partnership.objectives[0]?.dueDate).toBeNull();
    expect(partnership.details.startDate).toBeNull();
  });

  it("refuses astronomical indicator values, keeping negative ones", () => {
    let cells = withCell(built(), "Indicators", "Q1", 0, 1e15);
    cells = withCell(cells, "Indicators", "Baseline", 0, -3);
    expect(errors(cells)).toContainEqual(
      expect.stringMatching(/^Indicators!N5: Q1 of 1\.00e\+15 is implausibly large/),
    );
    const indicator = read(cells).partnership.indicators[0];
    expect(indicator?.values[0]).toBeNull();
    expect(indicator?.baseline).toBe(-3);
  });
});

import { describe, expect, it } from "vitest";
import { cellAddress } from "../../../core/layout/address.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { workbookSchema } from "../../../core/layout/schema.js";
import { indicatorColumns } from "../../../core/layout/tables/indicators.js";
import { formatProblem } from "../../../core/model/problem.js";
import type { Partnership } from "../../../core/model/types.js";
import { readPartnership } from "../../../core/read/reader.js";
import { cellsFromOperations, withCell } from "../../support/cells-from-operations.js";
import { miniGrid, miniLedger, smallPartnership } from "../../support/small-partnership.js";

// The optional SPC settings per indicator (issue 9): written by the blueprint,
// read back, and refused at their cell when wrong.

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
  "Apr 2027",
  "May 2027",
  "Jun 2027",
  "Jul 2027",
];

/** The small partnership with 16 monthly periods, K1 having a value in each. */
function monthly(): Partnership {
  const p = smallPartnership();
  p.periods = [...MONTHS];
  p.indicators = p.indicators.map((indicator, i) => ({
    ...indicator,
    values: MONTHS.map((_, m) => (i === 0 ? 10 + (m % 2) : null)),
  }));
  return p;
}
const cellsOf = (p: Partnership) => cellsFromOperations(buildOperations(p, instruments));
const read = (p: Partnership) => readPartnership(cellsOf(p), instruments);
/** The header's cell on K1's row (the table starts at A4, K1 on row 5). */
const at = (p: Partnership, header: string) =>
  cellAddress(5, indicatorColumns(p.periods).findIndex((c) => c.header === header) + 1);

describe("SPC baseline points and SPC rebase at, read back", () => {
  it("round-trips both settings, and leaves them out when blank", () => {
    const p = monthly();
    p.indicators[0] = { ...p.indicators[0]!, spcBaselinePoints: 12, spcRebaseAt: "Oct 2026" };
    const result = read(p);
    expect(result.problems.filter((x) => x.severity === "error")).toEqual([]);
    expect(result.partnership.indicators[0]).toEqual(p.indicators[0]);
    // Blank settings read as absent, as the model leaves them.
    expect(read(monthly()).partnership.indicators).toEqual(monthly().indicators);
  });

  it("refuses a baseline of fewer than 12 points at its cell, and reads it as blank", () => {
    const p = monthly();
    const cells = withCell(cellsOf(p), "Indicators", "SPC baseline points", 0, 6);
    const result = readPartnership(cells, instruments);
    expect(result.problems.map(formatProblem)).toContain(
      `Indicators!${at(p, "SPC baseline points")}: SPC baseline points must be at least 12, got 6. Making Data Count takes limits from 12 values at least (up to 20 is better): type 12 or more, or leave it blank to use every value.`,
    );
    expect(result.partnership.indicators[0]).not.toHaveProperty("spcBaselinePoints");
  });

  it("refuses a baseline that is not a whole number", () => {
    const p = monthly();
    const cells = withCell(cellsOf(p), "Indicators", "SPC baseline points", 0, 12.5);
    const messages = readPartnership(cells, instruments).problems.map(formatProblem);
    expect(
      messages.some((m) => m.includes("SPC baseline points must be a whole number, got 12.5")),
    ).toBe(true);
  });

  it("refuses a rebase that names no period column, listing them", () => {
    const p = monthly();
    const cells = withCell(cellsOf(p), "Indicators", "SPC rebase at", 0, "Q9 2025");
    const result = readPartnership(cells, instruments);
    expect(result.problems.map(formatProblem)).toContain(
      `Indicators!${at(p, "SPC rebase at")}: SPC rebase at "Q9 2025" is not one of the period columns (Apr 2026, May 2026, Jun 2026 … Jun 2027, Jul 2027). Type a period heading exactly as the Indicators table shows it, or leave the cell blank.`,
    );
    expect(result.partnership.indicators[0]).not.toHaveProperty("spcRebaseAt");
  });

  it("reads a heading in any case, and a date Excel made of one as its period", () => {
    const p = monthly();
    const typed = withCell(cellsOf(p), "Indicators", "SPC rebase at", 0, "oct 2026");
    expect(readPartnership(typed, instruments).partnership.indicators[0]?.spcRebaseAt).toBe(
      "Oct 2026",
    );
    const asDate = withCell(
      cellsOf(p),
      "Indicators",
      "SPC rebase at",
      0,
      new Date(Date.UTC(2026, 9, 1)),
    );
    expect(readPartnership(asDate, instruments).partnership.indicators[0]?.spcRebaseAt).toBe(
      "Oct 2026",
    );
  });

  it("warns, at the rebase cell, while the segment after it has fewer than 12 values", () => {
    const p = monthly();
    p.indicators[0] = { ...p.indicators[0]!, spcRebaseAt: "Oct 2026" };
    expect(read(p).problems.map(formatProblem)).toContain(
      `Indicators!${at(p, "SPC rebase at")}: K1 has 10 values since its SPC rebase at Oct 2026: no variation or assurance until it has 12. Nothing to do but wait for the values; remove the rebase to judge the whole series as one process meanwhile.`,
    );
    // At the first period it is one segment from the start: nothing to wait for.
    p.indicators[0] = { ...p.indicators[0]!, spcRebaseAt: "Apr 2026" };
    expect(read(p).problems.some((x) => x.message.includes("since its SPC rebase"))).toBe(false);
  });

  it("are in the workbook contract (partnership schema), after Assurance", () => {
    const columns = workbookSchema([]).tables.find((t) => t.table === "Indicators")?.columns ?? [];
    const headers = columns.map((c) => c.header);
    expect(
      headers.slice(headers.indexOf("Assurance") + 1, headers.indexOf("Assurance") + 3),
    ).toEqual(["SPC baseline points", "SPC rebase at"]);
    expect(columns.find((c) => c.header === "SPC baseline points")).toMatchObject({
      field: "spcBaselinePoints",
      type: "integer",
    });
    expect(columns.find((c) => c.header === "SPC rebase at")).toMatchObject({
      field: "spcRebaseAt",
    });
  });

  it("reads workbooks made before the SPC columns existed", () => {
    const p = monthly();
    const cells = cellsOf(p);
    const table = cells.tables.find((t) => t.name === "Indicators")!;
    const drop = ["SPC baseline points", "SPC rebase at"].map((h) => table.headers.indexOf(h));
    const keep = (_: unknown, i: number) => !drop.includes(i);
    const older = {
      ...cells,
      tables: cells.tables.map((t) =>
        t === table
          ? { ...t, headers: t.headers.filter(keep), rows: t.rows.map((r) => r.filter(keep)) }
          : t,
      ),
    };
    const result = readPartnership(older, instruments);
    expect(result.problems.filter((x) => x.severity === "error")).toEqual([]);
    expect(result.partnership.indicators).toEqual(p.indicators);
  });
});

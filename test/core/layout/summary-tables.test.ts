/**
 * The Summary names only tables the workbook holds: where one is absent (a
 * foreign sheet kept under our sheet's name), its lines say so in words,
 * since a formula naming a missing table is an error in Excel.
 */
import { describe, expect, it } from "vitest";
import { tablesOf, workbookPlan } from "../../../core/layout/blueprint.js";
import type { CellInput, Operation } from "../../../core/layout/operations.js";
import { summarySheet } from "../../../core/layout/tables/summary.js";
import { miniGrid, miniLedger, smallPartnership } from "../../support/small-partnership.js";

/** Every table of a whole workbook. */
const ALL = workbookPlan(smallPartnership(), [miniGrid, miniLedger]).flatMap(tablesOf);

/** Every cell the operations write: labels, notes and formulas. */
function cells(ops: Operation[]): CellInput[] {
  return ops.flatMap((op) => (op.kind === "writeBlock" ? op.cells.flat() : []));
}

const formulas = (ops: Operation[]) =>
  cells(ops).flatMap((c) => (c !== null && typeof c === "object" ? [c.formula] : []));

describe("the Summary's tables", () => {
  it("names every table when all are there, as the command line's whole workbook has", () => {
    const everything = summarySheet([miniGrid, miniLedger]);
    expect(summarySheet([miniGrid, miniLedger], ALL)).toEqual(everything);
    expect(formulas(everything).join(" ")).toMatch(/Indicators\[RAG\]/);
  });

  it("writes a note instead of each line that needs an absent table, comparing names without case", () => {
    const ops = summarySheet([miniGrid, miniLedger], ["partners", "FINANCE", "Assessment_ledger"]);
    const text = cells(ops);
    expect(text.filter((c) => c === "Indicators table not in this workbook")).toHaveLength(6);
    expect(text).toContain("Assessment_mini table not in this workbook");
    for (const formula of formulas(ops)) {
      expect(formula).not.toMatch(/Indicators\[|Assessment_mini\[/);
    }
    expect(formulas(ops).some((f) => f.includes("Finance[Budget (£)]"))).toBe(true);
    expect(formulas(ops).some((f) => f.includes("Assessment_ledger["))).toBe(true);
  });

  it("leaves out the finance ratios too when Finance is absent, since they are built on its totals", () => {
    const ops = summarySheet([], ["Partners", "Indicators"]);
    expect(cells(ops).filter((c) => c === "Finance table not in this workbook")).toHaveLength(9);
    expect(formulas(ops).some((f) => f.includes("Partners[Contribution (£)]"))).toBe(true);
    expect(formulas(ops).filter((f) => /^=B\d+|IF\(N\(B/.test(f))).toEqual([]);
  });

  it("is passed through the workbook plan", () => {
    const plan = workbookPlan(smallPartnership(), [miniGrid], { availableTables: ["Partners"] });
    const summary = plan.find((p) => p.sheet === "Summary");
    expect(cells(summary?.operations ?? [])).toContain("Finance table not in this workbook");
  });
});

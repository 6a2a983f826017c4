import { describe, expect, it } from "vitest";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { FINANCE_COLUMNS, FINANCE_TABLE } from "../../../core/layout/tables/finance.js";
import { SUMMARY_LAYOUT, SUMMARY_SHEET } from "../../../core/layout/tables/summary.js";
import type { Operation } from "../../../core/layout/operations.js";
import { readPartnership } from "../../../core/read/reader.js";
import { cellsFromOperations } from "../../support/cells-from-operations.js";
import { miniGrid, miniLedger, smallPartnership } from "../../support/small-partnership.js";
import { withTable } from "../read/fixtures.js";

const instruments = [miniGrid, miniLedger];
const operations = () => buildOperations(smallPartnership(), instruments);

function summaryLabels(ops: readonly Operation[]): string[] {
  return ops.flatMap((o) =>
    o.kind === "writeBlock" && o.sheet === SUMMARY_SHEET
      ? o.cells.flatMap((row) => (typeof row[0] === "string" ? [row[0]] : []))
      : [],
  );
}

describe("the Finance sheet and the Summary are honest about units", () => {
  it("the Summary totals pounds, never outputs or outcomes across lines", () => {
    const labels = summaryLabels(operations());
    expect(labels).toContain("Forecast variance (£)");
    expect(labels).toContain("Budgets less pooled fund (£)");
    // The block's heading may say where efficiency lives; no line may total it.
    const lines = labels.filter((l) => !l.startsWith("Finance:"));
    expect(lines.filter((l) => /efficien|effective|outputs|outcome target/i.test(l))).toEqual([]);
    // The finance block still ends before the assessments' heading row.
    const finance = labels.indexOf("Pooled fund (£)");
    const assessments = labels.indexOf("Assessments");
    expect(assessments - finance).toBeLessThanOrEqual(
      SUMMARY_LAYOUT.assessmentsHeaderRow - 1 - SUMMARY_LAYOUT.financeRow,
    );
  });

  it("totals same-measure lines with SUMPRODUCT, which reads a measure like '<5 days' as text", () => {
    const sameMeasure = FINANCE_COLUMNS.filter((c) => c.header.startsWith("Same-"));
    expect(sameMeasure.map((c) => c.header)).toEqual([
      "Same-output efficiency (per £1,000)",
      "Same-outcome effectiveness (%)",
    ]);
    for (const column of sameMeasure) {
      expect(column.formula).toContain("SUMPRODUCT(");
      expect(column.formula).not.toMatch(/SUMIFS?\(|COUNTIFS?\(/);
      expect(column.formula).toMatch(new RegExp(`${FINANCE_TABLE}\\[(Output|Outcome) measure\\]=`));
    }
  });

  it("sets the variance from the forecast outturn, never from spend to date", () => {
    const variance = FINANCE_COLUMNS.find((c) => c.header === "Forecast variance (£)");
    expect(variance?.formula).toContain("Forecast outturn (£)");
    expect(variance?.formula).not.toContain("Actual spend");
  });

  it("reads forecast outturn and benchmark unit cost back", () => {
    const { partnership } = readPartnership(cellsFromOperations(operations()), instruments);
    expect(partnership.finance[0]?.forecast).toBe(98_000);
    expect(partnership.finance[0]?.benchmarkUnitCost).toBe(32);
  });

  it("reads a workbook made before the forecast and benchmark columns, as blanks, without errors", () => {
    const dropped = new Set(["Forecast outturn (£)", "Benchmark unit cost (£)"]);
    const old = withTable(cellsFromOperations(operations()), "Finance", (t) => {
      const keep = t.headers.map((h) => !dropped.has(h));
      return {
        ...t,
        headers: t.headers.filter((_, i) => keep[i]),
        rows: t.rows.map((r) => r.filter((_, i) => keep[i])),
      };
    });
    const { partnership, problems } = readPartnership(old, instruments);
    expect(problems.filter((p) => p.sheet === "Finance" && p.severity === "error")).toEqual([]);
    expect(partnership.finance[0]?.forecast ?? null).toBeNull();
    expect(partnership.finance[0]?.benchmarkUnitCost ?? null).toBeNull();
    expect(partnership.finance[0]?.budget).toBe(100_000);
  });
});

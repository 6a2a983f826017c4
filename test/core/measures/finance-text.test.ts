import { describe, expect, it } from "vitest";
import { exampleFinance } from "../../../core/example/finance.js";
import { financeSummary } from "../../../core/measures/finance.js";
import { financeSummaryLines } from "../../../core/measures/finance-text.js";
import type { FinanceLine } from "../../../core/model/types.js";

describe("financeSummaryLines", () => {
  it("gives the example's pounds, then efficiency and effectiveness only where lines count the same thing", () => {
    const lines = financeSummaryLines(financeSummary(exampleFinance(), []));
    expect(lines[0]).toBe(
      "Finance: budget £6,325,000, spend to date £6,141,200, forecast outturn £6,145,500, forecast variance £30,500 (0.5%; 1 line(s) without a forecast left out)",
    );
    expect(lines.slice(1)).toEqual([
      "Efficiency, Reablement episodes (2 lines): 0.76 per £1,000",
      "Effectiveness, People still at home 91 days after reablement (2 lines): 95.4%",
    ]);
  });

  it("says efficiency and effectiveness are per line when no two lines share a measure", () => {
    const only: FinanceLine[] = exampleFinance().filter(
      (l) => l.serviceLine !== "Bed-based reablement",
    );
    const lines = financeSummaryLines(financeSummary(only, []));
    expect(lines.slice(1)).toEqual([
      "Efficiency and effectiveness: per service line on the Finance sheet",
    ]);
    expect(lines.join("\n")).not.toMatch(/outputs per £1,000/);
  });
});

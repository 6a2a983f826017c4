import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../core/model/problem.js";
import { emptyOrigins } from "../../../core/model/origins.js";
import type { Partnership } from "../../../core/model/types.js";
import { financeReconciliation } from "../../../core/use-cases/finance-reconciliation.js";
import { smallPartnership } from "../../support/small-partnership.js";

/** The small partnership with the given contributions and budgets. */
function withMoney(contributions: (number | null)[], budgets: (number | null)[]): Partnership {
  const p = smallPartnership();
  const partner = p.partners[0];
  const line = p.finance[0];
  if (!partner || !line) throw new Error("the small partnership needs a partner and a line");
  return {
    ...p,
    partners: contributions.map((contribution, i) => ({
      ...partner,
      shortName: `P${i}`,
      contribution,
    })),
    finance: budgets.map((budget, i) => ({ ...line, serviceLine: `Line ${i}`, budget })),
  };
}

describe("financeReconciliation", () => {
  it("warns with both totals when the budgets fall short of the pooled fund", () => {
    const problem = financeReconciliation(withMoney([8_000_000, 300_000], [5_685_000, null]));
    expect(problem?.severity).toBe("warning");
    expect(problem?.message).toBe(
      "Service line budgets total £5,685,000 but the partners' pooled contributions total £8,300,000: the budgets are £2,615,000 less than the pooled fund",
    );
    expect(problem?.hint).toMatch(/Budget \(£\).*Contribution \(£\)/);
  });

  it("says when the budgets are more than the pooled fund", () => {
    expect(financeReconciliation(withMoney([100], [60, 60]))?.message).toMatch(
      /£120 but .* £100: the budgets are £20 more than the pooled fund$/,
    );
  });

  it("is quiet when the two agree, to the penny", () => {
    expect(financeReconciliation(withMoney([250_000.1, 49_999.9], [300_000]))).toBeNull();
    expect(financeReconciliation(withMoney([0.1, 0.2], [0.3]))).toBeNull();
  });

  it("is quiet for a partnership without a pooled fund or contributions", () => {
    expect(financeReconciliation(withMoney([null, 0], [100_000]))).toBeNull();
  });

  it("warns for a pooled-fund agreement whose partners have put nothing in yet", () => {
    const p = withMoney([null], [100_000]);
    const pooled: Partnership = {
      ...p,
      details: { ...p.details, arrangement: "Formal agreement with pooled fund" },
    };
    expect(financeReconciliation(pooled)?.message).toMatch(/total £0:/);
  });

  it("points at the first budget the reader found, else at the Finance table", () => {
    const p = withMoney([100], [50]);
    const origins = emptyOrigins();
    origins.finance.push({
      sheet: "Finance",
      row: 9,
      fields: { budget: { sheet: "Finance", cell: "C9" } },
    });
    expect(formatProblem(financeReconciliation(p, origins)!)).toMatch(/^Finance!C9: /);
    expect(financeReconciliation(p)?.sheet).toBe("Finance");
    expect(financeReconciliation(p)?.cell).toMatch(/^A\d+$/);
  });
});

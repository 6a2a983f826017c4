import { tableLocation } from "../document/locations.js";
import { formatMoney } from "../format/uk.js";
import { pooledFundTotal } from "../measures/finance.js";
import type { ReadOrigins } from "../model/origins.js";
import type { Problem } from "../model/problem.js";
import type { Partnership } from "../model/types.js";

/** Totals closer than half a penny are the same sum written two ways. */
const HALF_PENNY = 0.005;

/**
 * The pooled fund is what the partners put in (Partners) and what the
 * service lines plan to spend (Finance): two tables typed by different
 * people, so they drift. A partnership with no pooled fund and no
 * contributions has nothing to reconcile.
 */
export function financeReconciliation(
  partnership: Partnership,
  origins?: ReadOrigins,
): Problem | null {
  const pooled = pooledFundTotal(partnership.partners);
  const budgets = partnership.finance.reduce((total, line) => total + (line.budget ?? 0), 0);
  const hasFund =
    pooled > 0 || partnership.details.arrangement === "Formal agreement with pooled fund";
  if (!hasFund || Math.abs(pooled - budgets) < HALF_PENNY) return null;
  const where = origins?.finance[0]?.fields.budget ?? tableLocation("Finance", origins);
  const gap = budgets - pooled;
  const direction = gap > 0 ? "more than" : "less than";
  return {
    severity: "warning",
    sheet: where.sheet,
    cell: where.cell,
    message: `Service line budgets total ${formatMoney(budgets, 0)} but the partners' pooled contributions total ${formatMoney(pooled, 0)}: the budgets are ${formatMoney(Math.abs(gap), 0)} ${direction} the pooled fund`,
    hint: "Make the Budget (£) column on Finance add up to the Contribution (£) column on Partners, or correct whichever is wrong.",
  };
}

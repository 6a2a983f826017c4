import type { Indicator } from "../model/types.js";
import { SPC_MIN_POINTS, type SpcInput } from "./spc.js";

/**
 * What SPC judges of one indicator: its values in period order, polarity,
 * target, and its own baseline and rebase settings. One function, so the
 * Indicators sheet, the SPC sheet's charts, `check` and the performance
 * report all judge the same points against the same limits.
 *
 * Settings the reader has already reported as wrong (a rebase period that is
 * not a period column, a baseline below twelve) are left out here rather
 * than thrown on: the problem is shown at its cell, and the rest still works.
 */
export function spcInputOf(indicator: Indicator, periods: readonly string[]): SpcInput {
  const baseline = indicator.spcBaselinePoints ?? null;
  const rebase = indicator.spcRebaseAt ?? null;
  return {
    values: periods.map((_, i) => indicator.values[i] ?? null),
    periods,
    polarity: indicator.polarity,
    target: indicator.target,
    baselinePoints:
      baseline !== null && Number.isInteger(baseline) && baseline >= SPC_MIN_POINTS
        ? baseline
        : null,
    rebaseAt: rebase !== null && periods.includes(rebase) ? rebase : null,
  };
}

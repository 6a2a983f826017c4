/**
 * The example's monthly indicators and their trajectory: two years of
 * monthly figures, chosen so the example shows every statistical process
 * control signal and verdict a board reads (spc.ts), a winter trajectory in
 * the Targets table, a return not yet in, and an indicator Red two months
 * running.
 *
 *   I25 a shift (the last 9 months above the mean): improvement; the target
 *       lies within the limits, so assurance is inconsistent.
 *   I26 a trend (8 months each higher than the last) then a shift: concern;
 *       the target is below the lower limit of a lower-is-better process, so
 *       assurance is fail. Red in February and March against its trajectory.
 *   I27 a point beyond the lower limit (the telephony outage of November
 *       2024), common variation since; the target is below the lower limit,
 *       so assurance is pass. March 2026 not yet returned.
 *   I28 two of three points near the upper limit at the end: neutral_high
 *       (closer to target has no better side); no assurance.
 */
import type { PeriodTarget } from "../model/types.js";
import type { Notes, Row } from "./objectives.js";

const _ = null;

// prettier-ignore
export const MONTHLY_ROWS: Row[] = [
  ["I25", "O2", "Older people starting reablement within 48 hours of leaving hospital", "Output", "people", "Higher is better", "Monthly", 86, 92, 0.05, "Reablement service manager, County Council", "Adult social care case records", [86, 88, 85, 87, 89, 86, 84, 87, 88, 85, 87, 89, 86, 88, 87, 91, 93, 90, 92, 94, 91, 93, 92, 94]],
  ["I26", "O1", "Older people in hospital waiting for a care package (month end)", "Outcome", "patients", "Lower is better", "Monthly", 24, 14, 0.1, "Discharge lead, Northvale ICB", "Daily discharge tracker", [24, 22, 25, 23, 21, 24, 26, 23, 22, 25, 23, 24, 22, 25, 21, 22, 23, 24, 25, 26, 27, 28, 24, 25]],
  ["I27", "O4", "Single point of access calls answered", "Output", "%", "Higher is better", "Monthly", 0.9, 0.85, 0.05, "Single point of access manager, Community Trust", "Telephony system", [0.91, 0.93, 0.92, 0.9, 0.94, 0.92, 0.91, 0.78, 0.93, 0.92, 0.94, 0.91, 0.93, 0.92, 0.9, 0.93, 0.92, 0.94, 0.91, 0.92, 0.93, 0.91, 0.92, _]],
  ["I28", "O1", "Discharge to assess beds occupied (average in the month)", "Input", "beds", "Closer to target", "Monthly", 40, 40, 0.05, "Head of Integrated Commissioning, County Council", "Pooled fund contract register", [40, 38, 41, 39, 40, 42, 39, 38, 41, 40, 39, 41, 40, 38, 39, 41, 40, 39, 38, 40, 39, 41, 43.5, 43.2]],
];

export const MONTHLY_NOTES: Notes = {
  I25: { commentary: "Up since the hospital reablement in-reach team started in July 2025." },
  I26: {
    commentary:
      "Rising since October: home care providers cannot recruit enough carers for the winter.",
    correctiveAction:
      "County Council to commission 400 extra home care hours a week from February; weekly escalation calls with providers.",
  },
  I27: {
    commentary:
      "The November 2024 dip was the telephony outage; March's figure is late from the supplier.",
  },
  I28: {
    commentary: "Winter beds commissioned in February keep occupancy above the contracted 40.",
  },
};

/**
 * The Targets table: I26's winter trajectory, which allows for the usual
 * winter rise before the year-end target. Periods without a row follow the
 * straight line from baseline to target.
 */
export function exampleTargets(): PeriodTarget[] {
  return [
    { indicatorId: "I26", period: "Oct 2025", target: 20 },
    { indicatorId: "I26", period: "Nov 2025", target: 21 },
    { indicatorId: "I26", period: "Dec 2025", target: 22 },
    { indicatorId: "I26", period: "Jan 2026", target: 22 },
    { indicatorId: "I26", period: "Feb 2026", target: 19 },
    { indicatorId: "I26", period: "Mar 2026", target: 17 },
  ];
}

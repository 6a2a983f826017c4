import type { Indicator, Partnership } from "../../core/model/types.js";
import { smallPartnership } from "./small-partnership.js";

/**
 * A partnership with 24 monthly periods, for SPC charts and the performance
 * report: K1 (lower is better) improves with a shift after month 12; K2 (a
 * percentage, higher is better) is steady and red twice running against a
 * target it cannot meet; K3 has too few values for SPC; K4 sits under a
 * second objective. Built here until the shipped example grows monthly data.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export const MONTHLY_PERIODS = [
  ...MONTHS.map((m) => `${m} 2025`),
  ...MONTHS.map((m) => `${m} 2026`),
];

function indicator(fields: Partial<Indicator> & Pick<Indicator, "id" | "values">): Indicator {
  return {
    objectiveId: "O1",
    indicator: `Indicator ${fields.id}`,
    type: "Outcome",
    unit: "rate",
    polarity: "Higher is better",
    frequency: "Monthly",
    baseline: null,
    target: null,
    tolerance: 0.05,
    owner: "EC",
    source: "Local data",
    commentary: "",
    correctiveAction: "",
    ...fields,
  };
}

export function monthlyPartnership(): Partnership {
  const p = smallPartnership();
  p.periods = [...MONTHLY_PERIODS];
  p.objectives.push({
    id: "O2",
    objective: "Carers report feeling supported.",
    priority: "Medium",
    leadPartner: "Carers",
    quickWin: false,
    dueDate: "2027-03-31",
    smart: { specific: true, measurable: true, achievable: true, realistic: true, timeBound: true },
  });
  p.indicators = [
    indicator({
      id: "K1",
      indicator: "Delayed transfers per 100,000",
      polarity: "Lower is better",
      baseline: 12,
      target: 9,
      tolerance: 0.1,
      values: [
        12, 11.5, 12.4, 11.8, 12.1, 12.6, 11.9, 12.2, 12.0, 11.7, 12.3, 12.1, 9.9, 10.2, 9.6, 9.8,
        10.1, 9.7, 9.5, 9.9, 9.4, 9.6, 9.3, 9.2,
      ],
      commentary: "Discharge-to-assess has cut waits since January.",
    }),
    indicator({
      id: "K2",
      indicator: "Carers offered an assessment",
      unit: "%",
      baseline: 0.6,
      target: 0.9,
      values: [
        0.61, 0.63, 0.6, 0.62, 0.64, 0.61, 0.6, 0.63, 0.62, 0.61, 0.64, 0.6, 0.62, 0.61, 0.63, 0.6,
        0.62, 0.64, 0.61, 0.62, 0.6, 0.63, 0.61, 0.62,
      ],
      commentary: "",
      correctiveAction: "Assessment slots added at every GP surgery from March.",
    }),
    indicator({
      id: "K3",
      indicator: "Reablement hours per week",
      unit: "hours",
      target: 500,
      values: [...Array<null>(19).fill(null), 420, 450, 470, 480, null],
    }),
    indicator({
      id: "K4",
      objectiveId: "O2",
      indicator: "Carers' breaks funded",
      unit: "breaks",
      polarity: "Higher is better",
      target: 40,
      values: [
        30, 31, 29, 32, 30, 31, 33, 30, 29, 31, 32, 30, 31, 30, 32, 29, 31, 30, 33, 31, 30, 29, 31,
        44,
      ],
      commentary: "A one-off grant in December.",
    }),
  ];
  p.finance.push({
    serviceLine: "Carers' breaks",
    leadPartner: "Carers",
    budget: 50_000,
    actual: 30_000,
    outputMeasure: "Breaks",
    outputs: 120,
    outcomeMeasure: "",
    outcomeTarget: null,
    outcomesAchieved: null,
  });
  return p;
}

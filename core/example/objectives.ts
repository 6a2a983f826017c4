/**
 * The example's objectives, reporting periods and indicators. The values are
 * chosen so every RAG status, direction and indicator type appears, with the
 * gaps real returns have: a latest quarter not yet in for some indicators,
 * annual surveys, a new service with no baseline, one indicator never
 * reported and one reported once.
 */
import { periodsOf, type PeriodPlan } from "../measures/periods.js";
import type { Frequency, Indicator, IndicatorType, Objective, Polarity } from "../model/types.js";
import { MONTHLY_NOTES, MONTHLY_ROWS } from "./targets.js";

const ALL_SMART = {
  specific: true,
  measurable: true,
  achievable: true,
  realistic: true,
  timeBound: true,
};

export function exampleObjectives(): Objective[] {
  return [
    {
      id: "O1",
      objective:
        "Reduce the average number of older patients whose discharge from Northvale General Hospital is delayed from 48 to 36 a day by March 2026.",
      priority: "High",
      leadPartner: "Northvale ICB",
      quickWin: false,
      dueDate: "2026-03-31",
      smart: { ...ALL_SMART },
    },
    {
      id: "O2",
      objective:
        "Increase the proportion of older people still at home 91 days after leaving hospital into reablement from 78% to 85% by March 2026.",
      priority: "High",
      leadPartner: "County Council",
      quickWin: false,
      dueDate: "2026-03-31",
      smart: { ...ALL_SMART },
    },
    {
      id: "O3",
      objective:
        "Complete 90% of home adaptations for older people within 20 weeks of referral by September 2025.",
      priority: "Medium",
      leadPartner: "Eastbrook DC",
      quickWin: false,
      dueDate: "2025-09-30",
      smart: { ...ALL_SMART },
    },
    {
      id: "O4",
      objective:
        "Open a single telephone number for all community health and social care referrals for older people by 30 September 2024.",
      priority: "High",
      leadPartner: "Community Trust",
      quickWin: true,
      dueDate: "2024-09-30",
      smart: { ...ALL_SMART },
    },
    {
      id: "O5",
      objective:
        "Complete 260 carers' assessments a quarter and offer every assessed carer a funded break by March 2026.",
      priority: "Medium",
      leadPartner: "Carers Forum",
      quickWin: false,
      dueDate: "2026-03-31",
      // A break for every carer is more than the pooled fund can pay for.
      smart: { ...ALL_SMART, realistic: false },
    },
    {
      id: "O6",
      objective: "Improve the wellbeing of older people in Northvale.",
      priority: "Low",
      leadPartner: "Age Well",
      quickWin: false,
      dueDate: null,
      smart: {
        specific: false,
        measurable: false,
        achievable: true,
        realistic: true,
        timeBound: false,
      },
    },
  ];
}

/**
 * Monthly periods, April 2024 to March 2026: one period length for the whole
 * partnership, with each indicator's Frequency saying which periods it
 * reports in (a quarterly indicator in June, September, December and March;
 * an annual one in March), so monthly and quarterly indicators share one
 * set of columns and one set of dates.
 */
export const EXAMPLE_PLAN: PeriodPlan = { start: "2024-04-01", length: "month", count: 24 };

export function examplePeriods(): string[] {
  return periodsOf(EXAMPLE_PLAN).map((period) => period.label);
}

/** Spreads eight quarterly figures over the 24 months, each in its quarter's last month. */
function quarterly(values: readonly (number | null)[]): (number | null)[] {
  const months: (number | null)[] = [];
  for (const value of values) months.push(null, null, value);
  return months;
}

export type Row = [
  id: string,
  objectiveId: string,
  indicator: string,
  type: IndicatorType,
  unit: string,
  polarity: Polarity,
  frequency: Frequency,
  baseline: number | null,
  target: number | null,
  tolerance: number | null,
  owner: string,
  source: string,
  values: (number | null)[],
];

const _ = null;

/** One row per quarterly or annual indicator (eight quarters' values), in the order of the Indicators sheet's columns. */
// prettier-ignore
const QUARTERLY_ROWS: Row[] = [
  ["I1", "O1", "Older patients delayed in hospital (average a day)", "Outcome", "patients a day", "Lower is better", "Quarterly", 48, 36, 0.1, "Discharge lead, Northvale ICB", "Daily discharge tracker", [47, 45, 44, 41, 40, 38, 37, _]],
  ["I2", "O1", "Discharges of older patients before midday", "Output", "%", "Higher is better", "Quarterly", 0.22, 0.35, 0.1, "Discharge lead, Northvale ICB", "Hospital patient administration system", [0.23, 0.25, 0.27, 0.29, 0.31, 0.33, 0.36, 0.37]],
  ["I3", "O1", "Emergency readmissions within 30 days of discharge (65+)", "Outcome", "%", "Lower is better", "Quarterly", 0.165, 0.15, 0.05, "Head of Quality, Northvale ICB", "Secondary Uses Service extract", [0.164, 0.166, 0.161, 0.158, 0.162, 0.159, 0.163, _]],
  ["I4", "O1", "Discharge to assess beds commissioned", "Input", "beds", "Closer to target", "Quarterly", 30, 40, 0.1, "Head of Integrated Commissioning, County Council", "Pooled fund contract register", [30, 34, 38, 40, 41, 39, 40, 40]],
  ["I5", "O2", "Older people still at home 91 days after discharge into reablement", "Outcome", "%", "Higher is better", "Quarterly", 0.78, 0.85, 0.05, "Reablement service manager, County Council", "Adult social care case records", [0.78, 0.79, 0.81, 0.8, 0.82, 0.83, 0.82, _]],
  ["I6", "O2", "Reablement episodes started", "Output", "episodes", "Higher is better", "Quarterly", 310, 420, 0.1, "Reablement service manager, County Council", "Adult social care case records", [320, 345, 360, 372, 390, 401, 415, 428]],
  ["I7", "O2", "Reablement episodes ending with no ongoing care need", "Outcome", "%", "Higher is better", "Quarterly", 0.55, 0.65, 0.1, "Reablement service manager, County Council", "Adult social care case records", [0.55, 0.56, 0.58, 0.57, 0.59, 0.58, 0.57, 0.56]],
  ["I8", "O2", "Reablement staff in post", "Input", "whole-time equivalent", "Closer to target", "Quarterly", 52, 60, 0.05, "Workforce lead, County Council", "Payroll establishment report", [52, 54, 55, 57, 58, 61, 63, 65]],
  ["I9", "O3", "Home adaptations completed within 20 weeks of referral", "Outcome", "%", "Higher is better", "Quarterly", 0.62, 0.9, 0.1, "Private sector housing manager, Eastbrook DC", "Housing grants database", [0.62, 0.66, 0.71, 0.78, 0.84, 0.88, 0.91, _]],
  ["I10", "O3", "Average weeks from referral to completed adaptation", "Output", "weeks", "Lower is better", "Quarterly", 31, 20, 0.15, "Private sector housing manager, Eastbrook DC", "Housing grants database", [31, 29, 27, 25, 23, 22, 21, 22]],
  ["I11", "O3", "Disabled Facilities Grant spend", "Input", "£", "Closer to target", "Quarterly", 120000, 162500, 0.1, "Finance business partner, Eastbrook DC", "District council ledger", [120000, 150000, 158000, 171000, 149000, 166000, 160000, _]],
  ["I12", "O4", "Single point of access calls answered within 2 minutes", "Output", "%", "Higher is better", "Quarterly", _, 0.8, 0.1, "Single point of access manager, Community Trust", "Telephony system", [_, _, 0.71, 0.76, 0.79, 0.83, 0.85, 0.84]],
  ["I13", "O4", "Referrals triaged by the single point of access", "Output", "referrals", "Higher is better", "Quarterly", _, 1500, 0.1, "Single point of access manager, Community Trust", "Single point of access referral log", [_, _, 1120, 1290, 1380, 1460, 1510, 1495]],
  ["I14", "O5", "Carers' assessments completed", "Output", "assessments", "Higher is better", "Quarterly", 180, 260, 0.1, "Carers lead, County Council", "Adult social care case records", [182, 190, 205, 214, 230, 241, 250, _]],
  ["I15", "O5", "Carers who feel supported to keep caring", "Outcome", "%", "Higher is better", "Annual", 0.38, 0.5, 0.1, "Chair, Carers Forum", "Annual carers' survey", [_, _, _, 0.41, _, _, _, 0.44]],
  ["I16", "O5", "Carers given a funded break", "Output", "carers", "Higher is better", "Quarterly", 95, 140, 0.1, "Carers Centre manager, Carers Forum", "Carers Centre records", [96, 101, 99, 112, 118, 124, 131, 135]],
  ["I17", "O6", "Older people reporting a good quality of life", "Outcome", "%", "Higher is better", "Annual", _, 0.6, 0.1, "Chief Officer, Age Well", "Residents' survey (first due 2026)", [_, _, _, _, _, _, _, _]],
  ["I18", "O6", "Befriending volunteers active", "Input", "volunteers", "Higher is better", "Quarterly", 40, 60, 0.1, "Volunteer coordinator, Age Well", "Volunteer database", [_, _, _, _, _, _, 44, _]],
  ["I19", "O1", "Permanent admissions to care homes (65+, per 100,000 a year)", "Outcome", "per 100,000", "Lower is better", "Quarterly", 620, 560, 0.05, "Head of Integrated Commissioning, County Council", "Adult social care short and long term return", [618, 610, 604, 597, 590, 585, 579, _]],
  ["I20", "O2", "Emergency admissions after a fall (65+)", "Outcome", "admissions", "Lower is better", "Quarterly", 410, 370, 0.05, "Falls prevention lead, Community Trust", "Secondary Uses Service extract", [405, 398, 402, 380, 371, 365, 362, 358]],
  ["I21", "O2", "Pooled fund spend in the quarter", "Input", "£", "Closer to target", "Quarterly", _, 2075000, 0.02, "Pooled fund manager, County Council", "Pooled fund monitoring report", [1980000, 2050000, 2110000, 2160000, 2020000, 2090000, 2190000, _]],
  ["I22", "O4", "Average days from referral to first contact", "Output", "days", "Lower is better", "Quarterly", _, 2, 0.25, "Single point of access manager, Community Trust", "Single point of access referral log", [_, _, 4.1, 3.5, 2.8, 2.4, 2.3, 2.3]],
  ["I23", "O3", "Hospital discharges delayed by housing problems", "Outcome", "discharges", "Lower is better", "Quarterly", 35, 20, 0.1, "Housing options manager, Eastbrook DC", "Daily discharge tracker", [36, 33, 30, 27, 24, 22, 19, _]],
  ["I24", "O2", "Average length of a reablement episode", "Output", "days", "Closer to target", "Quarterly", 38, 42, 0.1, "Reablement service manager, County Council", "Adult social care case records", [38, 40, 45, 47, 44, 43, 41, _]],
];

/** What owners wrote beside their figures: every Red indicator has a corrective action. */
export type Notes = Record<string, { commentary: string; correctiveAction?: string }>;

const NOTES: Notes = {
  I1: { commentary: "Falling steadily since the discharge hub opened; one day off target." },
  I3: {
    commentary:
      "Readmissions rose over the winter, mostly people discharged without a medicines review.",
    correctiveAction:
      "Community pharmacists to review medicines within 48 hours of discharge from January; report to the March board.",
  },
  I7: {
    commentary:
      "More people with complex needs are starting reablement than the service was designed for.",
    correctiveAction:
      "Reablement criteria and therapy input under review by the Community Trust and County Council; options to the next board.",
  },
  I15: {
    commentary: "Improving after the carers' hub opened, but still well short of target.",
    correctiveAction:
      "Carers Forum to run two listening events; carers' breaks budget increased from the underspend on Line 4.",
  },
  I18: {
    commentary: "The recruitment drive began in Q3; first figures only.",
    correctiveAction:
      "Age Well to recruit through GP practices and libraries; target 60 active volunteers by Q2 2026/27.",
  },
  I21: {
    commentary: "Spend above profile because of winter beds commissioned in Q3.",
    correctiveAction:
      "Pooled fund manager to bring a recovery plan to the board under the risk-share arrangements.",
  },
};

export function exampleIndicators(): Indicator[] {
  const dueDates = new Map(exampleObjectives().map((o) => [o.id, o.dueDate]));
  const rows = [
    ...QUARTERLY_ROWS.map((row): Row => [...row.slice(0, 12), quarterly(row[12])] as Row),
    ...MONTHLY_ROWS,
  ];
  const notes = { ...NOTES, ...MONTHLY_NOTES };
  return rows.map(
    ([
      id,
      objectiveId,
      indicator,
      type,
      unit,
      polarity,
      frequency,
      baseline,
      target,
      tolerance,
      owner,
      source,
      values,
    ]) => ({
      id,
      objectiveId,
      indicator,
      type,
      unit,
      polarity,
      frequency,
      baseline,
      target,
      // Each indicator is due when its objective is; O6 has no date, so the plan's end applies.
      ...(dueDates.get(objectiveId) ? { targetDate: dueDates.get(objectiveId) } : {}),
      tolerance,
      owner,
      source,
      values: [...values],
      commentary: notes[id]?.commentary ?? "",
      correctiveAction: notes[id]?.correctiveAction ?? "",
    }),
  );
}

/**
 * The example's service lines: budget, spend to date, forecast outturn and
 * benchmark unit cost (economy), outputs (efficiency) and outcomes
 * (effectiveness). One line has delivered no outputs yet, so its ratios are
 * blank; one has achieved no outcomes yet; one has no outcome recorded, so
 * effectiveness leaves it out; one has no forecast, so no variance. The two
 * reablement lines share their measures, the only same-measure totals.
 *
 * The budgets (£6.325m) deliberately fall short of the partners' pooled
 * contributions (£8.3m), so `check` shows its reconciliation warning.
 */
import type { FinanceLine } from "../model/types.js";

export function exampleFinance(): FinanceLine[] {
  return [
    {
      serviceLine: "Discharge to assess beds",
      leadPartner: "Northvale ICB",
      budget: 1460000,
      actual: 1512000,
      forecast: 1548000,
      outputMeasure: "Bed days provided",
      outputs: 14200,
      benchmarkUnitCost: 105,
      outcomeMeasure: "People returning home from a discharge to assess bed",
      outcomeTarget: 520,
      outcomesAchieved: 468,
    },
    {
      serviceLine: "Home-based reablement",
      leadPartner: "County Council",
      budget: 2100000,
      actual: 2045000,
      forecast: 2080000,
      outputMeasure: "Reablement episodes",
      outputs: 1610,
      benchmarkUnitCost: 1250,
      outcomeMeasure: "People still at home 91 days after reablement",
      outcomeTarget: 1370,
      outcomesAchieved: 1321,
    },
    {
      // Counts the same output and outcome as home-based reablement, so the
      // two show a same-measure total; no other lines may be added together.
      serviceLine: "Bed-based reablement",
      leadPartner: "County Council",
      budget: 640000,
      actual: 598000,
      forecast: 655000,
      outputMeasure: "Reablement episodes",
      outputs: 410,
      benchmarkUnitCost: 1400,
      outcomeMeasure: "People still at home 91 days after reablement",
      outcomeTarget: 330,
      outcomesAchieved: 301,
    },
    {
      serviceLine: "Single point of access",
      leadPartner: "Community Trust",
      budget: 480000,
      actual: 455000,
      forecast: 470000,
      outputMeasure: "Referrals triaged",
      outputs: 5665,
      benchmarkUnitCost: 85,
      outcomeMeasure: "Referrals resolved without a hospital attendance",
      outcomeTarget: 3400,
      outcomesAchieved: 3610,
    },
    {
      serviceLine: "Disabled Facilities Grants",
      leadPartner: "Eastbrook DC",
      budget: 650000,
      actual: 628000,
      forecast: 650000,
      outputMeasure: "Adaptations completed",
      outputs: 212,
      benchmarkUnitCost: 3100,
      outcomeMeasure: "Adaptations completed within 20 weeks",
      outcomeTarget: 190,
      outcomesAchieved: 176,
    },
    {
      serviceLine: "Carers' breaks",
      leadPartner: "Carers Forum",
      budget: 240000,
      actual: 231500,
      forecast: 238000,
      outputMeasure: "Breaks provided",
      outputs: 480,
      benchmarkUnitCost: 500,
      outcomeMeasure: "Carers saying the break helped them keep caring",
      outcomeTarget: 380,
      outcomesAchieved: 402,
    },
    {
      serviceLine: "Home from hospital volunteers",
      leadPartner: "Age Well",
      budget: 95000,
      actual: 88000,
      forecast: 93500,
      outputMeasure: "Home from hospital visits",
      outputs: 2150,
      benchmarkUnitCost: 40,
      outcomeMeasure: "People not readmitted within 30 days",
      outcomeTarget: 1900,
      outcomesAchieved: 1880,
    },
    {
      // Recruitment started late: money spent, nothing delivered yet.
      serviceLine: "Care home trusted assessors",
      leadPartner: "Care Providers",
      budget: 120000,
      actual: 41000,
      forecast: 60000,
      outputMeasure: "Trusted assessments completed",
      outputs: 0,
      benchmarkUnitCost: 180,
      outcomeMeasure: "Care home discharges within 48 hours of being ready",
      outcomeTarget: 150,
      outcomesAchieved: null,
    },
    {
      // The 12-month follow-up that counts the outcome is not yet due.
      serviceLine: "Assistive technology pilot",
      leadPartner: "County Council",
      budget: 180000,
      actual: 176400,
      forecast: 180000,
      outputMeasure: "Homes fitted with sensors",
      outputs: 140,
      benchmarkUnitCost: 1300,
      outcomeMeasure: "People avoiding a care home admission for 12 months",
      outcomeTarget: 25,
      outcomesAchieved: 0,
    },
    {
      serviceLine: "Falls prevention classes",
      leadPartner: "Community Trust",
      budget: 150000,
      actual: 162300,
      forecast: 171000,
      outputMeasure: "Class places attended",
      outputs: 6800,
      benchmarkUnitCost: 22,
      outcomeMeasure: "Participants with no fall in the following six months",
      outcomeTarget: 300,
      outcomesAchieved: 276,
    },
    {
      serviceLine: "Partnership support team",
      leadPartner: "County Council",
      budget: 210000,
      actual: 204000,
      forecast: null,
      outputMeasure: "Board and working group meetings supported",
      outputs: 38,
      benchmarkUnitCost: null,
      outcomeMeasure: "",
      outcomeTarget: null,
      outcomesAchieved: null,
    },
  ];
}

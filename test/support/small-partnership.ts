import type { GridInstrument, RegisterInstrument } from "../../core/instruments/types.js";
import { emptyPartnership } from "../../core/model/empty.js";
import type { Partnership } from "../../core/model/types.js";

/** A small, readable partnership for reader and layout tests. */
export function smallPartnership(): Partnership {
  const p = emptyPartnership(0);
  p.details = {
    ...p.details,
    name: "Eastbrook Older People's Partnership",
    arrangement: "Advisory",
    serviceArea: "Older people's services",
    vision: "Older people live well at home.",
    startDate: "2026-04-01",
    reviewDate: "2027-03-31",
    governingBody: "Eastbrook Partnership Board",
    chair: "Jo Smith",
    quorum: 3,
    meetingFrequency: "Every two months",
    decisionRule: "Consensus",
    reportingLine: "Health and Wellbeing Board",
  };
  p.partners = [
    {
      organisation: "Eastbrook Council",
      shortName: "EC",
      sector: "Local authority",
      representative: "A Person",
      role: "Member",
      votingMember: true,
      addressForNotices: "Town Hall, Eastbrook",
      signatoryName: "B Person",
      signatoryTitle: "Chief Executive",
      contribution: 300_000,
      inKindContribution: "",
      legalBody: "Eastbrook Borough Council",
      bodyType: "Local authority",
      agreementParty: null,
      signatoryAuthority: "Delegated authority",
      seals: true,
    },
    {
      organisation: "Eastbrook Carers' Forum",
      shortName: "Carers",
      sector: "Service users and carers",
      representative: "C Person",
      role: "Member",
      votingMember: false,
      addressForNotices: "",
      signatoryName: "",
      signatoryTitle: "",
      contribution: null,
      inKindContribution: "Volunteer time",
      legalBody: "",
      bodyType: "Service user or carer group",
      agreementParty: "No",
      signatoryAuthority: "",
      seals: false,
    },
  ];
  p.values = [{ value: "People first", meaning: "Decisions start with what people tell us." }];
  p.objectives = [
    {
      id: "O1",
      objective: "Cut delayed transfers of care by a quarter by March 2027.",
      priority: "High",
      leadPartner: "EC",
      quickWin: true,
      dueDate: "2027-03-31",
      smart: {
        specific: true,
        measurable: true,
        achievable: true,
        realistic: false,
        timeBound: true,
      },
    },
  ];
  p.periods = ["Q1", "Q2", "Q3"];
  p.indicators = [
    {
      id: "K1",
      objectiveId: "O1",
      indicator: "Delayed transfers per 100,000",
      type: "Outcome",
      unit: "rate",
      polarity: "Lower is better",
      frequency: "Quarterly",
      baseline: 12,
      target: 9,
      tolerance: 0.1,
      owner: "EC",
      source: "NHS England",
      values: [11, 9.5, null],
      commentary: "Winter pressures eased in Q2.",
      correctiveAction: "",
    },
  ];
  p.finance = [
    {
      serviceLine: "Reablement",
      leadPartner: "EC",
      budget: 100_000,
      actual: 90_000,
      forecast: 98_000,
      outputMeasure: "Hours",
      outputs: 3_000,
      benchmarkUnitCost: 32,
      outcomeMeasure: "Independent at 91 days",
      outcomeTarget: 100,
      outcomesAchieved: 80,
    },
  ];
  p.assessments = [
    {
      instrumentId: "mini",
      items: [
        { section: "Basics", statement: "We share objectives.", scores: { EC: 3, Carers: 1 } },
      ],
      entries: [],
    },
    {
      instrumentId: "ledger",
      items: [],
      entries: [{ Date: "2026-05-01", Entry: "Shared data openly", Weight: 3 }],
    },
  ];
  return p;
}

export const miniGrid: GridInstrument = {
  kind: "grid",
  id: "mini",
  title: "Mini check",
  sheet: "Mini",
  source: "Test",
  instructions: "Score each statement.",
  scale: { min: 1, max: 4, labels: { 1: "Disagree", 4: "Agree" } },
  sections: [{ name: "Basics", statements: [{ text: "We share objectives.", ownWording: false }] }],
  bands: [
    { min: 3, verdict: "Strength" },
    { min: 1, verdict: "Weakness" },
  ],
  disagreementSpread: 2,
  lowIsWeak: true,
};

export const miniLedger: RegisterInstrument = {
  kind: "register",
  id: "ledger",
  title: "Ledger",
  sheet: "Ledger",
  source: "Test",
  instructions: "One row per entry.",
  columns: [
    { header: "Date", type: "date", options: [], formula: "", width: 12, range: null },
    { header: "Entry", type: "text", options: [], formula: "", width: 30, range: null },
    { header: "Weight", type: "number", options: [], formula: "", width: 8, range: null },
    {
      header: "Double",
      type: "formula",
      options: [],
      formula: "[@Weight]*2",
      width: 8,
      range: null,
    },
  ],
  rows: [],
};

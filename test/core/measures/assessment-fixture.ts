import type { GridInstrument } from "../../../core/instruments/types.js";
import type { AssessmentScoreRecord } from "../../../core/model/assessment-cycle.js";
import { emptyPartnership } from "../../../core/model/empty.js";
import type { Partnership } from "../../../core/model/types.js";

/** A synthetic assessment cycle, hand-worked in assessment-analysis.test.ts. */

/** A 1–5 scale (range 4: contested from a spread of 2) with two sections. */
export const TRUST: GridInstrument = {
  kind: "grid",
  id: "trust",
  title: "Trust check",
  sheet: "Trust",
  source: "test",
  instructions: "Score each statement.",
  scale: { min: 1, max: 5, labels: {} },
  sections: [
    {
      name: "Openness",
      statements: [
        { text: "We share information", ownWording: false },
        { text: "We say what we think", ownWording: false },
      ],
    },
    { name: "Delivery", statements: [{ text: "We do what we promise", ownWording: false }] },
  ],
  bands: [{ min: 1, verdict: "Any" }],
  disagreementSpread: 2,
  lowIsWeak: true,
};

export function record(
  round: string,
  date: string,
  statement: string,
  respondent: string,
  score: number | null,
  comment = "",
): AssessmentScoreRecord {
  const section = statement === "We do what we promise" ? "Delivery" : "Openness";
  return { round, date, instrumentId: "trust", section, statement, respondent, score, comment };
}

/** Three partners; 2025 closed; the open round "2026" typed into the grid. */
export function cyclePartnership(): Partnership {
  const p = emptyPartnership(3);
  ["NHS", "LA", "VCS"].forEach((shortName, i) => {
    const partner = p.partners[i];
    if (partner) partner.shortName = shortName;
  });
  p.currentRound = "2026";
  p.assessmentHistory = [
    record("2025", "2025-03-01", "We share information", "NHS", 4),
    record("2025", "2025-03-01", "We share information", "LA", 4),
    record("2025", "2025-03-01", "We share information", "VCS", 2),
    record("2025", "2025-03-01", "We say what we think", "NHS", 3),
    record("2025", "2025-03-01", "We say what we think", "LA", 3),
    record("2025", "2025-03-01", "We do what we promise", "NHS", 2, "Slow"),
    // A round held earlier but entered later: still the earlier round.
    record("2024", "2024-03-01", "We share information", "NHS", 1),
    record("2026", "2026-03-01", "We do what we promise", "VCS", null, "Could not judge"),
  ];
  p.assessments = [
    {
      instrumentId: "trust",
      items: [
        {
          section: "Openness",
          statement: "We share information",
          scores: { NHS: 5, LA: 4, VCS: 3 },
        },
        {
          section: "Openness",
          statement: "We say what we think",
          scores: { NHS: 4, LA: 2, VCS: null },
        },
        {
          section: "Delivery",
          statement: "We do what we promise",
          scores: { NHS: 2, LA: 2, VCS: 2 },
        },
      ],
      entries: [],
    },
  ];
  return p;
}

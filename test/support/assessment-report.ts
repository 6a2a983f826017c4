import { readFileSync } from "node:fs";
import {
  ASSESSMENT_REPORT_TEMPLATE,
  buildAssessmentReport,
  type AssessmentReportInput,
} from "../../core/document/assessment-report/build.js";
import type { GridInstrument } from "../../core/instruments/types.js";
import { formatProblem } from "../../core/model/problem.js";
import type { Partnership } from "../../core/model/types.js";
import { cyclePartnership, TRUST } from "../core/measures/assessment-fixture.js";
import { TRUST_THREE_SECTIONS } from "./cycle-grid.js";

/**
 * The assessment report the report's tests read, shared with the global
 * set-up so the PDF LibreOffice prints is of this very report.
 */

export const ASSESSMENT_TEMPLATE = readFileSync(
  new URL(`../../templates/documents/${ASSESSMENT_REPORT_TEMPLATE}`, import.meta.url),
  "utf8",
);
const templates = { [ASSESSMENT_REPORT_TEMPLATE]: ASSESSMENT_TEMPLATE };

/** Two sections only: its section means are a bar, not a radar. */
const PAIR: GridInstrument = {
  ...TRUST,
  id: "pair",
  title: "Pair check",
  sheet: "Pair",
  sections: TRUST.sections.slice(0, 1),
};

/** The assessment cycle with a third Trust section, a second instrument and two actions. */
export function assessmentPartnership(): Partnership {
  const p = cyclePartnership();
  p.details.name = "Northvale <Partnership> & Co";
  p.details.documentDate = "2026-06-01";
  const trust = p.assessments[0];
  if (trust) {
    trust.items.push({
      section: "Learning",
      statement: "We learn from mistakes",
      scores: { NHS: 3, LA: 3, VCS: 1 },
    });
    p.assessments.push({
      instrumentId: "pair",
      items: trust.items.slice(0, 2).map((i) => ({ ...i })),
      entries: [],
    });
  }
  p.assessmentActions = [
    {
      instrumentId: "trust",
      item: "We do what we promise",
      reason: "weakest",
      action: "Publish a delivery tracker",
      owner: "LA",
      dueDate: "2026-05-01",
      status: "In progress",
      reviewDate: null,
    },
    {
      instrumentId: "trust",
      item: "We share information",
      reason: "contested",
      action: "",
      owner: "",
      dueDate: null,
      status: "Not started",
      reviewDate: null,
    },
  ];
  return p;
}

/** A draft with notes; the second action's owner and due date sit at Actions!E6 and F6. */
export function assessmentInput(
  overrides: Partial<AssessmentReportInput> = {},
): AssessmentReportInput {
  return {
    partnership: assessmentPartnership(),
    instruments: [TRUST_THREE_SECTIONS, PAIR],
    templates,
    workbookProblems: [],
    mode: "draft",
    notes: true,
    actionOrigins: [
      { sheet: "Actions", row: 5, fields: {} },
      {
        sheet: "Actions",
        row: 6,
        fields: {
          owner: { sheet: "Actions", cell: "E6" },
          dueDate: { sheet: "Actions", cell: "F6" },
        },
      },
    ],
    ...overrides,
  };
}

/** The report's bytes, or a throw naming its problems when it could not be built. */
export async function builtAssessmentReport(overrides: Partial<AssessmentReportInput> = {}) {
  const result = await buildAssessmentReport(assessmentInput(overrides));
  if (!result.bytes) throw new Error(result.problems.map(formatProblem).join("\n"));
  return { bytes: result.bytes, problems: result.problems };
}

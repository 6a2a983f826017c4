/**
 * A complete, realistic, fictional partnership: the `--example` workbook,
 * the demo, and the fixture for round-trip tests. Deterministic: every call
 * returns an equal, freshly built value.
 */
import type { Instrument } from "../instruments/types.js";
import type { Partnership } from "../model/types.js";
import { exampleActions } from "./actions.js";
import { exampleAssessments } from "./assessments.js";
import { exampleCycle } from "./assessment-history.js";
import { exampleFinance } from "./finance.js";
import { exampleFunctions } from "./functions.js";
import { exampleIndicators, exampleObjectives, examplePeriods } from "./objectives.js";
import { exampleDetails, examplePartners, exampleValues } from "./partners.js";
import { exampleTargets } from "./targets.js";

export function examplePartnership(instruments: readonly Instrument[]): Partnership {
  const partners = examplePartners();
  const assessments = exampleAssessments(instruments, partners);
  const partnership: Partnership = {
    details: exampleDetails(),
    partners,
    values: exampleValues(),
    objectives: exampleObjectives(),
    periods: examplePeriods(),
    indicators: exampleIndicators(),
    targets: exampleTargets(),
    finance: exampleFinance(),
    functions: exampleFunctions(),
    assessments,
    ...exampleCycle(instruments, partners, assessments),
  };
  const actions = exampleActions(partnership, instruments);
  if (actions) partnership.assessmentActions = actions;
  return partnership;
}

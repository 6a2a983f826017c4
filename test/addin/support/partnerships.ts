/** Partnerships for the add-in's tests: a large one for the sync budget, scored grids everywhere. */
import type { Instrument } from "../../../core/instruments/types.js";
import { emptyPartnership } from "../../../core/model/empty.js";
import type { Assessment, Partnership } from "../../../core/model/types.js";
import { loadInstruments } from "../../../generator/instruments.js";

let cached: Promise<Instrument[]> | null = null;

export function testInstruments(): Promise<Instrument[]> {
  cached ??= loadInstruments();
  return cached;
}

/** Scores for every statement of every grid instrument by every partner, varied but deterministic. */
export function scoredAssessments(
  instruments: readonly Instrument[],
  shortNames: readonly string[],
): Assessment[] {
  return instruments.map((instrument) => {
    if (instrument.kind !== "grid") return { instrumentId: instrument.id, items: [], entries: [] };
    const { min, max } = instrument.scale;
    let n = 0;
    return {
      instrumentId: instrument.id,
      entries: [],
      items: instrument.sections.flatMap((section) =>
        section.statements.map((statement) => ({
          section: section.name,
          statement: statement.text,
          scores: Object.fromEntries(
            shortNames.map((name, p) => [name, min + ((n++ + p) % (max - min + 1))]),
          ),
        })),
      ),
    };
  });
}

export function largePartnership(
  instruments: readonly Instrument[],
  indicators = 1000,
  periods = 12,
  partners = 10,
): Partnership {
  const partnership = emptyPartnership(partners);
  partnership.details.name = "Large test partnership";
  partnership.partners = partnership.partners.map((p, i) => ({
    ...p,
    organisation: `Organisation number ${i + 1}`,
    shortName: `P${i + 1}`,
    contribution: 10000 * (i + 1),
  }));
  partnership.periods = Array.from(
    { length: periods },
    (_, i) => `2025-${String(i + 1).padStart(2, "0")}`,
  );
  partnership.objectives = Array.from({ length: 10 }, (_, i) => ({
    id: `O${i + 1}`,
    objective: `Objective number ${i + 1} for older people's services`,
    priority: "High",
    leadPartner: `P${(i % partners) + 1}`,
    quickWin: i % 2 === 0,
    dueDate: "2027-03-31",
    smart: {
      specific: true,
      measurable: true,
      achievable: true,
      realistic: i % 3 !== 0,
      timeBound: true,
    },
  }));
  partnership.indicators = Array.from({ length: indicators }, (_, i) => ({
    id: `K${i + 1}`,
    objectiveId: `O${(i % 10) + 1}`,
    indicator: `Percentage of people aged 65 and over still at home 91 days after discharge, area ${i + 1}`,
    type: "Outcome",
    unit: "%",
    polarity: "Higher is better",
    frequency: "Monthly",
    baseline: 0.7,
    target: 0.85,
    tolerance: 0.05,
    owner: "Head of Reablement",
    source: "Local authority social care records",
    values: Array.from({ length: periods }, (_, p) =>
      p === periods - 1 && i % 7 === 0 ? null : 0.7 + ((i + p) % 20) / 100,
    ),
    commentary: "",
    correctiveAction: "",
  }));
  partnership.finance = Array.from({ length: 20 }, (_, i) => ({
    serviceLine: `Service line ${i + 1}`,
    leadPartner: `P${(i % partners) + 1}`,
    budget: 100000 + i * 1000,
    actual: 98000 + i * 1200,
    forecast: i % 5 === 0 ? null : 101000 + i * 1100,
    outputMeasure: "Hours of care",
    outputs: 5000 + i,
    benchmarkUnitCost: i % 4 === 0 ? null : 19.5,
    outcomeMeasure: "People independent at 91 days",
    outcomeTarget: 200,
    outcomesAchieved: 180 + i,
  }));
  partnership.assessments = scoredAssessments(
    instruments,
    partnership.partners.map((p) => p.shortName),
  );
  return partnership;
}

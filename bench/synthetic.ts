import ExcelJS from "exceljs";
import type { Instrument } from "../core/instruments/types.js";
import { emptyPartnership } from "../core/model/empty.js";
import type { Partnership } from "../core/model/types.js";
import { POLARITIES } from "../core/model/types.js";

/** A partnership of a chosen size, for benchmarks: `indicators` rows × `periods` columns. */
export function syntheticPartnership(
  indicators: number,
  periods: number,
  partners: number,
  instruments: readonly Instrument[],
): Partnership {
  const p = emptyPartnership(partners);
  p.details = {
    ...p.details,
    name: "Benchmark partnership",
    arrangement: "Formal agreement with pooled fund",
  };
  p.partners = p.partners.map((partner, i) => ({
    ...partner,
    organisation: `Organisation ${i + 1}`,
    shortName: `P${i + 1}`,
    contribution: 100_000 * (i + 1),
  }));
  p.objectives = Array.from({ length: 6 }, (_, i) => ({
    id: `O${i + 1}`,
    objective: `Objective ${i + 1}`,
    priority: "High",
    leadPartner: "P1",
    quickWin: i === 0,
    dueDate: "2027-03-31",
    smart: {
      specific: true,
      measurable: true,
      achievable: true,
      realistic: true,
      timeBound: i % 2 === 0,
    },
  }));
  p.periods = Array.from({ length: periods }, (_, i) => `M${i + 1}`);
  p.indicators = Array.from({ length: indicators }, (_, i) => ({
    id: `K${i + 1}`,
    objectiveId: `O${(i % 6) + 1}`,
    indicator: `Indicator ${i + 1}`,
    type: "Output",
    unit: "number",
    polarity: POLARITIES[i % 3] ?? "Higher is better",
    frequency: "Monthly",
    baseline: 100,
    target: 120,
    tolerance: 0.1,
    owner: "P1",
    source: "Local data",
    values: Array.from({ length: periods }, (_, j) => ((i * 7 + j * 13) % 50) + 90),
    commentary: "",
    correctiveAction: "",
  }));
  p.finance = Array.from({ length: 8 }, (_, i) => ({
    serviceLine: `Line ${i + 1}`,
    leadPartner: "P1",
    budget: 100_000,
    actual: 95_000 + i * 1000,
    outputMeasure: "Hours",
    outputs: 1000 + i,
    outcomeMeasure: "People helped",
    outcomeTarget: 100,
    outcomesAchieved: 90 + i,
  }));
  p.assessments = instruments.map((instrument) => ({
    instrumentId: instrument.id,
    entries: instrument.kind === "register" ? instrument.rows : [],
    items:
      instrument.kind === "grid"
        ? instrument.sections.flatMap((section) =>
            section.statements.map((statement, k) => ({
              section: section.name,
              statement: statement.text,
              scores: Object.fromEntries(
                p.partners.map((partner, j) => [
                  partner.shortName,
                  instrument.scale.min +
                    ((j + k) % (instrument.scale.max - instrument.scale.min + 1)),
                ]),
              ),
            })),
          )
        : [],
  }));
  return p;
}

/**
 * The peer the workbook benches compare with: the Indicators rows as plain
 * values in a plain table, what exceljs reads and writes fastest.
 */
export async function plainIndicatorTable(partnership: Partnership): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Indicators");
  const headers = ["ID", "Objective", "Indicator", "Type", "Unit", "Polarity", "Frequency"];
  sheet.addTable({
    name: "Indicators",
    ref: "A4",
    columns: [
      ...headers,
      "Baseline",
      "Target",
      "Tolerance",
      "Owner",
      "Source",
      ...partnership.periods,
    ].map((name) => ({ name })),
    rows: partnership.indicators.map((i) => [
      i.id,
      i.objectiveId,
      i.indicator,
      i.type,
      i.unit,
      i.polarity,
      i.frequency,
      i.baseline,
      i.target,
      i.tolerance,
      i.owner,
      i.source,
      ...i.values,
    ]),
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

import { SMART_LETTERS } from "../measures/smart.js";
import { FINANCE_COLUMNS } from "../layout/tables/finance.js";
import { INDICATOR_INPUT_COLUMNS, INDICATOR_NOTE_COLUMNS } from "../layout/tables/indicators.js";
import { ragStatus } from "../measures/indicator.js";
import { OBJECTIVE_COLUMNS } from "../layout/tables/objectives.js";
import { PARTNER_COLUMNS } from "../layout/tables/partners.js";
import { VALUE_COLUMNS } from "../layout/tables/values.js";
import type { ColumnSpec } from "../layout/columns.js";
import {
  FREQUENCIES,
  INDICATOR_TYPES,
  POLARITIES,
  PRIORITIES,
  SECTORS,
  type FinanceLine,
  type Indicator,
  type Objective,
  type Partner,
  type PartnershipValue,
} from "../model/types.js";
import type { TableReader } from "./table-reader.js";

function inputHeaders(columns: readonly ColumnSpec[]): string[] {
  return columns.filter((c) => c.kind !== "formula").map((c) => c.header);
}

/** Calls `read` for each row that has anything in its input columns. */
function eachRow<T>(
  reader: TableReader,
  headers: readonly string[],
  read: (row: number) => T,
): T[] {
  const items: T[] = [];
  for (let row = 0; row < reader.rowCount; row++) {
    if (!reader.isBlankRow(row, headers)) items.push(read(row));
  }
  return items;
}

export function readPartners(reader: TableReader): Partner[] {
  const headers = inputHeaders(PARTNER_COLUMNS);
  if (!reader.requireHeaders(headers)) return [];
  return eachRow(reader, headers, (row) => ({
    organisation: reader.text(row, "Organisation", "warning"),
    shortName: reader.text(row, "Short name", "error"),
    sector: reader.choice(row, "Sector", SECTORS),
    representative: reader.text(row, "Representative"),
    role: reader.text(row, "Role"),
    votingMember: reader.yesNo(row, "Voting member", false),
    addressForNotices: reader.text(row, "Address for notices"),
    signatoryName: reader.text(row, "Signatory name"),
    signatoryTitle: reader.text(row, "Signatory title"),
    contribution: reader.number(row, "Contribution (£)"),
    inKindContribution: reader.text(row, "In-kind contribution"),
  }));
}

export function readValues(reader: TableReader): PartnershipValue[] {
  const headers = inputHeaders(VALUE_COLUMNS);
  if (!reader.requireHeaders(headers)) return [];
  return eachRow(reader, headers, (row) => ({
    value: reader.text(row, "Value", "error"),
    meaning: reader.text(row, "What it means in practice"),
  }));
}

export function readObjectives(reader: TableReader): Objective[] {
  const headers = inputHeaders(OBJECTIVE_COLUMNS);
  if (!reader.requireHeaders(headers)) return [];
  return eachRow(reader, headers, (row) => ({
    id: reader.text(row, "ID", "error"),
    objective: reader.text(row, "Objective", "error"),
    priority: reader.choice(row, "Priority", PRIORITIES),
    leadPartner: reader.text(row, "Lead partner"),
    quickWin: reader.yesNo(row, "Quick win", false),
    dueDate: reader.date(row, "Due date"),
    smart: Object.fromEntries(
      SMART_LETTERS.map(({ key, header }) => [key, reader.yesNo(row, header, false)]),
    ) as unknown as Objective["smart"],
  }));
}

/** Period columns sit between Source and Latest; their headers are the period labels. */
export function periodHeaders(reader: TableReader): string[] {
  const headers = reader.table.headers.map((h) => String(h ?? "").trim());
  const from = reader.position("Source");
  const to = reader.position("Latest");
  if (from < 0) return [];
  return headers.slice(from + 1, to > from ? to : headers.length);
}

export function readIndicators(reader: TableReader): {
  periods: string[];
  indicators: Indicator[];
} {
  const headers = inputHeaders(INDICATOR_INPUT_COLUMNS);
  if (!reader.requireHeaders([...headers, "Latest"])) return { periods: [], indicators: [] };
  const periods = periodHeaders(reader);
  // Workbooks built before the narrative columns existed still read; they just have none.
  const notes = INDICATOR_NOTE_COLUMNS.map((c) => c.header).filter((h) => reader.has(h));
  const indicators = eachRow(reader, [...headers, ...periods, ...notes], (row) => {
    const tolerance = reader.number(row, "Tolerance (%)");
    if (tolerance !== null && (tolerance < 0 || tolerance > 1)) {
      reader.report(
        "warning",
        reader.address(row, "Tolerance (%)"),
        `Tolerance (%) is ${tolerance * 100}% of the target`,
        "Type tolerances as percentages (10%) or fractions (0.1); 10 means 1000%.",
      );
    }
    const indicator: Indicator = {
      id: reader.text(row, "ID", "error"),
      objectiveId: reader.text(row, "Objective", "error"),
      indicator: reader.text(row, "Indicator", "error"),
      type: reader.choice(row, "Type", INDICATOR_TYPES),
      unit: reader.text(row, "Unit"),
      polarity: reader.choice(row, "Polarity", POLARITIES, "error"),
      frequency: reader.choice(row, "Frequency", FREQUENCIES),
      baseline: reader.number(row, "Baseline"),
      target: reader.number(row, "Target", "warning"),
      tolerance,
      owner: reader.text(row, "Owner"),
      source: reader.text(row, "Source"),
      values: periods.map((period) => reader.number(row, period)),
      commentary: reader.text(row, "Commentary"),
      correctiveAction: reader.text(row, "Corrective action"),
    };
    if (
      ragStatus(indicator) === "Red" &&
      !indicator.correctiveAction &&
      reader.has("Corrective action")
    ) {
      reader.report(
        "warning",
        reader.address(row, "Corrective action"),
        `${indicator.id || "This indicator"} is Red but has no corrective action`,
        "Say what will be done to bring it back on track.",
      );
    }
    return indicator;
  });
  return { periods, indicators };
}

export function readFinance(reader: TableReader): FinanceLine[] {
  const headers = inputHeaders(FINANCE_COLUMNS);
  if (!reader.requireHeaders(headers)) return [];
  return eachRow(reader, headers, (row) => ({
    serviceLine: reader.text(row, "Service line", "error"),
    leadPartner: reader.text(row, "Lead partner"),
    budget: reader.number(row, "Budget (£)"),
    actual: reader.number(row, "Actual spend (£)"),
    outputMeasure: reader.text(row, "Output measure"),
    outputs: reader.number(row, "Outputs delivered"),
    outcomeMeasure: reader.text(row, "Outcome measure"),
    outcomeTarget: reader.number(row, "Outcome target"),
    outcomesAchieved: reader.number(row, "Outcomes achieved"),
  }));
}

import type { Instrument } from "../instruments/types.js";
import { assessmentTableName } from "../layout/tables/assessment.js";
import { FINANCE_TABLE } from "../layout/tables/finance.js";
import { INDICATORS_TABLE } from "../layout/tables/indicators.js";
import { OBJECTIVES_TABLE } from "../layout/tables/objectives.js";
import { PARTNERS_TABLE } from "../layout/tables/partners.js";
import { PARTNERSHIP_TABLE } from "../layout/tables/partnership.js";
import { VALUES_TABLE } from "../layout/tables/values.js";
import { emptyPartnership } from "../model/empty.js";
import type { Problem } from "../model/problem.js";
import type { Partnership } from "../model/types.js";
import type { TableCells, WorkbookCells } from "./cells.js";
import { checkReferences } from "./references.js";
import { readAssessment } from "./read-assessments.js";
import { readDetails } from "./read-details.js";
import {
  readFinance,
  readIndicators,
  readObjectives,
  readPartners,
  readValues,
} from "./read-tables.js";
import { TableReader } from "./table-reader.js";

export interface ReadResult {
  partnership: Partnership;
  problems: Problem[];
}

const CORE_TABLES = [
  PARTNERSHIP_TABLE,
  "Partners",
  VALUES_TABLE,
  OBJECTIVES_TABLE,
  INDICATORS_TABLE,
  FINANCE_TABLE,
];

/**
 * Reads a workbook's tables into a partnership plus located problems. Finds
 * data by table name and header, never by fixed address, and never throws
 * on what the cells hold.
 */
export function readPartnership(
  cells: WorkbookCells,
  instruments: readonly Instrument[],
): ReadResult {
  const problems: Problem[] = [];
  const partnership = emptyPartnership(0);
  const byName = new Map<string, TableCells>();
  for (const table of cells.tables) byName.set(table.name.toLowerCase(), table);

  if (!CORE_TABLES.some((name) => byName.has(name.toLowerCase()))) {
    problems.push({
      severity: "error",
      sheet: cells.sheetNames[0] ?? "Workbook",
      cell: "",
      message:
        "This workbook has none of the partnership tables (Partnership, Partners, Objectives, Indicators, Finance)",
      hint: "Create one with `partnership workbook --out FILE.xlsx`, or Set up in the Excel add-in.",
    });
    return { partnership, problems };
  }

  const reader = (name: string): TableReader | null => {
    const table = byName.get(name.toLowerCase());
    if (!table) {
      problems.push({
        severity: "error",
        sheet: cells.sheetNames.find((s) => s.toLowerCase() === name.toLowerCase()) ?? name,
        cell: "",
        message: `The table "${name}" is missing`,
        hint: "Restore the sheet, or add what is missing with the add-in's Set up.",
      });
      return null;
    }
    return new TableReader(table, problems);
  };

  const details = reader(PARTNERSHIP_TABLE);
  if (details) partnership.details = readDetails(details);
  const partners = reader(PARTNERS_TABLE);
  if (partners) partnership.partners = readPartners(partners);
  const values = reader(VALUES_TABLE);
  if (values) partnership.values = readValues(values);
  const objectives = reader(OBJECTIVES_TABLE);
  if (objectives) partnership.objectives = readObjectives(objectives);
  const indicators = reader(INDICATORS_TABLE);
  if (indicators) Object.assign(partnership, readIndicators(indicators));
  const finance = reader(FINANCE_TABLE);
  if (finance) partnership.finance = readFinance(finance);

  const shortNames = partnership.partners.map((p) => p.shortName);
  for (const instrument of instruments) {
    const table = byName.get(assessmentTableName(instrument).toLowerCase());
    if (table)
      partnership.assessments.push(
        readAssessment(new TableReader(table, problems), instrument, shortNames),
      );
  }

  problems.push(...checkReferences(partnership, cells));
  return { partnership, problems };
}

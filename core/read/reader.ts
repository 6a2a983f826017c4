import type { Instrument } from "../instruments/types.js";
import { assessmentTableName } from "../layout/tables/assessment.js";
import { FINANCE_TABLE } from "../layout/tables/finance.js";
import { FUNCTIONS_TABLE } from "../layout/tables/functions.js";
import { INDICATORS_TABLE } from "../layout/tables/indicators.js";
import { OBJECTIVES_TABLE } from "../layout/tables/objectives.js";
import { TARGETS_TABLE } from "../layout/tables/targets.js";
import { PARTNERS_TABLE } from "../layout/tables/partners.js";
import { PARTNERSHIP_TABLE } from "../layout/tables/partnership.js";
import { VALUES_TABLE } from "../layout/tables/values.js";
import { cellAddress } from "../layout/address.js";
import { emptyPartnership } from "../model/empty.js";
import { emptyOrigins, type ReadOrigins, type RecordTable } from "../model/origins.js";
import type { Problem } from "../model/problem.js";
import type { Partnership } from "../model/types.js";
import type { TableCells, WorkbookCells } from "./cells.js";
import { checkReferences } from "./references.js";
import { readAssessment } from "./read-assessments.js";
import { readCycle } from "./read-cycle.js";
import { readDetails } from "./read-details.js";
import { readActions } from "./read-actions.js";
import { ACTIONS_TABLE } from "../layout/tables/actions.js";
import { readTargets } from "./read-targets.js";
import { redWithoutAction } from "./red-without-action.js";
import {
  readFinance,
  readFunctions,
  readIndicators,
  readObjectives,
  readPartners,
  readValues,
} from "./read-tables.js";
import { checkTableEdges } from "./table-edges.js";
import { TableReader } from "./table-reader.js";

export interface ReadResult {
  partnership: Partnership;
  problems: Problem[];
  /** Where each record and field was read from: messages and draft comments point here. */
  origins: ReadOrigins;
}

/** How a table's records are named in messages about the table's edges. */
const RECORD_NAMES: Record<string, string> = {
  partnership: "A field",
  partners: "A partner",
  values: "A value",
  objectives: "An objective",
  indicators: "An indicator",
  finance: "A finance line",
  functions: "A function",
};

const CORE_TABLES = [
  PARTNERSHIP_TABLE,
  PARTNERS_TABLE,
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
  const origins = emptyOrigins();
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
    return { partnership, problems, origins };
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
    const found = new TableReader(table, problems);
    checkTableEdges(found, RECORD_NAMES[name.toLowerCase()] ?? "A row");
    return found;
  };
  const records = (name: RecordTable): TableReader | null => {
    const found = reader(name);
    if (found) {
      const { table } = found;
      origins.tables[name] = {
        sheet: table.sheet,
        cell: cellAddress(table.headerRow + 1, table.firstColumn),
      };
    }
    return found;
  };

  const details = reader(PARTNERSHIP_TABLE);
  if (details) ({ details: partnership.details, origins: origins.details } = readDetails(details));
  const partners = records(PARTNERS_TABLE);
  if (partners)
    ({ items: partnership.partners, origins: origins.partners } = readPartners(partners));
  const values = records(VALUES_TABLE);
  if (values) ({ items: partnership.values, origins: origins.values } = readValues(values));
  const objectives = records(OBJECTIVES_TABLE);
  if (objectives)
    ({ items: partnership.objectives, origins: origins.objectives } = readObjectives(objectives));
  const indicators = records(INDICATORS_TABLE);
  if (indicators)
    ({
      items: partnership.indicators,
      periods: partnership.periods,
      origins: origins.indicators,
    } = readIndicators(indicators));
  // Optional (issue 9): workbooks made before the Targets table read without it.
  const targets = byName.has(TARGETS_TABLE.toLowerCase()) ? reader(TARGETS_TABLE) : null;
  if (targets) {
    const ids = partnership.indicators.map((i) => i.id);
    const rows = readTargets(targets, partnership.periods, ids);
    if (rows.length > 0) partnership.targets = rows;
  }
  // After the Targets table: Red is judged against what each period expected.
  if (indicators) problems.push(...redWithoutAction(partnership, origins));
  const finance = records(FINANCE_TABLE);
  if (finance) ({ items: partnership.finance, origins: origins.finance } = readFinance(finance));
  // Optional (issue 10): workbooks made before the Functions table read without it.
  if (byName.has(FUNCTIONS_TABLE.toLowerCase())) {
    const functions = records(FUNCTIONS_TABLE);
    if (functions)
      ({ items: partnership.functions, origins: origins.functions } = readFunctions(functions));
  }

  const shortNames = partnership.partners.map((p) => p.shortName);
  for (const instrument of instruments) {
    const table = byName.get(assessmentTableName(instrument).toLowerCase());
    if (!table) continue;
    const found = new TableReader(table, problems);
    checkTableEdges(found, "A row");
    partnership.assessments.push(readAssessment(found, instrument, shortNames));
  }

  readCycle(byName, problems, partnership);
  // Optional (issue 8): the assessment action plan, with where each row was read.
  const actions = byName.has(ACTIONS_TABLE.toLowerCase()) ? reader(ACTIONS_TABLE) : null;
  if (actions)
    ({ items: partnership.assessmentActions, origins: origins.actions } = readActions(actions));
  problems.push(...checkReferences(partnership, origins));
  return { partnership, problems, origins };
}

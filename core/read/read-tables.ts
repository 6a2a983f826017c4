import { FINANCE_COLUMNS, type FinanceField } from "../layout/tables/finance.js";
import { FUNCTION_COLUMNS, type FunctionField } from "../layout/tables/functions.js";
import type { DelegatedFunction } from "../model/legal.js";
import {
  INDICATOR_INPUT_COLUMNS,
  INDICATOR_NOTE_COLUMNS,
  INDICATOR_OVER_TIME_COLUMNS,
  INDICATOR_SPC_COLUMNS,
  indicatorFormulaColumns,
  type IndicatorField,
} from "../layout/tables/indicators.js";
import { SPC_MIN_POINTS } from "../measures/spc.js";
import { periodIndexOf, planFromLabels } from "../measures/periods.js";
import { isValidIsoDate, serialToIso } from "../model/dates.js";
import { OBJECTIVE_COLUMNS, type ObjectiveField } from "../layout/tables/objectives.js";
import { PARTNER_COLUMNS, type PartnerField } from "../layout/tables/partners.js";
import { VALUE_COLUMNS, type ValueField } from "../layout/tables/values.js";
import { columnOfField, PLAUSIBLE, type ColumnSpec } from "../layout/columns.js";
import type { CellOrigin, IndicatorOrigin, RecordOrigin } from "../model/origins.js";
import type {
  FinanceLine,
  Indicator,
  Objective,
  Partner,
  PartnershipValue,
} from "../model/types.js";
import { resolveHeaders, type HeaderOptions } from "./headers.js";
import { checkPlausible, inputColumns, readRecord } from "./read-record.js";
import type { TableReader } from "./table-reader.js";

/** Records read from one table, each with where it came from (same order). */
export interface TableRead<T, F extends string = string> {
  items: T[];
  origins: RecordOrigin<F>[];
}

interface RowRead<F extends string> {
  row: number;
  record: Record<string, unknown>;
  origin: RecordOrigin<F>;
}

/**
 * Reads every row that has anything in its input columns (blank rows are
 * spare rows, not data) into a record, as the column specs say. `extra`
 * columns (period values) count towards a row not being blank.
 */
function readRows<F extends string>(
  reader: TableReader,
  columns: readonly ColumnSpec<F>[],
  options: HeaderOptions & { extra?: (absent: ReadonlySet<string>) => string[] } = {},
): { rows: RowRead<F>[]; absent: ReadonlySet<string> } {
  const absent = resolveHeaders(reader, columns, options);
  const inputs = inputColumns(columns);
  const present = inputs.map((c) => c.header).filter((h) => !absent.has(h));
  const headers = [...present, ...(options.extra?.(absent) ?? [])];
  const rows: RowRead<F>[] = [];
  for (let row = 0; row < reader.rowCount; row++) {
    if (reader.isBlankRow(row, headers)) continue;
    rows.push({ row, ...readRecord(reader, inputs, row, absent) });
  }
  return { rows, absent };
}

/**
 * The specs give every field of the record type (the blueprint round-trip
 * test proves it), so the record built field by field is one.
 */
function asRecords<T, F extends string>(rows: readonly RowRead<F>[]): TableRead<T, F> {
  return {
    items: rows.map((r) => r.record as T),
    origins: rows.map((r) => r.origin),
  };
}

export function readPartners(reader: TableReader): TableRead<Partner, PartnerField> {
  return asRecords<Partner, PartnerField>(readRows(reader, PARTNER_COLUMNS).rows);
}

export function readFunctions(reader: TableReader): TableRead<DelegatedFunction, FunctionField> {
  return asRecords<DelegatedFunction, FunctionField>(readRows(reader, FUNCTION_COLUMNS).rows);
}

export function readValues(reader: TableReader): TableRead<PartnershipValue, ValueField> {
  return asRecords<PartnershipValue, ValueField>(readRows(reader, VALUE_COLUMNS).rows);
}

export function readObjectives(reader: TableReader): TableRead<Objective, ObjectiveField> {
  return asRecords<Objective, ObjectiveField>(readRows(reader, OBJECTIVE_COLUMNS).rows);
}

/** The header of the column filling `field`: messages and boundaries follow the specs. */
function headerOf(columns: readonly ColumnSpec<IndicatorField>[], field: IndicatorField): string {
  return columnOfField(columns, field).column?.header ?? field;
}

/** Period columns follow the last input column (Source) and precede the first calculated one (Latest). */
const BEFORE_PERIODS = INDICATOR_INPUT_COLUMNS[INDICATOR_INPUT_COLUMNS.length - 1]?.header ?? "";
const FIRST_AFTER_PERIODS = indicatorFormulaColumns(["", ""])[0]?.header ?? "";
const TOLERANCE = headerOf(INDICATOR_INPUT_COLUMNS, "tolerance");
const SPC_BASELINE = headerOf(INDICATOR_SPC_COLUMNS, "spcBaselinePoints");
const SPC_REBASE = headerOf(INDICATOR_SPC_COLUMNS, "spcRebaseAt");

/** Headers that end the period columns: the calculated and narrative columns after them. */
const AFTER_PERIODS = new Set(
  [
    ...indicatorFormulaColumns(["", ""]),
    ...INDICATOR_OVER_TIME_COLUMNS,
    ...INDICATOR_SPC_COLUMNS,
    ...INDICATOR_NOTE_COLUMNS,
  ].map((c) => c.header.toLowerCase()),
);

/** Period columns sit between Source and Latest; their headers are the period labels. */
export function periodHeaders(reader: TableReader): string[] {
  const from = reader.position(BEFORE_PERIODS);
  if (from < 0) return [];
  const to = reader.position(FIRST_AFTER_PERIODS);
  const headers: string[] = [];
  for (let position = from + 1; position < reader.table.headers.length; position++) {
    const header = reader.headerAt(position);
    if (position === to || AFTER_PERIODS.has(header.toLowerCase())) break;
    headers.push(header);
  }
  return headers;
}

function checkTolerance(reader: TableReader, row: number, tolerance: number | null): void {
  if (tolerance !== null && (tolerance < 0 || tolerance > 1)) {
    reader.report(
      "warning",
      reader.address(row, TOLERANCE),
      `${TOLERANCE} is ${tolerance * 100}% of the target`,
      "Type tolerances as percentages (10%) or fractions (0.1); 10 means 1000%.",
    );
  }
}

/**
 * The period a rebase names: its heading (any case), or, since Excel turns
 * "Apr 2025" typed in a cell into a date, the period that date falls in.
 */
function rebasePeriod(text: string, periods: readonly string[]): number {
  const at = periods.findIndex((p) => p.trim().toLowerCase() === text.toLowerCase());
  if (at >= 0) return at;
  const serial = /^\d{5}$/.test(text) ? Number(text) : null;
  const iso = serial !== null ? serialToIso(serial) : text;
  const plan = planFromLabels(periods);
  if (plan === null || !isValidIsoDate(iso)) return -1;
  const index = periodIndexOf(plan, iso);
  return index < periods.length ? index : -1;
}

/**
 * The optional SPC settings (issue 9), checked where they were typed. A
 * wrong one is refused (an error, read as blank) rather than guessed at; a
 * rebase too recent to judge yet is a warning, since it will come right as
 * values arrive.
 */
function checkSpcSettings(
  reader: TableReader,
  row: number,
  indicator: Indicator,
  periods: readonly string[],
): void {
  const baseline = indicator.spcBaselinePoints ?? null;
  if (baseline !== null && baseline < SPC_MIN_POINTS) {
    reader.report(
      "error",
      reader.address(row, SPC_BASELINE),
      `${SPC_BASELINE} must be at least ${SPC_MIN_POINTS}, got ${baseline}`,
      "Making Data Count takes limits from 12 values at least (up to 20 is better): type 12 or more, or leave it blank to use every value.",
    );
    indicator.spcBaselinePoints = null;
  }
  const rebase = (indicator.spcRebaseAt ?? "").trim();
  if (rebase === "") return;
  const at = rebasePeriod(rebase, periods);
  if (at < 0) {
    const shown =
      periods.length > 6
        ? `${periods.slice(0, 3).join(", ")} … ${periods.slice(-2).join(", ")}`
        : periods.join(", ");
    reader.report(
      "error",
      reader.address(row, SPC_REBASE),
      `${SPC_REBASE} "${rebase}" is not one of the period columns (${shown})`,
      "Type a period heading exactly as the Indicators table shows it, or leave the cell blank.",
    );
    indicator.spcRebaseAt = null;
    return;
  }
  indicator.spcRebaseAt = periods[at] ?? null;
  const counted = (from: number, to: number) =>
    indicator.values.slice(from, to).filter((v) => v !== null).length;
  const before = counted(0, at);
  const after = counted(at, periods.length);
  if (before > 0 && after > 0 && after < SPC_MIN_POINTS) {
    reader.report(
      "warning",
      reader.address(row, SPC_REBASE),
      `${indicator.id || "This indicator"} has ${after} value${after === 1 ? "" : "s"} since its SPC rebase at ${periods[at]}: no variation or assurance until it has ${SPC_MIN_POINTS}`,
      "Nothing to do but wait for the values; remove the rebase to judge the whole series as one process meanwhile.",
    );
  }
}

export function readIndicators(reader: TableReader): TableRead<Indicator, IndicatorField> & {
  periods: string[];
  origins: IndicatorOrigin<IndicatorField>[];
} {
  // Workbooks built before the narrative columns existed still read; they just have none.
  const notes = INDICATOR_NOTE_COLUMNS.some((c) => reader.has(c.header))
    ? INDICATOR_NOTE_COLUMNS
    : [];
  const formulas = indicatorFormulaColumns(["", ""]) as ColumnSpec<IndicatorField>[];
  let periods: string[] = [];
  // Workbooks made before the Target date column (issue 9) read without it.
  const inputs = INDICATOR_INPUT_COLUMNS.filter(
    (c) => c.field !== "targetDate" || reader.has(c.header),
  );
  // Workbooks made before the SPC settings columns (issue 9) read without them.
  const spcSettings = INDICATOR_SPC_COLUMNS.filter((c) => reader.has(c.header));
  const { rows } = readRows(reader, [...inputs, ...formulas, ...spcSettings, ...notes], {
    openAfter: BEFORE_PERIODS,
    extra: () => {
      periods = periodHeaders(reader);
      return periods;
    },
  });
  const items: Indicator[] = [];
  const origins: IndicatorOrigin<IndicatorField>[] = [];
  for (const { row, record, origin } of rows) {
    const cells: CellOrigin[] = [];
    const values = periods.map((period) => {
      cells.push(reader.origin(row, period));
      const value = reader.number(row, period);
      return value !== null && !checkPlausible(reader, row, period, value, PLAUSIBLE.measure, false)
        ? null
        : value;
    });
    const indicator = { ...record, values } as Indicator;
    // A blank target date is the plan's end: the same as none, so it is left out.
    if (indicator.targetDate === null) delete indicator.targetDate;
    checkTolerance(reader, row, indicator.tolerance);
    checkSpcSettings(reader, row, indicator, periods);
    // Blank SPC settings are the defaults: left out, as the model's optional fields.
    if (indicator.spcBaselinePoints === null) delete indicator.spcBaselinePoints;
    if (indicator.spcRebaseAt === null || indicator.spcRebaseAt === "")
      delete indicator.spcRebaseAt;
    // "Red but no corrective action" needs the periods' expected values: reader.ts, red-without-action.ts.
    items.push(indicator);
    origins.push({ ...origin, periods: cells });
  }
  return { items, origins, periods };
}

export function readFinance(reader: TableReader): TableRead<FinanceLine, FinanceField> {
  return asRecords<FinanceLine, FinanceField>(readRows(reader, FINANCE_COLUMNS).rows);
}

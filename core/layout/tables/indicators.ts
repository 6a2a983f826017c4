import { FORMATS, listOf, NEEDED_IN, PLAUSIBLE, type ColumnSpec } from "../columns.js";
import type { Operation } from "../operations.js";
import { rowOf } from "../record-row.js";
import { PALETTE } from "../styles.js";
import { dataColumnRange, tableSheetOperations, type TableSheetSpec } from "../table-sheet.js";
import { unitFormatOperations } from "../unit-formats.js";
import { indicatorOverTime, type IndicatorOverTime } from "../../measures/over-time.js";
import { planFromLabels } from "../../measures/periods.js";
import type { SpcAssurance, SpcVariation } from "../../measures/spc.js";
import { targetProfiles } from "../../measures/trajectory.js";
import {
  FREQUENCIES,
  INDICATOR_TYPES,
  POLARITIES,
  type Indicator,
  type IsoDate,
  type PeriodTarget,
} from "../../model/types.js";
import type { CellInput } from "../operations.js";
import { OBJECTIVE_COLUMNS } from "./objectives.js";

export const INDICATORS_SHEET = "Indicators";
export const INDICATORS_TABLE = "Indicators";

/** Period labels used when a new workbook has no reporting periods yet; officers rename them. */
export const DEFAULT_PERIODS = ["Period 1", "Period 2", "Period 3", "Period 4"];

/** Period values are laid out apart, one column per period. */
export type IndicatorField = Exclude<keyof Indicator, "values">;

export const INDICATOR_INPUT_COLUMNS: ColumnSpec<IndicatorField>[] = [
  {
    header: "ID",
    field: "id",
    need: "always",
    kind: "text",
    width: 8,
    description: "Unique ID, for example KPI01.",
  },
  {
    header: "Objective",
    field: "objectiveId",
    need: "always",
    kind: "text",
    width: 10,
    listFrom: listOf("Objectives", "Objectives", OBJECTIVE_COLUMNS, "ID"),
    description: "ID of the objective this indicator measures.",
  },
  {
    header: "Indicator",
    field: "indicator",
    label: "Description",
    need: "always",
    kind: "longText",
    width: 44,
    description: "What is measured.",
  },
  {
    header: "Type",
    field: "type",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    kind: "choice",
    width: 9,
    options: INDICATOR_TYPES,
    description: "Input, Output or Outcome.",
  },
  {
    header: "Unit",
    field: "unit",
    kind: "text",
    width: 10,
    description: "For example %, number, days, £.",
  },
  {
    header: "Polarity",
    field: "polarity",
    need: "always",
    kind: "choice",
    width: 16,
    options: POLARITIES,
    description: "Which way is better.",
  },
  {
    header: "Frequency",
    field: "frequency",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    kind: "choice",
    width: 11,
    options: FREQUENCIES,
    description: "How often it is reported.",
  },
  {
    header: "Baseline",
    field: "baseline",
    plausible: PLAUSIBLE.measure,
    kind: "number",
    width: 10,
    description: "The value when the partnership started measuring.",
  },
  {
    header: "Target",
    field: "target",
    need: "documents",
    plausible: PLAUSIBLE.measure,
    kind: "number",
    width: 10,
    description: "The value to reach.",
  },
  {
    header: "Target date",
    field: "targetDate",
    kind: "date",
    width: 11,
    description:
      "When the target is to be met; the plan's end when blank. Until then each period expects a straight line from the baseline (or the Targets table's value for that period).",
  },
  {
    header: "Tolerance (%)",
    field: "tolerance",
    kind: "percent",
    width: 11,
    description:
      "How far from target (a fraction of it) still counts as Amber; 10% is stored as 0.1.",
  },
  {
    header: "Owner",
    field: "owner",
    need: "documents",
    kind: "text",
    width: 16,
    description: "Who reports the indicator.",
  },
  {
    header: "Source",
    field: "source",
    kind: "text",
    width: 18,
    description: "Where the data comes from.",
  },
];

const PERIOD_DESCRIPTION = "The value reported for this period (header is the period label).";

function periodColumns(periods: readonly string[]): ColumnSpec[] {
  return periods.map((header) => ({
    header,
    kind: "number",
    plausible: PLAUSIBLE.measure,
    width: 11,
    description: PERIOD_DESCRIPTION,
  }));
}

/** The formula columns, which depend on the first and last period's headers. */
export function indicatorFormulaColumns(periods: readonly string[]): ColumnSpec[] {
  const first = periods[0] ?? "";
  const last = periods[periods.length - 1] ?? "";
  const span = `[@[${first}]:[${last}]]`;
  const latestColumn = `LOOKUP(2,1/ISNUMBER(${span}),COLUMN(${span}))`;
  // RAG judges the latest value against what its period expected (the trajectory), else the target.
  const target = "IF(ISNUMBER([@Expected]),[@Expected],[@Target])";
  const band = `ABS(${target})*N([@[Tolerance (%)]])`;
  const rag =
    `=IF([@ID]="","",IF(OR([@Latest]="",NOT(ISNUMBER(${target}))),"No data",` +
    `IF([@Polarity]="Higher is better",IF([@Latest]>=${target},"Green",IF([@Latest]>=${target}-${band},"Amber","Red")),` +
    `IF([@Polarity]="Lower is better",IF([@Latest]<=${target},"Green",IF([@Latest]<=${target}+${band},"Amber","Red")),` +
    `IF([@Polarity]="Closer to target",IF(ABS([@Latest]-${target})<=${band},"Green",IF(ABS([@Latest]-${target})<=2*${band},"Amber","Red")),` +
    `"No data")))))`;
  const compare = (better: string, worse: string) =>
    `IF(${better},"Improving",IF(${worse},"Worsening","No change"))`;
  const dl = "ABS([@Latest]-[@Target])";
  const dp = "ABS([@Previous]-[@Target])";
  const direction =
    `=IF(OR([@Latest]="",[@Previous]=""),"",` +
    `IF([@Polarity]="Higher is better",${compare("[@Latest]>[@Previous]", "[@Latest]<[@Previous]")},` +
    `IF([@Polarity]="Lower is better",${compare("[@Latest]<[@Previous]", "[@Latest]>[@Previous]")},` +
    `IF(AND([@Polarity]="Closer to target",ISNUMBER([@Target])),${compare(`${dl}<${dp}`, `${dl}>${dp}`)},` +
    `""))))`;
  return [
    {
      header: "Latest",
      kind: "formula",
      width: 10,
      format: FORMATS.number,
      formula: `=IFERROR(LOOKUP(2,1/ISNUMBER(${span}),${span}),"")`,
      description: "The last period with a value; blank when no period has one.",
    },
    {
      header: "Previous",
      kind: "formula",
      width: 10,
      format: FORMATS.number,
      formula: `=IFERROR(LOOKUP(2,1/(ISNUMBER(${span})*(COLUMN(${span})<${latestColumn})),${span}),"")`,
      description: "The value before the latest one, which direction of travel compares against.",
    },
    {
      header: "RAG",
      kind: "formula",
      width: 9,
      formula: rag,
      description:
        "The latest value against its period's Expected value (the target when none): Green at or better; Amber worse but within tolerance; Red otherwise. Closer to target: Green within tolerance, Amber within twice it.",
    },
    {
      header: "Direction",
      kind: "formula",
      width: 11,
      formula: direction,
      description:
        "Improving, Worsening or No change since the previous value, judged by polarity.",
    },
  ];
}

/**
 * Judgements over time, stamped from core's measures (measures/over-time.ts)
 * each time the workbook is written or refreshed, not worked out by formulas:
 * a trajectory, overdue dates and SPC limits need the period dates and every
 * value at once, which a row formula cannot see. RAG reads Expected, so it
 * follows a value typed in later; the others wait for the next refresh.
 */
export const INDICATOR_OVER_TIME_COLUMNS: ColumnSpec[] = [
  {
    header: "Expected",
    kind: "number",
    width: 10,
    description:
      "What the latest period with a value was expected to show: the Targets table's value for it, else the straight line from baseline to target by the target date.",
  },
  {
    header: "Overdue",
    kind: "text",
    width: 14,
    description:
      "Periods whose value is due (by Frequency, after the period ends) and still blank, as at the day the workbook was written.",
  },
  {
    header: "Red twice",
    kind: "text",
    width: 9,
    description:
      "Yes when the last two periods with a value were both Red against what they expected: the corrective action is due.",
  },
  {
    header: "Variation",
    kind: "text",
    width: 13,
    description:
      "Statistical process control (12 values or more): Common cause, Improvement, Concern, or Neutral high / low where no direction is better.",
  },
  {
    header: "Assurance",
    kind: "text",
    width: 12,
    description:
      "Will the process meet the target? Pass (the limits are all on target's good side), Fail (all on its bad side) or Inconsistent; blank below 12 values or with no better direction.",
  },
];

export const VARIATION_WORDS: Record<SpcVariation, string> = {
  common: "Common cause",
  improvement: "Improvement",
  concern: "Concern",
  neutral_high: "Neutral high",
  neutral_low: "Neutral low",
};

export const ASSURANCE_WORDS: Record<SpcAssurance, string> = {
  pass: "Pass",
  fail: "Fail",
  inconsistent: "Inconsistent",
};

/** One indicator's stamped cells, keyed by header. */
function overTimeCells(judged: IndicatorOverTime | undefined): Record<string, CellInput> {
  if (judged === undefined) return {};
  const latest = judged.latestPeriod;
  return {
    Expected: latest < 0 ? null : (judged.expected[latest] ?? null),
    Overdue: judged.overdue.join(", "),
    "Red twice": judged.redTwice ? "Yes" : "",
    Variation: judged.spc === null ? "" : VARIATION_WORDS[judged.spc.variation],
    Assurance:
      judged.spc === null || judged.spc.assurance === null
        ? ""
        : ASSURANCE_WORDS[judged.spc.assurance],
  };
}

/**
 * Optional SPC settings per indicator (issue 9), typed in beside the
 * Variation and Assurance they change. Twelve is Making Data Count's least
 * baseline, so fewer is refused at the cell (measures/spc.ts).
 */
export const INDICATOR_SPC_COLUMNS: ColumnSpec<IndicatorField>[] = [
  {
    header: "SPC baseline points",
    field: "spcBaselinePoints",
    kind: "integer",
    width: 11,
    description:
      "Optional: fix the SPC mean and limits from the first this-many values (at least 12), extended over later ones so a change shows against the old process. Blank: from every value.",
  },
  {
    header: "SPC rebase at",
    field: "spcRebaseAt",
    kind: "text",
    width: 12,
    description:
      "Optional: a period heading from which SPC starts again (after a deliberate change): the points from it on get their own mean and limits, and runs do not cross it. SPC waits for 12 values after it.",
  },
];

/** Narrative columns after the calculated ones, where the owner explains the figures. */
export const INDICATOR_NOTE_COLUMNS: ColumnSpec<IndicatorField>[] = [
  {
    header: "Commentary",
    field: "commentary",
    kind: "longText",
    width: 40,
    description: "The owner's explanation of the latest figure.",
  },
  {
    header: "Corrective action",
    field: "correctiveAction",
    kind: "longText",
    width: 40,
    description: "What will be done to recover; Check warns when a Red indicator has none.",
  },
];

export function indicatorColumns(periods: readonly string[]): ColumnSpec[] {
  return [
    ...INDICATOR_INPUT_COLUMNS,
    ...periodColumns(periods),
    ...indicatorFormulaColumns(periods),
    ...INDICATOR_OVER_TIME_COLUMNS,
    ...INDICATOR_SPC_COLUMNS,
    ...INDICATOR_NOTE_COLUMNS,
  ];
}

/** What the stamped columns need beyond the indicators: the Targets rows, the plan's end and the day. */
export interface OverTimeContext {
  targets?: readonly PeriodTarget[];
  planEnd?: IsoDate | null;
  /** The day Overdue is judged at; nothing is overdue when absent. */
  asAt?: IsoDate | null;
}

export function indicatorsSheet(
  indicators: readonly Indicator[],
  periods: readonly string[],
  context: OverTimeContext = {},
): Operation[] {
  const labels = periods.length > 0 ? periods : DEFAULT_PERIODS;
  const judged = judgeOverTime(indicators, labels, context);
  const spec: TableSheetSpec = {
    sheet: INDICATORS_SHEET,
    table: INDICATORS_TABLE,
    title: "Targets and key performance indicators",
    instructions:
      "One row per indicator; enter each period's value under its period heading. Latest, RAG and Direction are calculated (grey).",
    tabColor: "#C55A11",
    columns: indicatorColumns(labels),
    freezeColumns: 3,
    rows: indicators.map((i, index) => ({
      ...rowOf(INDICATOR_INPUT_COLUMNS, i),
      ...Object.fromEntries(labels.map((label, index) => [label, i.values[index] ?? null])),
      ...overTimeCells(judged[index]),
      ...rowOf(INDICATOR_SPC_COLUMNS, i),
      ...rowOf(INDICATOR_NOTE_COLUMNS, i),
    })),
  };
  const sheet = INDICATORS_SHEET;
  const rag = dataColumnRange(spec, "RAG");
  const travel = dataColumnRange(spec, "Direction");
  const redTwice = dataColumnRange(spec, "Red twice");
  return [
    ...tableSheetOperations(spec),
    // Stamped, not typed in: shown grey like the formula columns.
    ...INDICATOR_OVER_TIME_COLUMNS.map((c): Operation => ({
      kind: "role",
      sheet,
      range: dataColumnRange(spec, c.header),
      role: "formula",
    })),
    {
      kind: "textHighlight",
      sheet,
      range: redTwice,
      text: "Yes",
      fill: PALETTE.red,
      fontColor: PALETTE.redText,
    },
    // Every cell that holds a measurement shows in the row's unit (35.0%, £162,500).
    ...unitFormatOperations(
      sheet,
      spec.columns,
      ["Baseline", "Target", ...labels, "Latest", "Previous", "Expected"],
      indicators.map((i) => i.unit),
    ),
    {
      kind: "textHighlight",
      sheet,
      range: rag,
      text: "Green",
      fill: PALETTE.green,
      fontColor: PALETTE.greenText,
    },
    {
      kind: "textHighlight",
      sheet,
      range: rag,
      text: "Amber",
      fill: PALETTE.amber,
      fontColor: PALETTE.amberText,
    },
    {
      kind: "textHighlight",
      sheet,
      range: rag,
      text: "Red",
      fill: PALETTE.red,
      fontColor: PALETTE.redText,
    },
    {
      kind: "textHighlight",
      sheet,
      range: rag,
      text: "No data",
      fill: PALETTE.grey,
      fontColor: PALETTE.greyText,
    },
    {
      kind: "textHighlight",
      sheet,
      range: travel,
      text: "Improving",
      fill: PALETTE.green,
      fontColor: PALETTE.greenText,
    },
    {
      kind: "textHighlight",
      sheet,
      range: travel,
      text: "Worsening",
      fill: PALETTE.red,
      fontColor: PALETTE.redText,
    },
  ];
}

/** Each indicator judged over time, as the stamped columns and the RAG history show it. */
export function judgeOverTime(
  indicators: readonly Indicator[],
  labels: readonly string[],
  context: OverTimeContext,
): IndicatorOverTime[] {
  const plan = planFromLabels(labels);
  const profiles = targetProfiles(context.targets ?? []);
  // Without a day to judge at, nothing is overdue: a day before any period ends.
  const asAt = context.asAt ?? "0001-01-01";
  return indicators.map((indicator) =>
    indicatorOverTime(indicator, labels, plan, context.planEnd ?? null, profiles, asAt),
  );
}

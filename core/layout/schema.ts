import type { Instrument } from "../instruments/types.js";
import {
  YES_NO,
  needOf,
  numberFormatOf,
  type ColumnSpec,
  type FieldNeed,
  type Need,
  type Plausible,
} from "./columns.js";
import { assessmentTableName, gridColumns, registerColumns } from "./tables/assessment.js";
import { FINANCE_COLUMNS, FINANCE_SHEET, FINANCE_TABLE } from "./tables/finance.js";
import { FUNCTION_COLUMNS, FUNCTIONS_SHEET, FUNCTIONS_TABLE } from "./tables/functions.js";
import {
  INDICATOR_INPUT_COLUMNS,
  INDICATORS_SHEET,
  INDICATORS_TABLE,
  INDICATOR_OVER_TIME_COLUMNS,
  indicatorFormulaColumns,
  INDICATOR_SPC_COLUMNS,
} from "./tables/indicators.js";
import { OBJECTIVE_COLUMNS, OBJECTIVES_SHEET, OBJECTIVES_TABLE } from "./tables/objectives.js";
import { PARTNER_COLUMNS, PARTNERS_SHEET, PARTNERS_TABLE } from "./tables/partners.js";
import {
  PARTNERSHIP_COLUMNS,
  PARTNERSHIP_FIELDS,
  PARTNERSHIP_SHEET,
  PARTNERSHIP_TABLE,
} from "./tables/partnership.js";
import { TARGET_COLUMNS, TARGETS_SHEET, TARGETS_TABLE } from "./tables/targets.js";
import { VALUE_COLUMNS, VALUES_SHEET, VALUES_TABLE } from "./tables/values.js";

export interface SchemaColumn {
  header: string;
  type: string;
  /** True when something needs the value (a record, or the documents): see `need`. */
  required: boolean;
  need: Need;
  /** For `documents` needs limited to some documents ("agreements"). */
  neededIn?: string;
  /** The model field the column fills. */
  field?: string;
  /** Values outside this range are errors. */
  plausible?: Plausible;
  allowed?: string[];
  formula?: string;
  format?: string;
  description: string;
}

export interface SchemaTable {
  table: string;
  sheet: string;
  /** Header row of the table; data rows follow. */
  headerRow: number;
  columns: SchemaColumn[];
  /** For the Partnership table: the Field labels it must contain. */
  fields?: {
    field: string;
    type: string;
    required: boolean;
    need: Need;
    neededIn?: string;
    modelField: string;
    plausible?: Plausible;
    notes: string;
  }[];
  notes?: string;
}

export interface WorkbookSchema {
  tables: SchemaTable[];
}

const PERIODS_PLACEHOLDER = "<period>";
const PARTNER_PLACEHOLDER = "<partner short name>";

function needFacts(spec: FieldNeed): Pick<SchemaColumn, "required" | "need" | "neededIn"> {
  const need = needOf(spec);
  return {
    required: need !== "optional",
    need,
    ...(need === "documents" && spec.neededIn ? { neededIn: spec.neededIn.label } : {}),
  };
}

function describe(column: ColumnSpec): SchemaColumn {
  const allowed = column.options
    ? [...column.options]
    : column.kind === "yesNo"
      ? [...YES_NO]
      : undefined;
  const format = numberFormatOf(column) ?? undefined;
  const type = column.listFrom
    ? `${column.kind} (from ${column.listFrom.table}[${column.listFrom.column}])`
    : column.kind;
  return {
    header: column.header,
    type: column.range ? `${type} ${column.range.min}–${column.range.max}` : type,
    ...needFacts(column),
    ...(column.field ? { field: column.field } : {}),
    ...(column.plausible ? { plausible: column.plausible } : {}),
    ...(allowed ? { allowed } : {}),
    ...(column.formula ? { formula: column.formula } : {}),
    ...(format ? { format } : {}),
    description: column.description,
  };
}

/** The workbook contract, derived from the same column specs the blueprint builds from. */
export function workbookSchema(instruments: readonly Instrument[]): WorkbookSchema {
  const periodColumn: SchemaColumn = {
    header: PERIODS_PLACEHOLDER,
    type: "number (one column per reporting period, between Source and Latest)",
    required: false,
    need: "optional",
    description: "The header is the period label, for example Q1 2026/27.",
  };
  const partnerColumn: SchemaColumn = {
    header: PARTNER_PLACEHOLDER,
    type: "score (one column per partner, between Statement and Mean)",
    required: false,
    need: "optional",
    description: "Each partner's score; scores follow the partner's short name.",
  };
  const tables: SchemaTable[] = [
    {
      table: PARTNERSHIP_TABLE,
      sheet: PARTNERSHIP_SHEET,
      headerRow: 4,
      columns: PARTNERSHIP_COLUMNS.map(describe),
      fields: PARTNERSHIP_FIELDS.map((f) => ({
        field: f.label,
        type: f.kind,
        ...needFacts(f),
        modelField: f.field,
        ...(f.plausible ? { plausible: f.plausible } : {}),
        notes: f.notes,
      })),
    },
    {
      table: PARTNERS_TABLE,
      sheet: PARTNERS_SHEET,
      headerRow: 4,
      columns: PARTNER_COLUMNS.map(describe),
    },
    {
      table: FUNCTIONS_TABLE,
      sheet: FUNCTIONS_SHEET,
      headerRow: 4,
      columns: FUNCTION_COLUMNS.map(describe),
      notes:
        "Optional (issue 10): the NHS and health-related functions a section 75 agreement covers, with the persons and services; the agreement's schedule of functions.",
    },
    {
      table: VALUES_TABLE,
      sheet: VALUES_SHEET,
      headerRow: 4,
      columns: VALUE_COLUMNS.map(describe),
    },
    {
      table: OBJECTIVES_TABLE,
      sheet: OBJECTIVES_SHEET,
      headerRow: 4,
      columns: OBJECTIVE_COLUMNS.map(describe),
    },
    {
      table: INDICATORS_TABLE,
      sheet: INDICATORS_SHEET,
      headerRow: 4,
      columns: [
        ...INDICATOR_INPUT_COLUMNS.map(describe),
        periodColumn,
        ...indicatorFormulaColumns([
          `${PERIODS_PLACEHOLDER} first`,
          `${PERIODS_PLACEHOLDER} last`,
        ]).map(describe),
        ...INDICATOR_OVER_TIME_COLUMNS.map(describe),
        ...INDICATOR_SPC_COLUMNS.map(describe),
      ],
    },
    {
      table: TARGETS_TABLE,
      sheet: TARGETS_SHEET,
      headerRow: 4,
      columns: TARGET_COLUMNS.map(describe),
      notes: "Optional: trajectories, the value expected of an indicator in named periods.",
    },
    {
      table: FINANCE_TABLE,
      sheet: FINANCE_SHEET,
      headerRow: 4,
      columns: FINANCE_COLUMNS.map(describe),
    },
    ...instruments.map((instrument): SchemaTable => {
      if (instrument.kind === "register") {
        return {
          table: assessmentTableName(instrument),
          sheet: instrument.sheet,
          headerRow: 4,
          columns: registerColumns(instrument).map(describe),
          notes: instrument.title,
        };
      }
      const [section, statement, ...rest] = gridColumns(instrument, [PARTNER_PLACEHOLDER]).map(
        describe,
      );
      return {
        table: assessmentTableName(instrument),
        sheet: instrument.sheet,
        headerRow: 4,
        columns: [section, statement, partnerColumn, ...rest.slice(1)].filter(
          (c): c is SchemaColumn => c !== undefined,
        ),
        notes: instrument.title,
      };
    }),
  ];
  return { tables };
}

function needText(facts: { need: Need; neededIn?: string }): string {
  if (facts.need === "always") return "required";
  if (facts.need === "documents") return `needed by ${facts.neededIn ?? "every document"}`;
  return "";
}

function rangeText(plausible: Plausible | undefined): string {
  return plausible
    ? `from ${plausible.min.toLocaleString("en-GB")} to ${plausible.max.toLocaleString("en-GB")}`
    : "";
}

export function schemaText(schema: WorkbookSchema): string {
  const lines: string[] = [];
  for (const table of schema.tables) {
    lines.push(
      `${table.table} (sheet ${table.sheet}, header row ${table.headerRow})${table.notes ? `: ${table.notes}` : ""}`,
    );
    for (const column of table.columns) {
      const flags = [
        column.type,
        needText(column),
        rangeText(column.plausible),
        column.allowed ? `one of: ${column.allowed.join(" | ")}` : "",
      ]
        .filter(Boolean)
        .join("; ");
      lines.push(`  ${column.header}  [${flags}]  ${column.description}`);
      if (column.formula) lines.push(`      = ${column.formula.replace(/^=/, "")}`);
    }
    for (const field of table.fields ?? []) {
      const flags = [field.type, needText(field), rangeText(field.plausible)]
        .filter(Boolean)
        .join("; ");
      lines.push(`    Field "${field.field}"  [${flags}]  ${field.notes}`);
    }
    lines.push("");
  }
  return `${lines.join("\n")}`;
}

import { listOf, NEEDED_IN, type ColumnSpec } from "../columns.js";
import type { Operation } from "../operations.js";
import { rowOf } from "../record-row.js";
import { tableSheetOperations } from "../table-sheet.js";
import { PRIORITIES, type Objective, type SmartChecks } from "../../model/types.js";
import { SMART_LETTERS } from "../../measures/smart.js";
import { PARTNER_COLUMNS } from "./partners.js";

export const OBJECTIVES_SHEET = "Objectives";
export const OBJECTIVES_TABLE = "Objectives";

export type ObjectiveField = Exclude<keyof Objective, "smart"> | `smart.${keyof SmartChecks}`;

const smartColumns: ColumnSpec<ObjectiveField>[] = SMART_LETTERS.map(({ key, header }) => ({
  header,
  field: `smart.${key}` as const,
  kind: "yesNo",
  width: 11,
  description: `Yes if the objective is ${header.toLowerCase()}.`,
}));

export const OBJECTIVE_COLUMNS: ColumnSpec<ObjectiveField>[] = [
  {
    header: "ID",
    field: "id",
    need: "always",
    kind: "text",
    width: 8,
    description: "Unique ID, for example O1.",
  },
  {
    header: "Objective",
    field: "objective",
    label: "Wording",
    need: "always",
    kind: "longText",
    width: 60,
    description: "What the partnership will achieve.",
  },
  {
    header: "Priority",
    field: "priority",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    kind: "choice",
    width: 10,
    options: PRIORITIES,
    description: "High, Medium or Low.",
  },
  {
    header: "Lead partner",
    field: "leadPartner",
    need: "documents",
    kind: "text",
    width: 14,
    listFrom: listOf("Partners", "Partners", PARTNER_COLUMNS, "Short name"),
    description: "Short name of the partner leading the objective.",
  },
  {
    header: "Quick win",
    field: "quickWin",
    kind: "yesNo",
    width: 10,
    description: "Yes for an early success the partnership can show quickly.",
  },
  {
    header: "Due date",
    field: "dueDate",
    need: "documents",
    kind: "date",
    width: 12,
    description: "When the objective should be met (dd/mm/yyyy).",
  },
  ...smartColumns,
  {
    header: "SMART score",
    kind: "formula",
    width: 10,
    format: '0"/5"',
    formula: `=${SMART_LETTERS.map(({ header }) => `([@[${header}]]="Yes")`).join("+")}`,
    description: "How many of the five SMART letters the objective meets.",
  },
];

export function objectivesSheet(objectives: readonly Objective[]): Operation[] {
  return tableSheetOperations({
    sheet: OBJECTIVES_SHEET,
    table: OBJECTIVES_TABLE,
    title: "Aims, priorities and objectives",
    instructions:
      "Each objective should be SMART: specific, measurable, achievable, realistic and time-bound. Mark quick wins: early successes matter.",
    tabColor: "#BF8F00",
    columns: OBJECTIVE_COLUMNS,
    freezeColumns: 2,
    rows: objectives.map((o) => rowOf(OBJECTIVE_COLUMNS, o)),
  });
}

import { listOf, type ColumnSpec } from "../columns.js";
import type { Operation } from "../operations.js";
import { tableSheetOperations } from "../table-sheet.js";
import { isoToSerial } from "../../model/dates.js";
import { PRIORITIES, type Objective } from "../../model/types.js";
import { SMART_LETTERS } from "../../measures/smart.js";
import { PARTNER_COLUMNS } from "./partners.js";

export const OBJECTIVES_SHEET = "Objectives";
export const OBJECTIVES_TABLE = "Objectives";

const smartColumns: ColumnSpec[] = SMART_LETTERS.map(({ header }) => ({
  header,
  kind: "yesNo",
  width: 11,
  description: `Yes if the objective is ${header.toLowerCase()}.`,
}));

export const OBJECTIVE_COLUMNS: ColumnSpec[] = [
  {
    header: "ID",
    kind: "text",
    width: 8,
    required: true,
    description: "Unique ID, for example O1.",
  },
  {
    header: "Objective",
    kind: "longText",
    width: 60,
    required: true,
    description: "What the partnership will achieve.",
  },
  {
    header: "Priority",
    kind: "choice",
    width: 10,
    options: PRIORITIES,
    description: "High, Medium or Low.",
  },
  {
    header: "Lead partner",
    kind: "text",
    width: 14,
    listFrom: listOf("Partners", "Partners", PARTNER_COLUMNS, "Short name"),
    description: "Short name of the partner leading the objective.",
  },
  {
    header: "Quick win",
    kind: "yesNo",
    width: 10,
    description: "Yes for an early success the partnership can show quickly.",
  },
  {
    header: "Due date",
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

function yesNo(value: boolean): string {
  return value ? "Yes" : "No";
}

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
    rows: objectives.map((o) => ({
      ID: o.id,
      Objective: o.objective,
      Priority: o.priority,
      "Lead partner": o.leadPartner,
      "Quick win": yesNo(o.quickWin),
      "Due date": o.dueDate ? isoToSerial(o.dueDate) : null,
      ...Object.fromEntries(SMART_LETTERS.map(({ key, header }) => [header, yesNo(o.smart[key])])),
    })),
  });
}

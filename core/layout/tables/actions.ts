import type { ColumnSpec } from "../columns.js";
import type { Operation } from "../operations.js";
import { rowOf } from "../record-row.js";
import { tableSheetOperations } from "../table-sheet.js";
import { ACTION_STATUSES } from "../../measures/assessment-actions.js";
import type { AssessmentAction } from "../../model/assessment-cycle.js";

/**
 * The assessment action plan (issue 8): one row per item the board acts on,
 * seeded from each round's weakest and contested items; officers fill in
 * the action, owner and dates and keep the status up to date.
 */

export const ACTIONS_SHEET = "Actions";
export const ACTIONS_TABLE = "Actions";

export type ActionField = keyof AssessmentAction;

export const ACTION_REASONS = ["weakest", "contested", "worsened"] as const;

export const ACTION_COLUMNS: ColumnSpec<ActionField>[] = [
  {
    header: "Instrument",
    field: "instrumentId",
    need: "always",
    kind: "text",
    width: 22,
    description: "The instrument's id (templates/instruments), as the Assessment history names it.",
  },
  {
    header: "Item",
    field: "item",
    need: "always",
    kind: "longText",
    width: 50,
    description: "The statement the action is about.",
  },
  {
    header: "Reason",
    field: "reason",
    kind: "choice",
    options: ACTION_REASONS,
    width: 12,
    description:
      "Why it is on the plan: among the weakest, contested between partners, or worsened.",
  },
  {
    header: "Action",
    field: "action",
    kind: "longText",
    width: 50,
    description: "What the partnership will do.",
  },
  {
    header: "Owner",
    field: "owner",
    kind: "text",
    width: 16,
    description: "Who sees it done (a partner's short name or a person).",
  },
  {
    header: "Due date",
    field: "dueDate",
    kind: "date",
    width: 12,
    description: "When it should be done; check warns when it passes and the action is not done.",
  },
  {
    header: "Status",
    field: "status",
    kind: "choice",
    options: ACTION_STATUSES,
    width: 14,
    description: "Not started, In progress, Done or Dropped.",
  },
  {
    header: "Review date",
    field: "reviewDate",
    kind: "date",
    width: 12,
    description: "When the board next looks at it.",
  },
];

export function actionsSheet(actions: readonly AssessmentAction[]): Operation[] {
  return tableSheetOperations({
    sheet: ACTIONS_SHEET,
    table: ACTIONS_TABLE,
    title: "Assessment action plan",
    instructions:
      "Closing a round adds a row for each of its five weakest items and every contested one, never changing a row already here. Fill in the action, owner and due date; set Status to Done when it is.",
    tabColor: "#00B0A0",
    columns: ACTION_COLUMNS,
    rows: actions.map((a) => rowOf(ACTION_COLUMNS, a)),
    freezeColumns: 2,
  });
}

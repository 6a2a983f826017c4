/**
 * The assessment cycle's two tables (issue 8): `Assessment rounds`, one row
 * per round (the open one is the current round), and `Assessment history`,
 * every score ever collected in long format, so a round closed a year ago is
 * still there when the grids are scored again.
 */
import type { ColumnSpec } from "../columns.js";
import type { CellInput, Operation } from "../operations.js";
import { rowOf } from "../record-row.js";
import { tableSheetOperations } from "../table-sheet.js";
import type { AssessmentRound, AssessmentScoreRecord } from "../../model/assessment-cycle.js";
import type { Partnership } from "../../model/types.js";

export const HISTORY_SHEET = "Assessment history";
export const HISTORY_TABLE = "Assessment_history";
export const ROUNDS_SHEET = "Assessment rounds";
export const ROUNDS_TABLE = "Assessment_rounds";

export type HistoryField = keyof AssessmentScoreRecord;

export const HISTORY_COLUMNS: ColumnSpec<HistoryField>[] = [
  {
    header: "Round",
    field: "round",
    need: "always",
    kind: "text",
    width: 16,
    description: "The assessment round the score belongs to.",
  },
  {
    header: "Date",
    field: "date",
    kind: "date",
    width: 12,
    description: "When the score was collected or the round closed.",
  },
  {
    header: "Instrument",
    field: "instrumentId",
    need: "always",
    kind: "text",
    width: 22,
    description: "The instrument's id (templates/instruments).",
  },
  {
    header: "Section",
    field: "section",
    kind: "text",
    width: 26,
    description: "The instrument's section.",
  },
  {
    header: "Statement",
    field: "statement",
    need: "always",
    kind: "longText",
    width: 60,
    description: "The statement scored.",
  },
  {
    header: "Respondent",
    field: "respondent",
    need: "always",
    kind: "text",
    width: 16,
    description: 'A partner\'s short name, or "Respondent N" in an anonymous round.',
  },
  {
    header: "Score",
    field: "score",
    kind: "number",
    width: 8,
    description: "The score given.",
  },
  {
    header: "Comment",
    field: "comment",
    kind: "longText",
    width: 50,
    description: "The respondent's comment, if any.",
  },
];

/** The Returned column holds short names separated by this, in partner order. */
export const RETURNED_SEPARATOR = ", ";

export type RoundField = keyof AssessmentRound;

/** Returned has no field: it is a list, split and joined by this file and read-cycle. */
export const ROUNDS_COLUMNS: ColumnSpec<RoundField>[] = [
  {
    header: "Round",
    field: "name",
    need: "always",
    kind: "text",
    width: 18,
    description: "The round's name, as the returns print it.",
  },
  {
    header: "Opened",
    field: "opened",
    kind: "date",
    width: 12,
    description: "When the first return came in.",
  },
  {
    header: "Closed",
    field: "closed",
    kind: "date",
    width: 12,
    description: "When the round was closed; blank for the current round.",
  },
  {
    header: "Anonymous",
    field: "anonymous",
    kind: "yesNo",
    width: 12,
    description: "Yes when scores are kept under Respondent 1…N with no link to partners.",
  },
  {
    header: "Returned",
    kind: "longText",
    width: 60,
    description: "Partners who have sent a return, in partner order.",
  },
];

export function historySheet(records: readonly AssessmentScoreRecord[]): Operation[] {
  return tableSheetOperations({
    sheet: HISTORY_SHEET,
    table: HISTORY_TABLE,
    title: "Assessment history",
    instructions:
      "Every score ever collected, one row per statement and respondent. `partnership collect` and Close round add rows; keep them, so each review can be compared with the last.",
    tabColor: "#00B0A0",
    columns: HISTORY_COLUMNS,
    rows: records.map((r) => rowOf(HISTORY_COLUMNS, r)),
    freezeColumns: 1,
  });
}

function roundRow(round: AssessmentRound): Record<string, CellInput> {
  return {
    ...rowOf(ROUNDS_COLUMNS, round),
    Returned: round.returned.join(RETURNED_SEPARATOR) || null,
  };
}

export function roundsSheet(rounds: readonly AssessmentRound[]): Operation[] {
  return tableSheetOperations({
    sheet: ROUNDS_SHEET,
    table: ROUNDS_TABLE,
    title: "Assessment rounds",
    instructions:
      "One row per review. The round without a Closed date is the current one: its scores are in the grids until it is closed.",
    tabColor: "#00B0A0",
    columns: ROUNDS_COLUMNS,
    rows: rounds.map(roundRow),
  });
}

/**
 * The cycle's sheets, when the partnership has a cycle: a workbook that has
 * never collected a return has neither, and `collect` adds them.
 */
export function cycleSheets(partnership: Partnership): Operation[][] {
  if (!partnership.assessmentRounds && !partnership.assessmentHistory) return [];
  return [
    roundsSheet(partnership.assessmentRounds ?? []),
    historySheet(partnership.assessmentHistory ?? []),
  ];
}

/**
 * Reads the assessment cycle's tables (issue 8) when the workbook has them:
 * the rounds (the open one is the current round) and the long-format history.
 */
import {
  HISTORY_COLUMNS,
  HISTORY_TABLE,
  RETURNED_SEPARATOR,
  ROUNDS_COLUMNS,
  ROUNDS_TABLE,
} from "../layout/tables/history.js";
import type { ColumnSpec } from "../layout/columns.js";
import type { AssessmentRound, AssessmentScoreRecord } from "../model/assessment-cycle.js";
import { resolveHeaders } from "./headers.js";
import { inputColumns, readRecord } from "./read-record.js";
import type { Problem } from "../model/problem.js";
import type { Partnership } from "../model/types.js";
import type { TableCells } from "./cells.js";
import { TableReader } from "./table-reader.js";

function readRows<F extends string>(
  reader: TableReader,
  columns: readonly ColumnSpec<F>[],
  extra: readonly string[] = [],
): { row: number; record: Record<string, unknown> }[] {
  const absent = resolveHeaders(reader, columns);
  const inputs = inputColumns(columns);
  const headers = [...inputs.map((c) => c.header).filter((h) => !absent.has(h)), ...extra];
  const rows: { row: number; record: Record<string, unknown> }[] = [];
  for (let row = 0; row < reader.rowCount; row++) {
    if (reader.isBlankRow(row, headers)) continue;
    rows.push({ row, record: readRecord(reader, inputs, row, absent).record });
  }
  return rows;
}

export function readHistory(reader: TableReader): AssessmentScoreRecord[] {
  return readRows(reader, HISTORY_COLUMNS).map(
    ({ record }) => record as unknown as AssessmentScoreRecord,
  );
}

export function readRounds(reader: TableReader): AssessmentRound[] {
  const rows = readRows(reader, ROUNDS_COLUMNS, ["Returned"]);
  const rounds = rows.map(({ row, record }) => ({
    ...(record as unknown as Omit<AssessmentRound, "returned">),
    returned: reader
      .text(row, "Returned")
      .split(RETURNED_SEPARATOR.trim())
      .map((name) => name.trim())
      .filter((name) => name !== ""),
  }));
  const open = rounds.flatMap((r, i) => (r.closed === null ? [i] : []));
  if (open.length > 1) {
    const first = rows[open[0] ?? 0]?.row ?? 0;
    reader.report(
      "error",
      reader.address(first, "Closed"),
      `${open.length} rounds are open (${open.map((i) => rounds[i]?.name ?? "").join(", ")}); only one can be the current round`,
      "Type the date each earlier round was closed in its Closed cell.",
    );
  }
  return rounds;
}

/** The current round: the last round without a Closed date, or "" when none is open. */
export function currentRoundOf(rounds: readonly AssessmentRound[]): string {
  return [...rounds].reverse().find((r) => r.closed === null)?.name ?? "";
}

/** Fills the partnership's cycle records from the tables the workbook has; absent tables leave them absent. */
export function readCycle(
  byName: ReadonlyMap<string, TableCells>,
  problems: Problem[],
  partnership: Partnership,
): void {
  const rounds = byName.get(ROUNDS_TABLE.toLowerCase());
  if (rounds) {
    partnership.assessmentRounds = readRounds(new TableReader(rounds, problems));
    partnership.currentRound = currentRoundOf(partnership.assessmentRounds);
  }
  const history = byName.get(HISTORY_TABLE.toLowerCase());
  if (history) partnership.assessmentHistory = readHistory(new TableReader(history, problems));
}

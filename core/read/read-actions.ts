import { ACTION_COLUMNS, type ActionField } from "../layout/tables/actions.js";
import type { AssessmentAction } from "../model/assessment-cycle.js";
import type { RecordOrigin } from "../model/origins.js";
import { resolveHeaders } from "./headers.js";
import { inputColumns, readRecord } from "./read-record.js";
import type { TableReader } from "./table-reader.js";

/** The Actions table's rows, each with the cells it was read from (issue 8). */
export function readActions(reader: TableReader): {
  items: AssessmentAction[];
  origins: RecordOrigin<ActionField>[];
} {
  const absent = resolveHeaders(reader, ACTION_COLUMNS);
  const inputs = inputColumns(ACTION_COLUMNS);
  const headers = inputs.map((c) => c.header).filter((h) => !absent.has(h));
  const items: AssessmentAction[] = [];
  const origins: RecordOrigin<ActionField>[] = [];
  for (let row = 0; row < reader.rowCount; row++) {
    if (reader.isBlankRow(row, headers)) continue;
    const { record, origin } = readRecord(reader, inputs, row, absent);
    // The specs give every field of an action (the round-trip test proves it).
    items.push(record as unknown as AssessmentAction);
    origins.push(origin);
  }
  return { items, origins };
}

import type { GridInstrument, Instrument, RegisterInstrument } from "../instruments/types.js";
import { GRID_STAT_HEADERS } from "../layout/tables/assessment.js";
import type { Assessment, AssessmentItem, RegisterEntry } from "../model/types.js";
import { resolveHeaders } from "./headers.js";
import type { TableReader } from "./table-reader.js";

const GRID_HEADERS = [
  { header: "Section" },
  { header: "Statement", need: "always" as const },
  ...GRID_STAT_HEADERS.map((header) => ({ header })),
];

/** Score columns sit between Statement and Mean; their headers are partners' short names. */
export function scoreHeaders(reader: TableReader): string[] {
  const from = reader.position("Statement");
  if (from < 0) return [];
  const stats = new Set<string>(GRID_STAT_HEADERS.map((h) => h.toLowerCase()));
  // A renamed statistics header is found by position, not by its text.
  const statPositions = new Set(GRID_STAT_HEADERS.map((h) => reader.position(h)));
  const scores: string[] = [];
  for (let position = from + 1; position < reader.table.headers.length; position++) {
    const header = reader.headerAt(position);
    if (statPositions.has(position) || stats.has(header.toLowerCase())) break;
    scores.push(header);
  }
  return scores;
}

function readGrid(
  reader: TableReader,
  instrument: GridInstrument,
  shortNames: readonly string[],
): Assessment {
  const absent = resolveHeaders(reader, GRID_HEADERS, { openAfter: "Statement" });
  // Without statements the scores mean nothing; the header problem says why.
  if (absent.has("Statement")) return { instrumentId: instrument.id, items: [], entries: [] };
  const partners = scoreHeaders(reader);
  const known = new Set(shortNames);
  for (const header of partners) {
    if (!known.has(header)) {
      reader.report(
        "warning",
        reader.address(-1, header),
        `Score column "${header}" does not match any partner's short name`,
        "Rename the column to the partner's short name, or refresh the grid after changing partners.",
      );
    }
  }
  const { min, max } = instrument.scale;
  const items: AssessmentItem[] = [];
  for (let row = 0; row < reader.rowCount; row++) {
    if (reader.isBlankRow(row, ["Section", "Statement", ...partners])) continue;
    const scores: Record<string, number | null> = {};
    for (const partner of partners) {
      let score = reader.number(row, partner);
      if (score !== null && (!Number.isInteger(score) || score < min || score > max)) {
        reader.report(
          "error",
          reader.address(row, partner),
          `${partner}'s score must be a whole number from ${min} to ${max}, got ${score}`,
        );
        score = null;
      }
      scores[partner] = score;
    }
    items.push({
      section: reader.text(row, "Section"),
      statement: reader.text(row, "Statement", "error"),
      scores,
    });
  }
  return { instrumentId: instrument.id, items, entries: [] };
}

function readRegister(reader: TableReader, instrument: RegisterInstrument): Assessment {
  const absent = resolveHeaders(reader, instrument.columns);
  const columns = instrument.columns.filter((c) => c.type !== "formula");
  const headers = columns.map((c) => c.header).filter((h) => !absent.has(h));
  const entries: RegisterEntry[] = [];
  for (let row = 0; row < reader.rowCount; row++) {
    if (reader.isBlankRow(row, headers)) continue;
    const entry: RegisterEntry = {};
    for (const column of columns) {
      if (absent.has(column.header)) {
        entry[column.header] = null;
        continue;
      }
      const text = () => reader.text(row, column.header);
      switch (column.type) {
        case "number": {
          const value = reader.number(row, column.header);
          const range = column.range;
          if (
            value !== null &&
            range &&
            (!Number.isInteger(value) || value < range.min || value > range.max)
          ) {
            reader.report(
              "error",
              reader.address(row, column.header),
              `${column.header} must be a whole number from ${range.min} to ${range.max}, got ${value}`,
            );
            entry[column.header] = null;
          } else entry[column.header] = value;
          break;
        }
        case "date":
          entry[column.header] = reader.date(row, column.header);
          break;
        case "choice":
          entry[column.header] = reader.choice(row, column.header, column.options);
          break;
        default:
          entry[column.header] = text() || null;
      }
    }
    entries.push(entry);
  }
  return { instrumentId: instrument.id, items: [], entries };
}

export function readAssessment(
  reader: TableReader,
  instrument: Instrument,
  shortNames: readonly string[],
): Assessment {
  return instrument.kind === "grid"
    ? readGrid(reader, instrument, shortNames)
    : readRegister(reader, instrument);
}

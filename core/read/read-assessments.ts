import type { GridInstrument, Instrument, RegisterInstrument } from "../instruments/types.js";
import { GRID_STAT_HEADERS } from "../layout/tables/assessment.js";
import type { Assessment, AssessmentItem, RegisterEntry } from "../model/types.js";
import type { TableReader } from "./table-reader.js";

/** Score columns sit between Statement and Mean; their headers are partners' short names. */
export function scoreHeaders(reader: TableReader): string[] {
  const headers = reader.table.headers.map((h) => String(h ?? "").trim());
  const from = reader.position("Statement");
  const stats = new Set<string>(GRID_STAT_HEADERS.map((h) => h.toLowerCase()));
  if (from < 0) return [];
  const rest = headers.slice(from + 1);
  const end = rest.findIndex((h) => stats.has(h.toLowerCase()));
  return end < 0 ? rest : rest.slice(0, end);
}

function readGrid(
  reader: TableReader,
  instrument: GridInstrument,
  shortNames: readonly string[],
): Assessment {
  if (!reader.requireHeaders(["Section", "Statement"]))
    return { instrumentId: instrument.id, items: [], entries: [] };
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
  const columns = instrument.columns.filter((c) => c.type !== "formula");
  const headers = columns.map((c) => c.header);
  if (!reader.requireHeaders(headers))
    return { instrumentId: instrument.id, items: [], entries: [] };
  const entries: RegisterEntry[] = [];
  for (let row = 0; row < reader.rowCount; row++) {
    if (reader.isBlankRow(row, headers)) continue;
    const entry: RegisterEntry = {};
    for (const column of columns) {
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

import type { PartnershipDetails } from "./types.js";

/**
 * Where the reader found each record and field: every message, draft comment
 * and pane click points here, so a location is never re-guessed from a
 * record's position in the model (officers insert, sort and reorder rows).
 */
export interface CellOrigin {
  sheet: string;
  /** A1 address of the cell ("H8"). */
  cell: string;
}

export interface RecordOrigin<F extends string = string> {
  sheet: string;
  /** Sheet row the record was read from (1-based). */
  row: number;
  /** Each field's cell, keyed as the column specs name fields ("signatoryName", "smart.specific"). */
  fields: Partial<Record<F, CellOrigin>>;
}

export interface IndicatorOrigin<F extends string = string> extends RecordOrigin<F> {
  /** One cell per reporting period, aligned with `Partnership.periods`. */
  periods: CellOrigin[];
}

/** The tables a partnership is read from, for "this table has no rows" gaps. */
export type RecordTable =
  "Partners" | "Values" | "Objectives" | "Indicators" | "Finance" | "Functions";

export interface ReadOrigins {
  /** The Value cell of each Partnership field the reader found. */
  details: Partial<Record<keyof PartnershipDetails, CellOrigin>>;
  partners: RecordOrigin[];
  values: RecordOrigin[];
  objectives: RecordOrigin[];
  indicators: IndicatorOrigin[];
  finance: RecordOrigin[];
  /** The Actions table's rows (issue 8); absent when the workbook has none. */
  actions?: RecordOrigin[];
  /** The Functions table's rows (issue 10); absent when the workbook has none. */
  functions?: RecordOrigin[];
  /** The first data cell of each record table found (where a first row would go). */
  tables: Partial<Record<RecordTable, CellOrigin>>;
}

export function emptyOrigins(): ReadOrigins {
  return {
    details: {},
    partners: [],
    values: [],
    objectives: [],
    indicators: [],
    finance: [],
    tables: {},
  };
}

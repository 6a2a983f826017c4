/**
 * Number formats that follow a row's unit. Indicators in % are stored as
 * fractions (0.35): formatted "0.0%" they show as 35.0%, and because Excel
 * reads typing into a cell already formatted as a percentage as a percentage,
 * an officer who types 85 there stores 0.85. Indicators in £ show as pounds.
 *
 * The format is set per row when the workbook is built. A row added later has
 * no unit yet, so it takes the plain number format of its column (or, in
 * Excel, the formats of the row it was added after); there is no conditional
 * number format that also changes what typing means.
 */
import { rangeAddress } from "./address.js";
import { FIRST_DATA_ROW, FORMATS, type ColumnSpec } from "./columns.js";
import type { Operation } from "./operations.js";

/** The number format a unit calls for, or null for the column's own. */
export function unitNumberFormat(unit: string | null | undefined): string | null {
  const text = (unit ?? "").trim().toLowerCase();
  if (text === "") return null;
  if (text.startsWith("%") || text === "percent" || text === "percentage") return FORMATS.percent;
  if (text.startsWith("£") || text === "pounds") return FORMATS.pounds;
  return null;
}

/** Runs of adjacent column positions (1-based), so each row gets few operations. */
function runs(positions: readonly number[]): { left: number; right: number }[] {
  const sorted = [...positions].sort((a, b) => a - b);
  const result: { left: number; right: number }[] = [];
  for (const position of sorted) {
    const last = result[result.length - 1];
    if (last && last.right === position - 1) last.right = position;
    else result.push({ left: position, right: position });
  }
  return result;
}

/**
 * Formats the `measured` columns of each data row (in table order) by that
 * row's unit; rows whose unit calls for nothing special keep their columns'
 * formats.
 */
export function unitFormatOperations(
  sheet: string,
  columns: readonly ColumnSpec[],
  measured: readonly string[],
  units: readonly (string | null | undefined)[],
): Operation[] {
  const positions = measured.map((header) => {
    const index = columns.findIndex((c) => c.header === header);
    if (index < 0) throw new Error(`No column ${header} to format by unit`);
    return index + 1;
  });
  const spans = runs(positions);
  return units.flatMap((unit, i) => {
    const format = unitNumberFormat(unit);
    if (!format) return [];
    const row = FIRST_DATA_ROW + i;
    return spans.map(({ left, right }): Operation => ({
      kind: "numberFormat",
      sheet,
      range: rangeAddress(row, left, row, right),
      format,
    }));
  });
}

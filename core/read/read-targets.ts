import { TARGET_COLUMNS } from "../layout/tables/targets.js";
import { parseIsoDate, periodIndexOf, planFromLabels } from "../measures/periods.js";
import { serialToIso } from "../model/dates.js";
import type { PeriodTarget } from "../model/types.js";
import { resolveHeaders } from "./headers.js";
import { inputColumns, readRecord } from "./read-record.js";
import type { TableReader } from "./table-reader.js";

/**
 * The Targets table's rows. A row naming a period that is not one of the
 * Indicators sheet's period headers, or an indicator that does not exist,
 * would silently expect nothing: each is a warning at its cell. Rows missing
 * their target are skipped (the reader has already reported the blank).
 */
export function readTargets(
  reader: TableReader,
  periods: readonly string[],
  indicatorIds: readonly string[],
): PeriodTarget[] {
  const absent = resolveHeaders(reader, TARGET_COLUMNS);
  const inputs = inputColumns(TARGET_COLUMNS);
  const headers = inputs.map((c) => c.header).filter((h) => !absent.has(h));
  const known = new Set(indicatorIds.map((id) => id.toLowerCase()));
  const labels = new Set(periods);
  const targets: PeriodTarget[] = [];
  for (let row = 0; row < reader.rowCount; row++) {
    if (reader.isBlankRow(row, headers)) continue;
    const { record } = readRecord(reader, inputs, row, absent);
    const target = record as unknown as PeriodTarget;
    target.period = periodLabelOf(target.period, periods);
    if (!target.indicatorId || !target.period || typeof target.target !== "number") continue;
    if (!known.has(target.indicatorId.toLowerCase())) {
      reader.report(
        "warning",
        reader.address(row, "Indicator ID"),
        `Targets names indicator "${target.indicatorId}", which is not in the Indicators table`,
        "Use an ID from the Indicators sheet, or delete the row.",
      );
    }
    if (!labels.has(target.period)) {
      reader.report(
        "warning",
        reader.address(row, "Period"),
        `Targets names period "${target.period}", which is not a period heading of the Indicators sheet`,
        `Type a period heading exactly as the Indicators sheet has it${periods[0] ? ` ("${periods[0]}")` : ""}.`,
      );
    }
    targets.push(target);
  }
  return targets;
}

/**
 * Excel turns a typed "Oct 2025" into a date (1 October 2025): the reader
 * sees an ISO date (exceljs) or a serial number (Office.js). Either names the
 * period holding that day, when the period headings carry dates.
 */
function periodLabelOf(text: string, periods: readonly string[]): string {
  if (periods.includes(text)) return text;
  // Serials of 1 January 1900 to 31 December 9999 only: any other number is not a date.
  const serial = /^\d+$/.test(text) ? Number(text) : null;
  if (serial !== null && (serial < 1 || serial > 2_958_465)) return text;
  const iso = serial !== null ? serialToIso(serial) : text;
  const plan = planFromLabels(periods);
  if (plan === null || parseIsoDate(iso) === null) return text;
  return periods[periodIndexOf(plan, iso)] ?? text;
}

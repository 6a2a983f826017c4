/**
 * Spreadsheet serial dates (days since 30 December 1899, the 1900 date
 * system both Excel and LibreOffice use for .xlsx) and ISO calendar dates.
 */
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) - EPOCH) / DAY);
}

export function serialToIso(serial: number): string {
  const date = new Date(EPOCH + Math.round(serial) * DAY);
  return date.toISOString().slice(0, 10);
}

/** A Date as exceljs returns it (midnight UTC for a date cell) → ISO date. */
export function dateToIso(date: Date): string {
  // Round to the nearest day: some writers store times a few ms off midnight.
  return serialToIso((date.getTime() - EPOCH) / DAY);
}

/** dateToIso, or null for a Date no calendar day has (an invalid Date, or one past the range a Date holds). */
export function dateToIsoOrNull(date: Date): string | null {
  const day = new Date(EPOCH + Math.round((date.getTime() - EPOCH) / DAY) * DAY);
  return Number.isNaN(day.getTime()) ? null : day.toISOString().slice(0, 10);
}

export function isValidIsoDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  return serialToIso(isoToSerial(iso)) === iso;
}

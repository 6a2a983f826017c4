import type { Frequency, IsoDate } from "../model/types.js";

/**
 * Reporting periods as dates: a plan of N months, quarters or years from a
 * start date, each period's first and last day and label, and when a value
 * for a period falls due. Dates are ISO strings; arithmetic runs in UTC so
 * no time zone or daylight-saving change can move a day.
 */

export const PERIOD_LENGTHS = ["month", "quarter", "year"] as const;
export type PeriodLength = (typeof PERIOD_LENGTHS)[number];

/** What `partnership workbook --period-length --start --periods` describes. */
export interface PeriodPlan {
  /** The first period's first day. */
  start: IsoDate;
  length: PeriodLength;
  count: number;
}

export interface Period {
  label: string;
  /** First day. */
  start: IsoDate;
  /** Last day (inclusive). */
  end: IsoDate;
}

export const MONTHS_IN: Record<PeriodLength, number> = { month: 1, quarter: 3, year: 12 };
export const MONTHS_BETWEEN_RETURNS: Record<Frequency, number> = {
  Monthly: 1,
  Quarterly: 3,
  "Six-monthly": 6,
  Annual: 12,
};
const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

interface Ymd {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** A real calendar date "YYYY-MM-DD", or null. */
export function parseIsoDate(text: string): Ymd | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Calendar months later (or earlier). The day is kept where the month has it
 * and clamped to the month's last day otherwise (31 Jan + 1 month = 28 or 29
 * Feb), so the last day of a month maps to the last day of another.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = ymd(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  const lastDay = daysInMonth(newYear, newMonth);
  const endOfMonth = day === daysInMonth(year, month);
  return isoOf({
    year: newYear,
    month: newMonth,
    day: endOfMonth ? lastDay : Math.min(day, lastDay),
  });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = ymd(date);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return isoOf({
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
  });
}

/**
 * The first day of period `index` (0-based; any integer). Counted from the
 * plan's start each time, not from the previous period, so a plan starting
 * on the 31st does not drift to the 28th after February.
 */
export function periodStart(plan: PeriodPlan, index: number): IsoDate {
  return isoOf(startOf(ymd(plan.start), plan.length, index));
}

/** The last day of period `index`: the day before the next period starts. */
export function periodEnd(plan: PeriodPlan, index: number): IsoDate {
  return addDays(periodStart(plan, index + 1), -1);
}

/**
 * The plan's periods, computed once per plan and shared (read-only): a
 * workbook has one plan, and its 1,000 indicators ask for it again and again.
 */
export function periodsOf(plan: PeriodPlan): readonly Readonly<Period>[] {
  const key = `${plan.start} ${plan.length} ${plan.count}`;
  const cached = PERIOD_CACHE.get(key);
  if (cached !== undefined) return cached;
  const periods: Readonly<Period>[] = [];
  for (let index = 0; index < plan.count; index++) {
    const start = periodStart(plan, index);
    periods.push(
      Object.freeze({ label: periodLabel(start, plan.length), start, end: periodEnd(plan, index) }),
    );
  }
  Object.freeze(periods);
  if (PERIOD_CACHE.size >= 16) PERIOD_CACHE.clear();
  PERIOD_CACHE.set(key, periods);
  return periods;
}

const PERIOD_CACHE = new Map<string, readonly Readonly<Period>[]>();

/**
 * The index of the period holding `date`, counting on past the plan's last
 * period when the date is later; -1 for any date before the plan starts.
 */
export function periodIndexOf(plan: PeriodPlan, date: IsoDate): number {
  const from = ymd(plan.start);
  const to = ymd(date);
  if (dayNumber(to) < dayNumber(from)) return -1;
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  let index = Math.floor(months / MONTHS_IN[plan.length]);
  // Days within the month can put the date in the period before the month count says.
  while (index > 0 && dayNumber(startOf(from, plan.length, index)) > dayNumber(to)) index--;
  while (dayNumber(startOf(from, plan.length, index + 1)) <= dayNumber(to)) index++;
  return index;
}

/**
 * Labels an officer reads: "Apr 2024"; quarters of the UK financial year
 * ("Q1 2024/25" for April to June); "2024/25" for a year from 1 April,
 * "2024" for a calendar year. Periods that do not start on those days are
 * labelled by their first and last days.
 */
export function periodLabel(start: IsoDate, length: PeriodLength): string {
  const { year, month, day } = ymd(start);
  const financialYear = (from: number) => `${from}/${String((from + 1) % 100).padStart(2, "0")}`;
  if (day === 1) {
    if (length === "month") return `${MONTH_NAMES[month - 1]} ${year}`;
    if (length === "quarter" && (month - 1) % 3 === 0) {
      const quarter = ((month - 4 + 12) % 12) / 3 + 1;
      return `Q${quarter} ${financialYear(month >= 4 ? year : year - 1)}`;
    }
    if (length === "year" && month === 4) return financialYear(year);
    if (length === "year" && month === 1) return String(year);
  }
  const plan: PeriodPlan = { start, length, count: 1 };
  return `${dayLabel(start)} to ${dayLabel(periodEnd(plan, 0))}`;
}

/**
 * The plan whose labels are exactly `labels` (as `periodsOf` writes them), so
 * a workbook's period headers give back their dates; null when they are not
 * such labels (for example "Period 1", or a gap in the sequence).
 */
export function planFromLabels(labels: readonly string[]): PeriodPlan | null {
  const first = labels[0];
  if (first === undefined) return null;
  const guess = firstPeriodOf(first.trim());
  if (guess === null) return null;
  const plan: PeriodPlan = { ...guess, count: labels.length };
  const expected = periodsOf(plan);
  return expected.every((period, i) => period.label === labels[i]?.trim()) ? plan : null;
}

/** The date a value for a period is due by the indicator's frequency (see `dueDate`). */
export const GRACE: Record<Frequency, { months: number } | { days: number }> = {
  Monthly: { months: 1 },
  Quarterly: { days: 42 },
  "Six-monthly": { months: 2 },
  Annual: { months: 3 },
};

/**
 * The day from which a blank value for a period that ended on `end` is
 * overdue. The grace after the period's end follows the usual return cycles:
 * monthly returns a month later (the end of the next month), quarterly six
 * weeks later (NHS quarterly returns), six-monthly two months later, annual
 * three months later (annual accounts and returns close about then).
 */
export function dueDate(end: IsoDate, frequency: Frequency): IsoDate {
  const grace = GRACE[frequency];
  return "months" in grace ? addMonths(end, grace.months) : addDays(end, grace.days);
}

/**
 * Does an indicator of this frequency report in period `index`? An indicator
 * reported less often than the periods run (quarterly in a monthly plan)
 * reports in the last period of each of its cycles, counted from the plan's
 * start (June, September… for a plan from April). One reported as often or
 * more often reports every period.
 */
export function reportsIn(plan: PeriodPlan, index: number, frequency: Frequency): boolean {
  const every = Math.max(1, MONTHS_BETWEEN_RETURNS[frequency] / MONTHS_IN[plan.length]);
  return (index + 1) % every === 0;
}

/** The frequency that matches the periods, for indicators with none recorded. */
export function frequencyOfPeriods(length: PeriodLength): Frequency {
  return length === "month" ? "Monthly" : length === "quarter" ? "Quarterly" : "Annual";
}

function firstPeriodOf(label: string): Omit<PeriodPlan, "count"> | null {
  let match = /^([A-Z][a-z]{2}) (\d{4})$/.exec(label);
  if (match) {
    const month = MONTH_NAMES.indexOf(match[1] ?? "") + 1;
    if (month === 0) return null;
    return { start: isoOf({ year: Number(match[2]), month, day: 1 }), length: "month" };
  }
  match = /^Q([1-4]) (\d{4})\/(\d{2})$/.exec(label);
  if (match) {
    const monthsIn = (Number(match[1]) - 1) * 3;
    return { start: addMonths(`${match[2]}-04-01`, monthsIn), length: "quarter" };
  }
  match = /^(\d{4})\/(\d{2})$/.exec(label);
  if (match) return { start: `${match[1]}-04-01`, length: "year" };
  match = /^(\d{4})$/.exec(label);
  if (match) return { start: `${match[1]}-01-01`, length: "year" };
  return null;
}

function startOf(start: Ymd, length: PeriodLength, index: number): Ymd {
  const months = start.year * 12 + (start.month - 1) + index * MONTHS_IN[length];
  const year = Math.floor(months / 12);
  const month = months - year * 12 + 1;
  return { year, month, day: Math.min(start.day, daysInMonth(year, month)) };
}

/** Orders dates without building strings. */
function dayNumber({ year, month, day }: Ymd): number {
  return year * 10000 + month * 100 + day;
}

function dayLabel(date: IsoDate): string {
  const { year, month, day } = ymd(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

function ymd(date: IsoDate): Ymd {
  const parsed = parseIsoDate(date);
  if (parsed === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}".`);
  return parsed;
}

function isoOf({ year, month, day }: Ymd): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** How many periods a new workbook gets by default: a financial year, or three years. */
export const DEFAULT_PERIOD_COUNT: Record<PeriodLength, number> = {
  month: 12,
  quarter: 4,
  year: 3,
};

/**
 * The plan a new workbook gets when none is asked for: the UK financial year
 * holding `today` (from 1 April), in periods of `length`, `count` of them
 * (a year's worth by default; three years for yearly periods).
 */
export function financialYearPlan(
  today: IsoDate,
  length: PeriodLength = "quarter",
  count: number = DEFAULT_PERIOD_COUNT[length],
): PeriodPlan {
  const { year, month } = ymd(today);
  const from = month >= 4 ? year : year - 1;
  return { start: `${from}-04-01`, length, count };
}

/** The most period columns a workbook gets: ten years of months. */
export const MAX_PERIODS = 120;

/**
 * Checks a plan typed by a person (the command line, the pane's set-up),
 * returning a sentence that says what to type instead, or null when it is
 * usable.
 */
export function planProblem(plan: PeriodPlan): string | null {
  if (!PERIOD_LENGTHS.includes(plan.length))
    return `The period length must be one of ${PERIOD_LENGTHS.join(", ")}; got "${String(plan.length)}".`;
  if (parseIsoDate(plan.start) === null)
    return `The start must be a calendar date written YYYY-MM-DD (2025-04-01); got "${plan.start}".`;
  if (!Number.isInteger(plan.count) || plan.count < 1 || plan.count > MAX_PERIODS)
    return `The number of periods must be a whole number from 1 to ${MAX_PERIODS}; got "${String(plan.count)}".`;
  const labels = periodsOf(plan).map((period) => period.label);
  const back = planFromLabels(labels);
  if (back === null || back.start !== plan.start || back.length !== plan.length)
    return `Periods must start where their headings can say their dates: months on the 1st, quarters on 1 January, April, July or October, years on 1 January or 1 April; got ${plan.start} for ${plan.length}s.`;
  return null;
}

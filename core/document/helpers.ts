import type { HelperDelegate, HelperOptions } from "handlebars";
import { Missing, dataText, isMissing } from "./escape.js";
import {
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  joinWithAnd,
  letterFor,
  moneyInWords,
  numberInWords,
  ordinal,
  roman,
} from "../format/uk.js";

/** What a helper prints for a value the workbook leaves blank on purpose (a table cell with no data). */
export const NO_VALUE = "—";

/** A helper's mistake in the template: reported with the template's file, line and column. */
export class HelperUsageError extends Error {
  constructor(helper: string, message: string) {
    super(`{{${helper}}}: ${message}`);
    this.name = "HelperUsageError";
  }
}

/** A value as the user typed it, for error messages: no data marks, no markup escapes. */
function shown(value: unknown): string {
  return JSON.stringify(
    String(value)
      // The data marks are control characters by design (see escape.ts).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0001-\u0003\u001f]/g, "")
      .replace(/\\(.)/g, "$1"),
  );
}

type Numeric = (value: number, options: HelperOptions, args: unknown[]) => string;

function isOptions(value: unknown): value is HelperOptions {
  return typeof value === "object" && value !== null && "hash" in value && "data" in value;
}

/** Splits Handlebars' arguments into the values and the trailing options object. */
function split(args: unknown[]): { values: unknown[]; options: HelperOptions } {
  const last = args[args.length - 1];
  if (!isOptions(last)) throw new Error("Handlebars helper called without options");
  return { values: args.slice(0, -1), options: last };
}

/** A number-formatting helper: Missing passes through, null prints a dash, a non-number is a template error. */
function numeric(name: string, format: Numeric): HelperDelegate {
  return (...args: unknown[]) => {
    const { values, options } = split(args);
    const value = values[0];
    if (isMissing(value)) return value;
    if (value === null || value === undefined || value === "") return NO_VALUE;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new HelperUsageError(name, `expects a number, got ${shown(value)}`);
    }
    return format(value, options, values.slice(1));
  };
}

function decimalsArg(args: unknown[], fallback: number): number {
  const value = args[0];
  return typeof value === "number" ? value : fallback;
}

function truthy(value: unknown): boolean {
  if (isMissing(value)) return false;
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

/** The helpers templates may use. `if` and `unless` are replaced so a Missing value counts as blank. */
export const HELPERS: Record<string, HelperDelegate> = {
  date: (...args: unknown[]) => {
    const { values } = split(args);
    const value = values[0];
    if (isMissing(value)) return value;
    if (value === null || value === undefined || value === "") return NO_VALUE;
    const text = typeof value === "string" ? formatDate(value) : null;
    if (text === null)
      throw new HelperUsageError("date", `expects an ISO date, got ${shown(value)}`);
    return text;
  },
  money: numeric("money", (v, _o, rest) => formatMoney(v, decimalsArg(rest, 2))),
  pounds: numeric("pounds", (v) => formatMoney(v, 0)),
  number: numeric("number", (v, _o, rest) => formatNumber(v, decimalsArg(rest, 0))),
  percent: numeric("percent", (v, _o, rest) => formatPercent(v, decimalsArg(rest, 1))),
  ordinal: numeric("ordinal", (v) => ordinal(v)),
  /** An amount of money in words: "one million pounds". */
  words: numeric("words", (v) => moneyInWords(v)),
  /** A count in words: 3 → "three". */
  numberWords: numeric("numberWords", (v) => numberInWords(v)),
  inc: numeric("inc", (v) => String(v + 1)),
  letter: numeric("letter", (v) => letterFor(v)),
  roman: numeric("roman", (v) => roman(v)),
  upper: (...args: unknown[]) => {
    const value = split(args).values[0];
    // Escapes in data are a backslash and a symbol, or "\\n" for a line break, which must stay lower case.
    return isMissing(value)
      ? value
      : String(value ?? "")
          .toUpperCase()
          .replace(/\\N/g, "\\n");
  },
  eq: (...args: unknown[]) => {
    const [a, b] = split(args).values;
    return a === b;
  },
  ne: (...args: unknown[]) => {
    const [a, b] = split(args).values;
    return a !== b;
  },
  gt: (...args: unknown[]) => {
    const [a, b] = split(args).values;
    return typeof a === "number" && typeof b === "number" && a > b;
  },
  and: (...args: unknown[]) => split(args).values.every(truthy),
  or: (...args: unknown[]) => split(args).values.some(truthy),
  not: (...args: unknown[]) => !truthy(split(args).values[0]),
  count: (...args: unknown[]) => {
    const value = split(args).values[0];
    return Array.isArray(value) ? value.length : 0;
  },
  /** "A, B and C" from a list of strings, or of objects with `key=` naming the field. */
  join: (...args: unknown[]) => {
    const { values, options } = split(args);
    const list = values[0];
    if (!Array.isArray(list)) throw new HelperUsageError("join", "expects a list");
    const key = options.hash["key"];
    const items = list.map((item: unknown) =>
      typeof key === "string" && typeof item === "object" && item !== null
        ? String((item as Record<string, unknown>)[key] ?? "")
        : String(item ?? ""),
    );
    return joinWithAnd(items);
  },
  /** `{{plural count "partner" "partners"}}`. */
  plural: (...args: unknown[]) => {
    const [count, one, many] = split(args).values;
    return count === 1 ? String(one) : String(many);
  },
  /** `{{missing "Partners" "Partners!A5"}}`: an explicit gap, for lists with no rows. */
  missing: (...args: unknown[]) => {
    const [label, location] = split(args).values;
    return new Missing(String(label ?? ""), String(location ?? ""));
  },
  /** Text written by the template that must print exactly (a literal `[[`, for example). */
  literal: (...args: unknown[]) => dataText(String(split(args).values[0] ?? "")),
  if: function (this: unknown, ...args: unknown[]) {
    const { values, options } = split(args);
    if (values.length !== 1) throw new HelperUsageError("#if", "requires exactly one argument");
    return truthy(values[0]) ? options.fn(this) : options.inverse(this);
  },
  unless: function (this: unknown, ...args: unknown[]) {
    const { values, options } = split(args);
    if (values.length !== 1) throw new HelperUsageError("#unless", "requires exactly one argument");
    return truthy(values[0]) ? options.inverse(this) : options.fn(this);
  },
};

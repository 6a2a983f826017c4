/**
 * UK formats, shared by the documents, `check` and the task pane:
 * "1 April 2026", "£1,250,000.00", "12.5%", "3rd", and amounts in words ("one million two hundred and fifty thousand
 * pounds"). Plain functions, so the helpers and the tests share them.
 */

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-04-01" → "1 April 2026"; null for anything that is not an ISO date. */
export function formatDate(iso: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const month = MONTHS[Number(match[2]) - 1];
  if (!month) return null;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 1234.5 → "1,234.5" with the given decimals; negative numbers get a minus sign. */
export function formatNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = "0", fraction] = fixed.split(".");
  const text = fraction ? `${groupThousands(whole)}.${fraction}` : groupThousands(whole);
  return value < 0 && Number(fixed) !== 0 ? `-${text}` : text;
}

/** 1250000 → "£1,250,000.00"; a negative amount is "-£500.00". */
export function formatMoney(value: number, decimals = 2): string {
  const text = formatNumber(Math.abs(value), decimals);
  return value < 0 && Number(Math.abs(value).toFixed(decimals)) !== 0 ? `-£${text}` : `£${text}`;
}

/** A fraction as a percentage: 0.125 → "12.5%"; a trailing ".0" is dropped (0.4 → "40%"). */
export function formatPercent(fraction: number, decimals = 1): string {
  const text = formatNumber(fraction * 100, decimals);
  return `${decimals > 0 ? text.replace(/\.0+$/, "") : text}%`;
}

export function ordinal(n: number): string {
  const tens = Math.abs(n) % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][Math.abs(n) % 10] ?? "th");
  return `${n}${suffix}`;
}

const ONES = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES = ["", "thousand", "million", "billion", "trillion"];

function belowHundred(n: number): string {
  if (n < 20) return ONES[n] ?? "";
  const tens = TENS[Math.floor(n / 10)] ?? "";
  return n % 10 === 0 ? tens : `${tens}-${ONES[n % 10]}`;
}

function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return belowHundred(rest);
  const head = `${ONES[hundreds]} hundred`;
  return rest === 0 ? head : `${head} and ${belowHundred(rest)}`;
}

/**
 * A whole number in British English words: 1250000 → "one million two
 * hundred and fifty thousand"; 1005 → "one thousand and five".
 */
export function numberInWords(value: number): string {
  const n = Math.floor(Math.abs(value));
  if (n === 0) return "zero";
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  if (groups.length > SCALES.length) return formatNumber(n);
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) continue;
    const words = belowThousand(group);
    // British usage: "one thousand and five", where the last group is below a hundred.
    const joiner = i === 0 && parts.length > 0 && group < 100 ? "and " : "";
    parts.push(`${joiner}${words}${SCALES[i] ? ` ${SCALES[i]}` : ""}`);
  }
  return `${value < 0 ? "minus " : ""}${parts.join(" ")}`;
}

/** £1,250,000.50 → "one million two hundred and fifty thousand pounds and fifty pence". */
export function moneyInWords(value: number): string {
  const pence = Math.round(Math.abs(value) * 100);
  const pounds = Math.floor(pence / 100);
  const rest = pence % 100;
  const poundWords = `${numberInWords(pounds)} ${pounds === 1 ? "pound" : "pounds"}`;
  const sign = value < 0 ? "minus " : "";
  if (rest === 0) return `${sign}${poundWords}`;
  return `${sign}${poundWords} and ${numberInWords(rest)} ${rest === 1 ? "penny" : "pence"}`;
}

/** 0 → "a", 25 → "z", 26 → "aa": paragraph letters for (a), (b)… */
export function letterFor(index: number): string {
  let text = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    text = String.fromCharCode(97 + ((n - 1) % 26)) + text;
  }
  return text;
}

/** 3 → "iii", for numbering that reads as roman. */
export function roman(n: number): string {
  const table: [number, string][] = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let rest = n;
  let text = "";
  for (const [value, numeral] of table) {
    while (rest >= value) {
      text += numeral;
      rest -= value;
    }
  }
  return text;
}

/** "a", "a and b", "a, b and c". */
export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * Every key `partnership check --json` prints, in one place: `check --help`
 * shows this list, and a test compares it with the keys of a real report, so
 * the help cannot drift from the output. `[]` marks an array; a key marked
 * optional is left out (or null) when there is nothing to say.
 */

export interface JsonKey {
  key: string;
  meaning: string;
  optional?: boolean;
}

export const CHECK_JSON_KEYS: readonly JsonKey[] = [
  { key: "file", meaning: "the workbook, as given on the command line" },
  { key: "errors", meaning: "number of errors" },
  { key: "warnings", meaning: "number of warnings" },
  { key: "problems[].severity", meaning: '"error" or "warning"' },
  { key: "problems[].sheet", meaning: "sheet name" },
  { key: "problems[].cell", meaning: 'A1 address, or "" when the whole sheet is meant' },
  { key: "problems[].message", meaning: "what is wrong" },
  { key: "problems[].hint", meaning: "what to do, when not obvious", optional: true },
  {
    key: "document",
    meaning: 'the document checked for finals: "terms-of-reference" or "agreement"',
  },
  { key: "finalGaps", meaning: 'warnings that are values "needed for a final document"' },
  { key: "finalReady", meaning: "true when `generate auto --final` would make the document" },
  { key: "summary.rag.Green", meaning: "indicators at or better than target" },
  { key: "summary.rag.Amber", meaning: "indicators within tolerance" },
  { key: "summary.rag.Red", meaning: "indicators outside tolerance" },
  { key: "summary.rag.No data", meaning: "indicators without a latest value, target or polarity" },
  { key: "summary.improving", meaning: "indicators improving on the period before" },
  { key: "summary.worsening", meaning: "indicators worsening on the period before" },
  { key: "summary.finance.budget", meaning: "total budget for the year (£)" },
  { key: "summary.finance.actual", meaning: "total spend to date (£)" },
  { key: "summary.finance.forecast", meaning: "total forecast outturn (£)" },
  {
    key: "summary.finance.variance",
    meaning: "forecast outturn − budget over the lines with a forecast (£)",
  },
  { key: "summary.finance.variancePercent", meaning: "variance ÷ those lines' budgets, or null" },
  {
    key: "summary.finance.linesWithoutForecast",
    meaning: "lines with a budget but no forecast, left out of the variance",
  },
  { key: "summary.finance.pooledFund", meaning: "the partners' pooled contributions (£)" },
  {
    key: "summary.finance.byOutputMeasure[].outputMeasure",
    meaning: "an output measure two or more lines count (no all-lines efficiency)",
  },
  { key: "summary.finance.byOutputMeasure[].serviceLines[]", meaning: "the lines counted" },
  { key: "summary.finance.byOutputMeasure[].outputs", meaning: "their outputs" },
  { key: "summary.finance.byOutputMeasure[].actual", meaning: "their spend to date (£)" },
  {
    key: "summary.finance.byOutputMeasure[].efficiency",
    meaning: "outputs per £1,000, or null",
  },
  { key: "summary.finance.byOutputMeasure[].unitCost", meaning: "£ per output, or null" },
  {
    key: "summary.finance.byOutcomeMeasure[].outcomeMeasure",
    meaning: "an outcome measure two or more lines count",
  },
  {
    key: "summary.finance.byOutcomeMeasure[].serviceLines[]",
    meaning: "the lines counted (lines with no outcome recorded are left out)",
  },
  { key: "summary.finance.byOutcomeMeasure[].outcomeTarget", meaning: "their outcome targets" },
  { key: "summary.finance.byOutcomeMeasure[].outcomesAchieved", meaning: "their outcomes" },
  {
    key: "summary.finance.byOutcomeMeasure[].effectiveness",
    meaning: "outcomes achieved ÷ targeted, or null",
  },
  { key: "summary.instruments[].instrumentId", meaning: "instrument id" },
  { key: "summary.instruments[].title", meaning: "instrument title" },
  { key: "summary.instruments[].overallMean", meaning: "mean of the item means, or null" },
  { key: "summary.instruments[].verdict", meaning: "the scale's word for that mean" },
  { key: "summary.instruments[].disagreements", meaning: "items the partners scored far apart" },
  { key: "summary.instruments[].items[].section", meaning: "the item's section" },
  { key: "summary.instruments[].items[].statement", meaning: "the item's statement" },
  { key: "summary.instruments[].items[].mean", meaning: "mean score this round, or null" },
  { key: "summary.instruments[].items[].spread", meaning: "highest − lowest score, or null" },
  {
    key: "summary.instruments[].items[].contested",
    meaning: "true when the spread is at least half the scale's range",
  },
  {
    key: "summary.instruments[].items[].change",
    meaning: '"improved", "worsened" or "same" since the previous round, or null',
  },
  {
    key: "summary.instruments[].items[].gaps.<respondent>",
    meaning: "a respondent's score minus the mean of the others' (by short name or Respondent N)",
    optional: true,
  },
  {
    key: "summary.instruments[].weakest",
    meaning: "lowest-scoring item, or null when nothing is scored",
    optional: true,
  },
  { key: "summary.instruments[].weakest.section", meaning: "its section" },
  { key: "summary.instruments[].weakest.statement", meaning: "its statement" },
  { key: "summary.instruments[].weakest.mean", meaning: "its mean score" },
  { key: "summary.weakestItems[].instrument", meaning: "instrument title" },
  { key: "summary.weakestItems[].section", meaning: "section" },
  { key: "summary.weakestItems[].statement", meaning: "statement" },
  { key: "summary.weakestItems[].mean", meaning: "mean on a 0–1 scale, to compare instruments" },
  { key: "summary.indicators[].id", meaning: "indicator ID" },
  {
    key: "summary.indicators[].rag",
    meaning: "the latest period's RAG, against what that period expected (trajectory)",
  },
  {
    key: "summary.indicators[].direction",
    meaning: '"Improving", "Worsening", "No change" or "" (fewer than two values)',
  },
  { key: "summary.indicators[].overdue", meaning: "true when a due value is still blank" },
  {
    key: "summary.indicators[].spc",
    meaning:
      "statistical process control, or null below 12 values (12 since the indicator's SPC rebase, when it has one)",
    optional: true,
  },
  {
    key: "summary.indicators[].spc.mean",
    meaning:
      "mean of the values (full precision); the latest segment's after an SPC rebase, the first N values' with an SPC baseline",
  },
  { key: "summary.indicators[].spc.lower", meaning: "lower process limit" },
  { key: "summary.indicators[].spc.upper", meaning: "upper process limit" },
  {
    key: "summary.indicators[].spc.variation",
    meaning: '"common", "improvement", "concern", "neutral_high" or "neutral_low"',
  },
  {
    key: "summary.indicators[].spc.assurance",
    meaning: '"pass", "fail", "inconsistent", or null (no target, or no better direction)',
    optional: true,
  },
  {
    key: "summary.indicators[].spc.special[]",
    meaning: "one flag per value used, in period order: true where special cause",
  },
  { key: "summary.objectivesFailingSmart[].id", meaning: "objective ID" },
  { key: "summary.objectivesFailingSmart[].gaps[]", meaning: "the SMART letters it fails" },
];

/** The `check --help` paragraph listing the keys. */
export function checkJsonHelp(): string {
  const width = Math.max(...CHECK_JSON_KEYS.map((k) => k.key.length));
  return [
    "JSON keys (--json):",
    ...CHECK_JSON_KEYS.map((k) => `  ${k.key.padEnd(width)}  ${k.meaning}`),
  ].join("\n");
}

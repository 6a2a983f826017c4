import { FORMATS, listOf, NEEDED_IN, PLAUSIBLE, type ColumnSpec } from "../columns.js";
import type { Operation } from "../operations.js";
import { rowOf } from "../record-row.js";
import { wholeColumn } from "../structured.js";
import { tableSheetOperations } from "../table-sheet.js";
import type { FinanceLine } from "../../model/types.js";
import { PARTNER_COLUMNS } from "./partners.js";

export const FINANCE_SHEET = "Finance";
export const FINANCE_TABLE = "Finance";

/** a ÷ b, blank when either is not a number or b is zero: never #DIV/0!. */
function ratio(a: string, b: string, scale = ""): string {
  return `=IF(OR(COUNT(${a},${b})<2,N(${b})=0),"",${a}/${b}${scale})`;
}

export type FinanceField = keyof FinanceLine;

const FORECAST = "Forecast outturn (£)";
const BENCHMARK = "Benchmark unit cost (£)";
const UNIT_COST = "Unit cost (£ per output)";

/**
 * Σ numerator ÷ Σ denominator × scale over the lines whose measure matches
 * this row's and which have both numbers; blank unless this row counts and
 * at least two lines do. Bed days are never added to referrals: a total only
 * exists between lines counting the same thing. SUMPRODUCT, not SUMIFS,
 * because SUMIFS reads "<5 days" or "*" in a measure as a pattern.
 */
function sameMeasureRatio(spec: {
  measure: string;
  numerator: string;
  denominator: string;
  scale?: string;
}): string {
  const col = (name: string) => wholeColumn(FINANCE_TABLE, name);
  const mask = `(${col(spec.measure)}=[@[${spec.measure}]])*ISNUMBER(${col(spec.numerator)})*ISNUMBER(${col(spec.denominator)})`;
  const total = (name: string) => `SUMPRODUCT(${mask},${col(name)})`;
  const rowCounts = `[@[${spec.measure}]]<>"",ISNUMBER([@[${spec.numerator}]]),ISNUMBER([@[${spec.denominator}]])`;
  return `=IF(AND(${rowCounts},SUMPRODUCT(${mask})>=2,${total(spec.denominator)}<>0),${total(spec.numerator)}/${total(spec.denominator)}${spec.scale ?? ""},"")`;
}

export const FINANCE_COLUMNS: ColumnSpec<FinanceField>[] = [
  {
    header: "Service line",
    field: "serviceLine",
    need: "always",
    kind: "text",
    width: 30,
    description: "The service or scheme funded.",
  },
  {
    header: "Lead partner",
    field: "leadPartner",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    kind: "text",
    width: 14,
    listFrom: listOf("Partners", "Partners", PARTNER_COLUMNS, "Short name"),
    description: "Short name of the partner managing the line.",
  },
  {
    header: "Budget (£)",
    field: "budget",
    label: "Budget",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    plausible: PLAUSIBLE.money,
    kind: "money",
    width: 14,
    description: "Cost of inputs planned for the year.",
  },
  {
    header: "Actual spend (£)",
    field: "actual",
    plausible: PLAUSIBLE.money,
    kind: "money",
    width: 14,
    description: "Spend to date. Never set against the full-year budget: see the forecast.",
  },
  {
    header: FORECAST,
    field: "forecast",
    plausible: PLAUSIBLE.money,
    kind: "money",
    width: 14,
    description:
      "Expected spend for the whole year; the variance sets it against the budget. Blank leaves the variance blank.",
  },
  {
    header: "Output measure",
    field: "outputMeasure",
    kind: "text",
    width: 24,
    description: "The activity counted, for example hours of home care.",
  },
  {
    header: "Outputs delivered",
    field: "outputs",
    plausible: PLAUSIBLE.count,
    kind: "number",
    width: 12,
    description: "Volume of outputs delivered.",
  },
  {
    header: BENCHMARK,
    field: "benchmarkUnitCost",
    plausible: PLAUSIBLE.money,
    kind: "moneyPence",
    width: 13,
    description:
      "What one output should cost: the plan's unit cost or a benchmark (a comparator's, a framework price). Economy sets the actual unit cost against it.",
  },
  {
    header: "Outcome measure",
    field: "outcomeMeasure",
    kind: "text",
    width: 26,
    description: "The difference made to service users.",
  },
  {
    header: "Outcome target",
    field: "outcomeTarget",
    plausible: PLAUSIBLE.count,
    kind: "number",
    width: 11,
    description: "Outcomes the line should achieve.",
  },
  {
    header: "Outcomes achieved",
    field: "outcomesAchieved",
    plausible: PLAUSIBLE.count,
    kind: "number",
    width: 11,
    description: "Outcomes achieved to date.",
  },
  {
    header: "Forecast variance (£)",
    kind: "formula",
    width: 13,
    format: FORMATS.variance,
    formula: `=IF(COUNT([@[${FORECAST}]],[@[Budget (£)]])<2,"",[@[${FORECAST}]]-[@[Budget (£)]])`,
    description:
      "Forecast outturn − budget, both for the whole year; positive is an overspend. Blank without a forecast.",
  },
  {
    header: "Forecast variance (%)",
    kind: "formula",
    width: 11,
    format: FORMATS.variancePercent,
    formula: ratio("[@[Forecast variance (£)]]", "[@[Budget (£)]]"),
    description: "Forecast variance ÷ budget.",
  },
  {
    header: UNIT_COST,
    kind: "formula",
    width: 13,
    format: FORMATS.moneyPence,
    formula: ratio("[@[Actual spend (£)]]", "[@[Outputs delivered]]"),
    description: "Actual spend ÷ outputs delivered, both to date.",
  },
  {
    header: "Economy (% vs benchmark)",
    kind: "formula",
    width: 13,
    format: FORMATS.variancePercent,
    formula: `=IF(OR(COUNT([@[${UNIT_COST}]],[@[${BENCHMARK}]])<2,N([@[${BENCHMARK}]])=0),"",([@[${UNIT_COST}]]-[@[${BENCHMARK}]])/[@[${BENCHMARK}]])`,
    description:
      "Economy (spending less): (unit cost − benchmark unit cost) ÷ benchmark unit cost. Positive means the outputs cost more than planned.",
  },
  {
    header: "Efficiency (outputs per £1,000)",
    kind: "formula",
    width: 14,
    format: FORMATS.ratio,
    formula: ratio("[@[Outputs delivered]]", "[@[Actual spend (£)]]", "*1000"),
    description:
      "Efficiency (spending well): outputs ÷ actual spend × 1,000, for this line's own output measure.",
  },
  {
    header: "Same-output efficiency (per £1,000)",
    kind: "formula",
    width: 14,
    format: FORMATS.ratio,
    formula: sameMeasureRatio({
      measure: "Output measure",
      numerator: "Outputs delivered",
      denominator: "Actual spend (£)",
      scale: "*1000",
    }),
    description:
      "Outputs ÷ actual spend × 1,000 across every line with the same output measure; blank unless two or more lines with both recorded share it.",
  },
  {
    header: "Effectiveness (%)",
    kind: "formula",
    width: 13,
    format: FORMATS.percent,
    formula: ratio("[@[Outcomes achieved]]", "[@[Outcome target]]"),
    description:
      "Effectiveness (spending wisely): outcomes achieved ÷ outcome target; blank when no outcome is recorded.",
  },
  {
    header: "Same-outcome effectiveness (%)",
    kind: "formula",
    width: 13,
    format: FORMATS.percent,
    formula: sameMeasureRatio({
      measure: "Outcome measure",
      numerator: "Outcomes achieved",
      denominator: "Outcome target",
    }),
    description:
      "Outcomes achieved ÷ outcome target across every line with the same outcome measure; lines with no outcome recorded are left out, not counted as none.",
  },
  {
    header: "Cost per outcome (£)",
    kind: "formula",
    width: 13,
    format: FORMATS.moneyPence,
    formula: ratio("[@[Actual spend (£)]]", "[@[Outcomes achieved]]"),
    description: "Actual spend ÷ outcomes achieved: cost-effectiveness.",
  },
];

export function financeSheet(lines: readonly FinanceLine[]): Operation[] {
  return tableSheetOperations({
    sheet: FINANCE_SHEET,
    table: FINANCE_TABLE,
    title: "Finance: economy, efficiency and effectiveness",
    instructions:
      "One row per service line: inputs (budget, spend to date, forecast outturn), outputs (activity) and outcomes (difference made). Economy sets unit cost against its benchmark; efficiency and effectiveness are per line, with totals only across lines counting the same thing. Blanks mean a missing input or a zero divisor.",
    tabColor: "#7030A0",
    columns: FINANCE_COLUMNS,
    freezeColumns: 1,
    rows: lines.map((l) => rowOf(FINANCE_COLUMNS, l)),
  });
}

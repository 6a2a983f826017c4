import { FORMATS, listOf, NEEDED_IN, PLAUSIBLE, type ColumnSpec } from "../columns.js";
import type { Operation } from "../operations.js";
import { rowOf } from "../record-row.js";
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
    description: "Cost of inputs to date (economy).",
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
    header: "Variance (£)",
    kind: "formula",
    width: 13,
    format: FORMATS.variance,
    formula:
      '=IF(COUNT([@[Actual spend (£)]],[@[Budget (£)]])<2,"",[@[Actual spend (£)]]-[@[Budget (£)]])',
    description: "Actual spend − budget; positive is an overspend.",
  },
  {
    header: "Variance (%)",
    kind: "formula",
    width: 11,
    format: FORMATS.variancePercent,
    formula: ratio("[@[Variance (£)]]", "[@[Budget (£)]]"),
    description: "Variance ÷ budget.",
  },
  {
    header: "Unit cost (£ per output)",
    kind: "formula",
    width: 13,
    format: FORMATS.moneyPence,
    formula: ratio("[@[Actual spend (£)]]", "[@[Outputs delivered]]"),
    description: "Actual spend ÷ outputs delivered.",
  },
  {
    header: "Efficiency (outputs per £1,000)",
    kind: "formula",
    width: 14,
    format: FORMATS.ratio,
    formula: ratio("[@[Outputs delivered]]", "[@[Actual spend (£)]]", "*1000"),
    description:
      "Outputs ÷ actual spend × 1,000: the guidance's efficiency (volume of outputs divided by cost of inputs).",
  },
  {
    header: "Effectiveness (%)",
    kind: "formula",
    width: 13,
    format: FORMATS.percent,
    formula: ratio("[@[Outcomes achieved]]", "[@[Outcome target]]"),
    description: "Outcomes achieved ÷ outcome target.",
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
      "One row per service line: inputs (budget, spend), outputs (activity) and outcomes (difference made). Ratios are calculated; blanks mean a missing input or a zero divisor.",
    tabColor: "#7030A0",
    columns: FINANCE_COLUMNS,
    freezeColumns: 1,
    rows: lines.map((l) => rowOf(FINANCE_COLUMNS, l)),
  });
}

import { formatMoney, formatNumber, formatPercent } from "../format/uk.js";
import type { FinanceSummary } from "./finance.js";

/**
 * Finance in plain lines for `partnership check` and the task pane. Pounds
 * add up; outputs and outcomes are totalled only across lines counting the
 * same thing, so there is no all-lines efficiency or effectiveness.
 */
export function financeSummaryLines(finance: FinanceSummary): string[] {
  const percent = (n: number | null) => (n === null ? "n/a" : formatPercent(n));
  const leftOut =
    finance.linesWithoutForecast > 0
      ? `; ${finance.linesWithoutForecast} line(s) without a forecast left out`
      : "";
  const lines = [
    `Finance: budget ${formatMoney(finance.budget, 0)}, spend to date ${formatMoney(finance.actual, 0)}, forecast outturn ${formatMoney(finance.forecast, 0)}, forecast variance ${formatMoney(finance.variance, 0)} (${percent(finance.variancePercent)}${leftOut})`,
  ];
  for (const t of finance.byOutputMeasure) {
    const efficiency = t.efficiency === null ? "n/a" : formatNumber(t.efficiency, 2);
    lines.push(
      `Efficiency, ${t.outputMeasure} (${t.serviceLines.length} lines): ${efficiency} per £1,000`,
    );
  }
  for (const t of finance.byOutcomeMeasure) {
    lines.push(
      `Effectiveness, ${t.outcomeMeasure} (${t.serviceLines.length} lines): ${percent(t.effectiveness)}`,
    );
  }
  if (finance.byOutputMeasure.length + finance.byOutcomeMeasure.length === 0)
    lines.push("Efficiency and effectiveness: per service line on the Finance sheet");
  return lines;
}

import { formatNumber } from "../format/uk.js";
import { financeSummaryLines } from "./finance-text.js";
import type { PartnershipSummary } from "./summary.js";

/** The summary in a few lines of plain text, for `partnership check` and the task pane. */
export function summaryLines(summary: PartnershipSummary, indicatorCount: number): string[] {
  const { rag, finance } = summary;
  const lines = [
    `Indicators: ${indicatorCount} (Green ${rag.Green}, Amber ${rag.Amber}, Red ${rag.Red}, No data ${rag["No data"]}; improving ${summary.improving}, worsening ${summary.worsening})`,
    ...financeSummaryLines(finance),
  ];
  for (const result of summary.instruments) {
    if (result.overallMean === null) continue;
    const disagree = result.disagreements ? `; partners disagree on ${result.disagreements}` : "";
    lines.push(
      `${result.title}: mean ${formatNumber(result.overallMean, 1)}, ${result.verdict}${disagree}`,
    );
  }
  if (summary.weakestItems.length) {
    lines.push("Weakest assessment items:");
    for (const item of summary.weakestItems) lines.push(`  ${item.instrument}: ${item.statement}`);
  }
  if (summary.objectivesFailingSmart.length) {
    lines.push(
      `Objectives failing SMART: ${summary.objectivesFailingSmart.map((o) => `${o.id} (${o.gaps.join(", ")})`).join("; ")}`,
    );
  }
  return lines;
}

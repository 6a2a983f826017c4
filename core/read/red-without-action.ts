import { ragJudgements } from "../measures/over-time.js";
import type { ReadOrigins } from "../model/origins.js";
import type { Problem } from "../model/problem.js";
import type { Partnership } from "../model/types.js";

/**
 * A Red indicator with no corrective action, judged as the RAG column, the
 * charts and `check` judge it: the latest value against what its period
 * expected (the trajectory), not against the final target. Needs the whole
 * partnership (periods, the Targets table, the plan's end), so the reader
 * runs it once everything is read.
 *
 * Red twice running is left to check's own warning at the same cell, which
 * asks for the corrective action too: one warning per indicator, not two.
 * Workbooks without the Corrective action column have nowhere to write one.
 */
export function redWithoutAction(partnership: Partnership, origins: ReadOrigins): Problem[] {
  const problems: Problem[] = [];
  const judged = ragJudgements(partnership);
  partnership.indicators.forEach((indicator, index) => {
    const cell = origins.indicators[index]?.fields.correctiveAction;
    const { rag, redTwice } = judged[index] ?? { rag: "No data", redTwice: false };
    if (cell === undefined || rag !== "Red" || redTwice || indicator.correctiveAction) return;
    problems.push({
      severity: "warning",
      sheet: cell.sheet,
      cell: cell.cell,
      message: `${indicator.id || "This indicator"} is Red but has no corrective action`,
      hint: "Say what will be done to bring it back on track.",
    });
  });
  return problems;
}

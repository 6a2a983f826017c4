import { formatDate } from "../format/uk.js";
import { isOverdue } from "../measures/assessment-actions.js";
import type { ReadOrigins } from "../model/origins.js";
import type { Problem } from "../model/problem.js";
import type { IsoDate, Partnership } from "../model/types.js";

/**
 * Check's warning for each assessment action past its due date and neither
 * done nor dropped on `today`, at its Due date cell (issue 8).
 */
export function overdueActionProblems(
  partnership: Partnership,
  origins: ReadOrigins,
  today: IsoDate,
): Problem[] {
  const problems: Problem[] = [];
  (partnership.assessmentActions ?? []).forEach((action, index) => {
    if (!isOverdue(action, today) || action.dueDate === null) return;
    const origin = origins.actions?.[index];
    const cell = origin?.fields.dueDate ?? origin?.fields.status;
    const status = action.status.trim() || "no status";
    problems.push({
      severity: "warning",
      sheet: cell?.sheet ?? origin?.sheet ?? "Actions",
      cell: cell?.cell ?? "",
      message: `The action on "${action.item}" (${action.instrumentId}) was due on ${formatDate(action.dueDate) ?? action.dueDate} and is ${status === "no status" ? "without a status" : `"${status}"`}`,
      hint: "Finish it and set its Status to Done (or Dropped), or agree a new Due date.",
    });
  });
  return problems;
}

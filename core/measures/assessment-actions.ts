import type { AssessmentAction } from "../model/assessment-cycle.js";
import type { IsoDate } from "../model/types.js";
import { rankedItems, type InstrumentAnalysis } from "./assessment-analysis.js";

/**
 * The action plan's seed: after each round, a row for each of the five
 * weakest items and every contested one, for the board to fill with an
 * action, an owner and a date. Seeding only ever adds: a row already in the
 * table for the same instrument and item (whoever wrote it, whatever its
 * status) is left exactly as it is and no second row is added.
 */

export const WEAKEST_SEEDED = 5;

/** Statuses the Status column offers; an action is finished when Done or Dropped. */
export const ACTION_STATUSES = ["Not started", "In progress", "Done", "Dropped"] as const;
const FINISHED = new Set(["done", "dropped"]);

function sameItem(a: { instrumentId: string; item: string }, instrumentId: string, item: string) {
  return (
    a.instrumentId.trim().toLowerCase() === instrumentId.toLowerCase() &&
    a.item.trim().toLowerCase() === item.toLowerCase()
  );
}

/** The seeded rows to add after `existing` (which is never changed). */
export function seedActions(
  analyses: readonly InstrumentAnalysis[],
  existing: readonly AssessmentAction[],
  weakest = WEAKEST_SEEDED,
): AssessmentAction[] {
  const candidates: { instrumentId: string; item: string; reason: "weakest" | "contested" }[] = [];
  for (const ranked of rankedItems(analyses).slice(0, weakest))
    candidates.push({
      instrumentId: ranked.instrumentId,
      item: ranked.item.statement,
      reason: "weakest",
    });
  for (const analysis of analyses)
    for (const item of analysis.items)
      if (item.contested)
        candidates.push({
          instrumentId: analysis.instrumentId,
          item: item.statement,
          reason: "contested",
        });
  const added: AssessmentAction[] = [];
  for (const candidate of candidates) {
    const known = [...existing, ...added].some((a) =>
      sameItem(a, candidate.instrumentId, candidate.item),
    );
    if (known) continue;
    added.push({
      instrumentId: candidate.instrumentId,
      item: candidate.item,
      reason: candidate.reason,
      action: "",
      owner: "",
      dueDate: null,
      status: "Not started",
      reviewDate: null,
    });
  }
  return added;
}

/** The table after seeding: the officer's rows untouched and in place, the new ones after them. */
export function withSeededActions(
  analyses: readonly InstrumentAnalysis[],
  existing: readonly AssessmentAction[],
): AssessmentAction[] {
  return [...existing, ...seedActions(analyses, existing)];
}

/** Past its due date and neither done nor dropped, on `today`. */
export function isOverdue(action: AssessmentAction, today: IsoDate): boolean {
  return (
    action.dueDate !== null &&
    action.dueDate < today &&
    !FINISHED.has(action.status.trim().toLowerCase())
  );
}

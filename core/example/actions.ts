/**
 * The example's action plan (issue 8): what closing its two earlier rounds
 * seeded (the five weakest and every contested item of each), filled in as
 * a board would: the 2024 review's actions mostly done, the 2025 review's
 * under way, one past its due date and one still without an owner, so the
 * report and check show each case.
 */
import type { Instrument } from "../instruments/types.js";
import { analyseAssessments } from "../measures/assessment-analysis.js";
import { withSeededActions } from "../measures/assessment-actions.js";
import { roundOrder } from "../measures/assessment-rounds.js";
import type { AssessmentAction } from "../model/assessment-cycle.js";
import type { IsoDate, Partnership } from "../model/types.js";

const WORDING: Record<AssessmentAction["reason"] & string, string> = {
  weakest: "Workshop with all partners to agree what good looks like, and a plan to get there",
  contested: "Each partner explains its score at the next board; agree one shared view",
  worsened: "Find out at the next board what has changed since the last review",
};

function lastDate(p: Partnership, round: string): IsoDate | null {
  let last: IsoDate | null = null;
  for (const r of p.assessmentHistory ?? [])
    if (r.round === round && r.date !== null && (last === null || r.date > last)) last = r.date;
  return last;
}

function monthsLater(iso: IsoDate, months: number): IsoDate {
  const [y, m] = iso.split("-").map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}-28`;
}

export function exampleActions(
  partnership: Partnership,
  instruments: readonly Instrument[],
): AssessmentAction[] | undefined {
  const history = partnership.assessmentHistory;
  if (!history) return undefined;
  const owners = partnership.partners.map((p) => p.shortName);
  const closed = roundOrder(history).filter((r) => r !== partnership.currentRound);
  let actions: AssessmentAction[] = [];
  closed.forEach((round, roundIndex) => {
    const analyses = analyseAssessments(partnership, instruments, round);
    if ("error" in analyses) return;
    const before = actions.length;
    actions = withSeededActions(analyses, actions);
    const closedOn = lastDate(partnership, round) ?? "2025-01-01";
    const latest = roundIndex === closed.length - 1;
    actions.slice(before).forEach((action, i) => {
      const k = before + i;
      action.action = WORDING[action.reason ?? "weakest"];
      action.owner = latest && i === 1 ? "" : (owners[k % owners.length] ?? "");
      action.dueDate =
        latest && i === 1 ? null : monthsLater(closedOn, latest ? (i === 0 ? 3 : 13) : 6);
      action.reviewDate = monthsLater(closedOn, 3);
      action.status = latest
        ? i === 0
          ? "In progress"
          : "Not started"
        : i === 2
          ? "Dropped"
          : "Done";
    });
  });
  return actions;
}

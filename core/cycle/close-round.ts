/**
 * Closing a round (issue 8): the grids' scores, whether collected from
 * returns or typed straight in, are stamped into the history under the
 * round's name; the round gets its closed date; the grids are cleared for
 * the next round. Closed rounds are never written again, so re-scoring
 * never destroys the last review.
 */
import type { AssessmentRound, AssessmentScoreRecord } from "../model/assessment-cycle.js";
import type { IsoDate, Partnership } from "../model/types.js";

export interface CloseOptions {
  today: IsoDate;
  /** The round's name when none is open (scores typed straight into the grids). */
  name?: string;
  /** Close even though some partners have not returned or scored. */
  force: boolean;
}

export type CloseResult =
  | { ok: true; partnership: Partnership; round: string; stamped: number; notReturned: string[] }
  | { ok: false; message: string; hint: string };

const key = (r: { instrumentId: string; section: string; statement: string; respondent: string }) =>
  `${r.instrumentId}\u0001${r.section}\u0001${r.statement}\u0001${r.respondent}`;

export function closeRound(master: Partnership, options: CloseOptions): CloseResult {
  const current = master.currentRound ?? "";
  const wanted = options.name?.trim() ?? "";
  if (current && wanted && wanted !== current)
    return {
      ok: false,
      message: `The open round is "${current}", not "${wanted}"`,
      hint: "Close the open round first (leave out --round), then name the next one.",
    };
  const round = current || wanted;
  if (!round)
    return {
      ok: false,
      message: "No round is open, so the round to close needs a name",
      hint: 'Give it one: `partnership round close --workbook FILE --round "2026 review"`.',
    };
  const rounds = master.assessmentRounds ?? [];
  const closedBefore = rounds.find((r) => r.name === round && r.closed !== null);
  if (closedBefore)
    return {
      ok: false,
      message: `The round "${round}" was closed on ${closedBefore.closed ?? ""}; a closed round is never written again`,
      hint: "Name the new round differently (for example with its year).",
    };

  const partnership: Partnership = structuredClone(master);
  const history = partnership.assessmentHistory ?? [];
  const newRounds = partnership.assessmentRounds ?? [];
  let record: AssessmentRound | undefined = newRounds.find((r) => r.name === round);
  const anonymous = record?.anonymous ?? false;
  const existing = new Map<string, AssessmentScoreRecord>();
  for (const r of history) if (r.round === round) existing.set(key(r), r);

  let stamped = 0;
  const scoredBy = new Set<string>();
  for (const assessment of partnership.assessments) {
    for (const item of assessment.items) {
      for (const [respondent, score] of Object.entries(item.scores)) {
        if (score === null) continue;
        if (anonymous)
          return {
            ok: false,
            message: `The round "${round}" is anonymous, but the grid ${assessment.instrumentId} holds scores under partner names (${respondent})`,
            hint: "Anonymous scores come in through returns only: clear the grid's score cells, then close the round.",
          };
        scoredBy.add(respondent);
        const fields = {
          instrumentId: assessment.instrumentId,
          section: item.section,
          statement: item.statement,
          respondent,
        };
        const before = existing.get(key(fields));
        if (before) {
          if (before.score !== score) Object.assign(before, { score, date: options.today });
        } else history.push({ round, date: options.today, ...fields, score, comment: "" });
        stamped++;
        item.scores[respondent] = null;
      }
    }
  }
  const returned = new Set([...(record?.returned ?? []), ...scoredBy]);
  const notReturned = partnership.partners.map((p) => p.shortName).filter((n) => !returned.has(n));
  const stored = history.some((r) => r.round === round);
  if (!stored && !options.force)
    return {
      ok: false,
      message: `The round "${round}" has no scores: nothing in the grids or the history`,
      hint: "Collect the returns or type the scores into the grids first; --force closes it empty.",
    };
  if (notReturned.length > 0 && !options.force)
    return {
      ok: false,
      message: `${notReturned.length} of ${partnership.partners.length} partners have not returned or scored in "${round}": ${notReturned.join(", ")}`,
      hint: "Collect their returns first, or close the round without them with --force.",
    };
  if (!record) {
    record = { name: round, opened: options.today, closed: null, anonymous: false, returned: [] };
    newRounds.push(record);
  }
  record.closed = options.today;
  record.returned = partnership.partners.map((p) => p.shortName).filter((n) => returned.has(n));
  partnership.assessmentRounds = newRounds;
  partnership.assessmentHistory = history;
  partnership.currentRound = "";
  return { ok: true, partnership, round, stamped, notReturned };
}

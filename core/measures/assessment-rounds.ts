import type { AssessmentScoreRecord } from "../model/assessment-cycle.js";
import type { Assessment, Partnership } from "../model/types.js";

/**
 * The scores of one assessment round, gathered from wherever they live: the
 * grids hold the current round (an officer may type straight into them),
 * the `Assessment history` table holds every round ever collected or closed.
 */

/** Section + statement: how an item is found in the grid, the history and the Actions table. */
export function itemKey(instrumentId: string, section: string, statement: string): string {
  return `${instrumentId}\u0000${section}\u0000${statement}`;
}

export interface RoundScores {
  round: string;
  /** Item key → respondent → score. */
  scores: Map<string, Map<string, number | null>>;
  /** Item key → the comments respondents wrote, in respondent order. */
  comments: Map<string, { respondent: string; comment: string }[]>;
  /** Everyone who gave at least one score, in the order first seen. */
  respondents: string[];
}

/**
 * Round names in the order they were held: by their earliest date (undated
 * rounds last), then by first appearance, so a table sorted by an officer
 * still reads in time order.
 */
export function roundOrder(history: readonly AssessmentScoreRecord[]): string[] {
  const first = new Map<string, { date: string | null; seen: number }>();
  history.forEach((record, seen) => {
    const known = first.get(record.round);
    if (!known) first.set(record.round, { date: record.date, seen });
    else if (record.date !== null && (known.date === null || record.date < known.date))
      known.date = record.date;
  });
  return [...first.entries()]
    .sort(([, a], [, b]) => {
      if (a.date !== b.date) {
        if (a.date === null) return 1;
        if (b.date === null) return -1;
        return a.date < b.date ? -1 : 1;
      }
      return a.seen - b.seen;
    })
    .map(([round]) => round);
}

function emptyRound(round: string): RoundScores {
  return { round, scores: new Map(), comments: new Map(), respondents: [] };
}

function note(target: RoundScores, respondent: string): void {
  if (!target.respondents.includes(respondent)) target.respondents.push(respondent);
}

function addHistory(target: RoundScores, records: readonly AssessmentScoreRecord[]): void {
  for (const record of records) {
    if (record.round !== target.round) continue;
    const key = itemKey(record.instrumentId, record.section, record.statement);
    const row = target.scores.get(key) ?? new Map<string, number | null>();
    target.scores.set(key, row);
    row.set(record.respondent, record.score);
    if (record.score !== null) note(target, record.respondent);
    if (record.comment.trim() !== "") {
      const list = target.comments.get(key) ?? [];
      list.push({ respondent: record.respondent, comment: record.comment.trim() });
      target.comments.set(key, list);
    }
  }
}

function addGrids(target: RoundScores, assessments: readonly Assessment[]): void {
  for (const assessment of assessments) {
    for (const item of assessment.items) {
      const key = itemKey(assessment.instrumentId, item.section, item.statement);
      const row = target.scores.get(key) ?? new Map<string, number | null>();
      target.scores.set(key, row);
      // The grid is what the officer sees and may have corrected: it wins over the history.
      for (const [respondent, score] of Object.entries(item.scores)) {
        if (score === null && row.has(respondent)) continue;
        row.set(respondent, score);
        if (score !== null) note(target, respondent);
      }
    }
  }
}

/** The name the grids' scores go by: the open round, or "Current" when none is named. */
export function currentRoundName(partnership: Partnership): string {
  return partnership.currentRound?.trim() || "Current";
}

/**
 * The round analysed and the one before it. `round` absent or the open
 * round: the grids (plus anything already collected for it), against the
 * last closed round. A closed round: its history, against the round before.
 */
export function roundsToCompare(
  partnership: Partnership,
  round?: string,
): { current: RoundScores; previous: RoundScores | null } | { error: string } {
  const history = partnership.assessmentHistory ?? [];
  const order = roundOrder(history);
  const open = currentRoundName(partnership);
  const wanted = round?.trim() || open;
  if (wanted === open) {
    const current = emptyRound(open);
    addHistory(current, history);
    addGrids(current, partnership.assessments);
    const closed = order.filter((name) => name !== open);
    const last = closed[closed.length - 1];
    return { current, previous: last === undefined ? null : historyRound(history, last) };
  }
  const index = order.indexOf(wanted);
  if (index < 0) {
    const known = [...order.filter((n) => n !== open), open];
    return {
      error: `no assessment round is called "${wanted}"; the rounds are ${known.join(", ")}`,
    };
  }
  const before = order[index - 1];
  return {
    current: historyRound(history, wanted),
    previous: before === undefined ? null : historyRound(history, before),
  };
}

function historyRound(history: readonly AssessmentScoreRecord[], round: string): RoundScores {
  const scores = emptyRound(round);
  addHistory(scores, history);
  return scores;
}

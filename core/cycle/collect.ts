/**
 * Collect (issue 8): partners' returns into the master's current round.
 * Pure: the host reads the files and the master, calls this, and writes the
 * partnership it returns only when there are no errors, so a failed collect
 * leaves the master as it was.
 */
import type { GridInstrument, Instrument } from "../instruments/types.js";
import type { AssessmentRound, AssessmentScoreRecord } from "../model/assessment-cycle.js";
import type { Problem } from "../model/problem.js";
import type { IsoDate, Partnership } from "../model/types.js";
import type { ReturnCells } from "./return-cells.js";
import {
  detailProblem,
  readReturnDetails,
  returnProblem,
  type ReturnDetails,
} from "./return-details.js";
import { returnScores, type ReturnedScore } from "./return-scores.js";
import { respondentName, respondentNumber } from "./respondents.js";

export interface CollectOptions {
  /** Replace scores already in the master that differ from the return's. */
  force: boolean;
  today: IsoDate;
  /** A shuffle no one can replay (the host passes a crypto-random one): anonymous order. */
  shuffle: <T>(items: readonly T[]) => T[];
}

export interface CollectResult {
  /** Located problems in the returns, conflicts included (errors unless --force). */
  problems: Problem[];
  /** The master with the returns in it; null when any error means nothing may be written. */
  partnership: Partnership | null;
  round: string;
  anonymous: boolean;
  /** Partners that have returned for the round (before this collect or in it), in partner order. */
  returned: string[];
  notReturned: string[];
  /** Scores written or confirmed. */
  scores: number;
  /** Conflicting scores replaced under --force. */
  replaced: number;
}

interface Taken {
  cells: ReturnCells;
  details: ReturnDetails;
  scores: ReturnedScore[];
}

function gridInstruments(partnership: Partnership, instruments: readonly Instrument[]) {
  const present = new Set(partnership.assessments.map((a) => a.instrumentId));
  return new Map(
    instruments
      .filter((i): i is GridInstrument => i.kind === "grid" && present.has(i.id))
      .map((i) => [i.id, i]),
  );
}

/** The round the returns go into: the master's open round, else the one the returns name. */
function targetRound(partnership: Partnership, taken: readonly Taken[]): string {
  if (partnership.currentRound) return partnership.currentRound;
  return taken[0]?.details.round ?? "";
}

function checkIdentity(
  partnership: Partnership,
  round: string,
  taken: readonly Taken[],
  problems: Problem[],
): void {
  const name = partnership.details.name.trim();
  const shortNames = new Set(partnership.partners.map((p) => p.shortName));
  const closed = new Map(
    (partnership.assessmentRounds ?? []).filter((r) => r.closed !== null).map((r) => [r.name, r]),
  );
  const open = (partnership.assessmentRounds ?? []).find(
    (r) => r.name === round && r.closed === null,
  );
  const byPartner = new Map<string, string[]>();
  for (const { cells, details } of taken) {
    const file = cells.file;
    if (details.partnership !== name)
      problems.push(
        detailProblem(
          file,
          "Partnership",
          `The return is for the partnership "${details.partnership}"; this master is "${name}"`,
          "Collect it into that partnership's workbook.",
        ),
      );
    if (!shortNames.has(details.partner))
      problems.push(
        detailProblem(
          file,
          "Partner",
          `The return is from "${details.partner}", who is not a partner in the Partners table`,
          "Add the partner (same short name) to the master, or check the file came from this partnership.",
        ),
      );
    const shut = closed.get(details.round);
    if (shut)
      problems.push(
        detailProblem(
          file,
          "Round",
          `The return is for the round "${details.round}", which was closed on ${shut.closed ?? ""}`,
          "Scores of a closed round are kept as they were; send a return for the current round.",
        ),
      );
    else if (details.round !== round)
      problems.push(
        detailProblem(
          file,
          "Round",
          `The return is for the round "${details.round}"; the current round is "${round}"`,
          partnership.currentRound
            ? "Collect it after closing the current round (`partnership round close`), or send a return for the current round."
            : "Collect the returns of one round at a time.",
        ),
      );
    const anonymous = open ? open.anonymous : (taken[0]?.details.anonymous ?? false);
    if (details.anonymous !== anonymous)
      problems.push(
        detailProblem(
          file,
          "Anonymous",
          `The return is ${details.anonymous ? "" : "not "}anonymous, but the round "${round}" is ${anonymous ? "" : "not "}anonymous`,
          "Make every return of a round with the same --anonymous setting.",
        ),
      );
    if (open?.anonymous && open.returned.includes(details.partner))
      problems.push(
        detailProblem(
          file,
          "Partner",
          `${details.partner} has already returned in this anonymous round; its scores cannot be replaced, because the master keeps no link from respondent to partner`,
          "Leave the earlier return as collected.",
        ),
      );
    byPartner.set(details.partner, [...(byPartner.get(details.partner) ?? []), file]);
  }
  for (const [partner, files] of byPartner) {
    if (files.length < 2) continue;
    for (const file of files)
      problems.push(
        detailProblem(
          file,
          "Partner",
          `Two returns from ${partner}: ${files.join(" and ")}`,
          "Collect only the one the partner means; remove the other from the list.",
        ),
      );
  }
}

const key = (r: { instrumentId: string; section: string; statement: string }, respondent: string) =>
  `${r.instrumentId}\u0001${r.section}\u0001${r.statement}\u0001${respondent}`;

export function collectReturns(
  master: Partnership,
  instruments: readonly Instrument[],
  returns: readonly ReturnCells[],
  options: CollectOptions,
): CollectResult {
  const problems: Problem[] = [];
  const grids = gridInstruments(master, instruments);
  const taken: Taken[] = [];
  for (const cells of returns) {
    const details = readReturnDetails(cells);
    if ("severity" in details) {
      problems.push(details);
      continue;
    }
    taken.push({ cells, details, scores: returnScores(cells, details, grids, problems) });
  }
  const round = targetRound(master, taken);
  checkIdentity(master, round, taken, problems);

  const partnership: Partnership = structuredClone(master);
  const rounds = partnership.assessmentRounds ?? [];
  let roundRecord: AssessmentRound | undefined = rounds.find(
    (r) => r.name === round && r.closed === null,
  );
  const anonymous = roundRecord?.anonymous ?? taken[0]?.details.anonymous ?? false;
  if (!roundRecord) {
    roundRecord = { name: round, opened: options.today, closed: null, anonymous, returned: [] };
    rounds.push(roundRecord);
  }
  const history = partnership.assessmentHistory ?? [];
  const existing = new Map<string, AssessmentScoreRecord>();
  for (const record of history)
    if (record.round === round) existing.set(key(record, record.respondent), record);

  let scores = 0;
  let replaced = 0;
  const record = (score: ReturnedScore, respondent: string): AssessmentScoreRecord => ({
    round,
    date: options.today,
    instrumentId: score.instrumentId,
    section: score.section,
    statement: score.statement,
    respondent,
    score: score.score,
    comment: score.comment,
  });

  if (anonymous) {
    const next = Math.max(
      0,
      ...history.filter((r) => r.round === round).map((r) => respondentNumber(r.respondent)),
    );
    // Numbers follow neither partner order nor file order; records are written statement by statement.
    const order = options.shuffle(taken);
    const added: AssessmentScoreRecord[] = [];
    order.forEach((t, i) => {
      for (const score of t.scores) {
        if (score.score === null && score.comment === "") continue;
        added.push(record(score, respondentName(next + i + 1)));
        scores++;
      }
    });
    const position = statementPositions(grids);
    added.sort(
      (a, b) =>
        (position.get(key(a, "")) ?? 0) - (position.get(key(b, "")) ?? 0) ||
        respondentNumber(a.respondent) - respondentNumber(b.respondent),
    );
    history.push(...added);
  } else {
    for (const t of taken) {
      const partner = t.details.partner;
      for (const score of t.scores) {
        if (score.score === null && score.comment === "") continue;
        const assessment = partnership.assessments.find(
          (a) => a.instrumentId === score.instrumentId,
        );
        const item = assessment?.items.find(
          (i) => i.section === score.section && i.statement === score.statement,
        );
        const inGrid = item?.scores[partner] ?? null;
        const before = existing.get(key(score, partner));
        const held = inGrid ?? before?.score ?? null;
        if (score.score !== null && held !== null && held !== score.score) {
          const grid = grids.get(score.instrumentId);
          const message = `${partner}'s score for "${score.statement}" is ${score.score} in the return but ${held} in the master (${grid?.sheet ?? score.instrumentId}, column ${partner})`;
          if (!options.force) {
            problems.push(
              returnProblem(
                t.cells.file,
                score.sheet,
                score.cell,
                `Conflict: ${message}`,
                "The master is left as it is. Rerun with --force to take the return's score.",
              ),
            );
            continue;
          }
          problems.push(
            returnProblem(
              t.cells.file,
              score.sheet,
              score.cell,
              `Replaced: ${message}`,
              undefined,
              "warning",
            ),
          );
          replaced++;
        }
        const value = score.score ?? held;
        if (item) item.scores[partner] = value;
        const fresh = {
          ...record(score, partner),
          score: value,
          comment: score.comment || before?.comment || "",
        };
        if (before) Object.assign(before, fresh);
        else history.push(fresh);
        scores++;
      }
    }
  }

  const arrived = new Set([...roundRecord.returned, ...taken.map((t) => t.details.partner)]);
  const partnerNames = partnership.partners.map((p) => p.shortName);
  const returned = partnerNames.filter((name) => arrived.has(name));
  const notReturned = partnerNames.filter((name) => !arrived.has(name));
  const failed = problems.some((p) => p.severity === "error") || taken.length === 0;
  if (!failed) {
    roundRecord.returned = returned;
    partnership.assessmentRounds = rounds;
    partnership.assessmentHistory = history;
    partnership.currentRound = round;
  }
  const before = new Set(master.assessmentRounds?.find((r) => r.name === round)?.returned ?? []);
  return {
    problems,
    partnership: failed ? null : partnership,
    round,
    anonymous,
    returned: failed ? partnerNames.filter((n) => before.has(n)) : returned,
    notReturned: failed ? partnerNames.filter((n) => !before.has(n)) : notReturned,
    scores,
    replaced,
  };
}

/** Each statement's place across the instruments, so history rows read in the grids' order. */
function statementPositions(grids: ReadonlyMap<string, GridInstrument>): Map<string, number> {
  const positions = new Map<string, number>();
  for (const instrument of grids.values())
    for (const section of instrument.sections)
      for (const s of section.statements)
        positions.set(
          key({ instrumentId: instrument.id, section: section.name, statement: s.text }, ""),
          positions.size,
        );
  return positions;
}

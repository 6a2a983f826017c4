/**
 * The example's assessment cycle (issue 8): two closed rounds a year apart
 * and the current one, so every part of the cycle shows something. The
 * current round's scores are the grids' (collected from returns, so the
 * history holds them too, with partners' comments); the earlier rounds are
 * derived from them deterministically: most items have improved year on
 * year, a few have slipped, and the statement partners now disagree on was
 * agreed on two years ago.
 */
import type { Instrument } from "../instruments/types.js";
import type { AssessmentRound, AssessmentScoreRecord } from "../model/assessment-cycle.js";
import type { Assessment, IsoDate, Partner } from "../model/types.js";
import { hashText, seededRandom } from "../model/random.js";

export interface ExampleCycle {
  assessmentRounds: AssessmentRound[];
  assessmentHistory: AssessmentScoreRecord[];
  currentRound: string;
}

export const EXAMPLE_ROUNDS: readonly { name: string; opened: IsoDate; closed: IsoDate | null }[] =
  [
    { name: "2024 review", opened: "2024-10-01", closed: "2024-11-15" },
    { name: "2025 review", opened: "2025-10-01", closed: "2025-11-14" },
    { name: "2026 review", opened: "2026-10-01", closed: null },
  ];

/** Comments partners wrote on their returns this year, by a piece of the statement's text. */
const COMMENTS: Record<string, Record<string, string>> = {
  "Trust between partners": {
    "Care Providers": "Tender decisions this year were made without us in the room.",
    "Northvale ICB": "Board meetings have been open and decisions shared in writing.",
  },
  mainstreaming: {
    "Age Well": "Good pilots, but none has yet moved into core budgets.",
  },
  "share information": {
    "Carers Forum": "Carers still repeat their story to every service.",
    "County Council": "The shared care record went live in June.",
  },
  "open with each other": {
    "Care Providers": "We heard about the home care review from the local paper.",
  },
};

function commentFor(statement: string, partner: string): string {
  for (const [piece, byPartner] of Object.entries(COMMENTS))
    if (statement.includes(piece)) return byPartner[partner] ?? "";
  return "";
}

export function exampleCycle(
  instruments: readonly Instrument[],
  partners: readonly Partner[],
  assessments: readonly Assessment[],
): ExampleCycle {
  const history: AssessmentScoreRecord[] = [];
  const [first, second, current] = EXAMPLE_ROUNDS;
  if (!first || !second || !current) throw new Error("The example has three rounds");
  for (const instrument of instruments) {
    if (instrument.kind !== "grid") continue;
    const items = assessments.find((a) => a.instrumentId === instrument.id)?.items ?? [];
    const { min, max } = instrument.scale;
    const clamp = (n: number) => Math.min(max, Math.max(min, Math.round(n)));
    const random = seededRandom(hashText(`history:${instrument.id}`));
    const byRound: AssessmentScoreRecord[][] = [[], [], []];
    for (const item of items) {
      const scores = partners.map((p) => item.scores[p.shortName] ?? null);
      const spread =
        Math.max(...scores.filter((s): s is number => s !== null)) -
        Math.min(...scores.filter((s): s is number => s !== null));
      // Mostly better each year (so last year was lower), one item in five worse.
      const drift = random() < 0.2 ? 1 : random() < 0.6 ? -1 : 0;
      const contested = spread >= instrument.disagreementSpread;
      partners.forEach((partner, p) => {
        const now = scores[p] ?? null;
        const base = now === null ? null : contested ? Math.round((max + min) / 2 + 0.5) : now;
        const last = base === null ? null : clamp(base + drift + (random() < 0.15 ? -1 : 0));
        const before =
          last === null ? null : clamp(last + (drift < 0 ? -1 : 0) + (random() < 0.15 ? 1 : 0));
        const record = (
          round: (typeof EXAMPLE_ROUNDS)[number],
          score: number | null,
          comment = "",
        ) => ({
          round: round.name,
          date: round.closed ?? round.opened,
          instrumentId: instrument.id,
          section: item.section,
          statement: item.statement,
          respondent: partner.shortName,
          score,
          comment,
        });
        byRound[0]?.push(record(first, before));
        byRound[1]?.push(record(second, last));
        byRound[2]?.push(record(current, now, commentFor(item.statement, partner.shortName)));
      });
    }
    history.push(...byRound.flat());
  }
  // Oldest round first, as collect and close add them.
  history.sort(
    (a, b) =>
      EXAMPLE_ROUNDS.findIndex((r) => r.name === a.round) -
      EXAMPLE_ROUNDS.findIndex((r) => r.name === b.round),
  );
  const everyone = partners.map((p) => p.shortName);
  return {
    assessmentRounds: EXAMPLE_ROUNDS.map((r) => ({ ...r, anonymous: false, returned: everyone })),
    assessmentHistory: history,
    currentRound: current.name,
  };
}

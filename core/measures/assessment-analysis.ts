import type { GridInstrument, Instrument } from "../instruments/types.js";
import type { Partnership } from "../model/types.js";
import { itemKey, roundsToCompare, type RoundScores } from "./assessment-rounds.js";

/**
 * Issue 8's analysis of one round, per instrument and item: where partners
 * agree and differ ("conflict and consensus"), and what moved since the
 * round before. Pure: the Summary sheet, `check --json`, the Actions seeding
 * and the assessment report all read the same numbers.
 */

export type ChangeDirection = "improved" | "worsened" | "same";

export interface MeanChange {
  previousMean: number;
  /** Current mean − previous mean. */
  delta: number;
  direction: ChangeDirection;
}

export interface ItemAnalysis {
  section: string;
  statement: string;
  mean: number | null;
  min: number | null;
  max: number | null;
  spread: number | null;
  scored: number;
  /** At least two scores and a spread of half the scale's range or more. */
  contested: boolean;
  /** Null when the previous round did not score the item (or there is no previous round). */
  change: MeanChange | null;
  /** Respondent → its score minus the mean of the others' scores (two scores or more). */
  gaps: Record<string, number>;
  comments: { respondent: string; comment: string }[];
}

export interface SectionAnalysis {
  name: string;
  /** Mean of the section's item means; null when nothing in it is scored. */
  mean: number | null;
  previousMean: number | null;
}

export interface InstrumentAnalysis {
  instrumentId: string;
  title: string;
  scale: { min: number; max: number };
  /** Whether a low score is a weakness (false for stages of a relationship). */
  lowIsWeak: boolean;
  round: string;
  previousRound: string | null;
  /** Who scored at least one item of this instrument, partners in Partners order first. */
  respondents: string[];
  items: ItemAnalysis[];
  sections: SectionAnalysis[];
}

/**
 * Means closer than this are "the same": the grid shows a mean to one decimal,
 * and an officer would not call 3.02 against 3.00 a change.
 */
export const SAME_WITHIN = 0.05;

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** At exactly half the range an item is contested: the "at least". */
export function isContested(spread: number | null, scored: number, min: number, max: number) {
  return spread !== null && scored >= 2 && spread >= (max - min) / 2;
}

export function meanChange(current: number | null, previous: number | null): MeanChange | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  const direction: ChangeDirection =
    Math.abs(delta) < SAME_WITHIN ? "same" : delta > 0 ? "improved" : "worsened";
  return { previousMean: previous, delta, direction };
}

/** Each respondent's score minus the mean of everyone else's, for items scored by two or more. */
export function perceptionGaps(scores: ReadonlyMap<string, number | null>): Record<string, number> {
  const scored = [...scores.entries()].filter((e): e is [string, number] => e[1] !== null);
  const gaps: Record<string, number> = {};
  if (scored.length < 2) return gaps;
  const total = scored.reduce((sum, [, s]) => sum + s, 0);
  for (const [respondent, score] of scored)
    gaps[respondent] = score - (total - score) / (scored.length - 1);
  return gaps;
}

function ordered(respondents: readonly string[], shortNames: readonly string[]): string[] {
  const partners = shortNames.filter((n) => respondents.includes(n));
  return [...partners, ...respondents.filter((r) => !shortNames.includes(r))];
}

function itemMean(round: RoundScores | null, key: string): number | null {
  const row = round?.scores.get(key);
  if (!row) return null;
  return mean([...row.values()].filter((s): s is number => s !== null));
}

export function analyseInstrument(
  instrument: GridInstrument,
  current: RoundScores,
  previous: RoundScores | null,
  shortNames: readonly string[],
): InstrumentAnalysis {
  const { min, max } = instrument.scale;
  const seen = new Set<string>();
  const items: ItemAnalysis[] = [];
  const sections: SectionAnalysis[] = [];
  for (const section of instrument.sections) {
    const now: number[] = [];
    const before: number[] = [];
    for (const statement of section.statements) {
      const key = itemKey(instrument.id, section.name, statement.text);
      const row = current.scores.get(key) ?? new Map<string, number | null>();
      const numbers = [...row.values()].filter((s): s is number => s !== null);
      for (const [respondent, score] of row) if (score !== null) seen.add(respondent);
      const m = mean(numbers);
      const low = numbers.length ? Math.min(...numbers) : null;
      const high = numbers.length ? Math.max(...numbers) : null;
      const spread = low === null || high === null ? null : high - low;
      const previousMean = itemMean(previous, key);
      if (m !== null) now.push(m);
      if (previousMean !== null) before.push(previousMean);
      items.push({
        section: section.name,
        statement: statement.text,
        mean: m,
        min: low,
        max: high,
        spread,
        scored: numbers.length,
        contested: isContested(spread, numbers.length, min, max),
        change: meanChange(m, previousMean),
        gaps: perceptionGaps(row),
        comments: current.comments.get(key) ?? [],
      });
    }
    sections.push({ name: section.name, mean: mean(now), previousMean: mean(before) });
  }
  return {
    instrumentId: instrument.id,
    title: instrument.title,
    scale: { min, max },
    lowIsWeak: instrument.lowIsWeak,
    round: current.round,
    previousRound: previous?.round ?? null,
    respondents: ordered([...seen], shortNames),
    items,
    sections,
  };
}

/** Every grid instrument's analysis for a round (the open one when `round` is absent). */
export function analyseAssessments(
  partnership: Partnership,
  instruments: readonly Instrument[],
  round?: string,
): InstrumentAnalysis[] | { error: string } {
  const rounds = roundsToCompare(partnership, round);
  if ("error" in rounds) return rounds;
  const shortNames = partnership.partners.map((p) => p.shortName);
  return instruments
    .filter((i): i is GridInstrument => i.kind === "grid")
    .map((i) => analyseInstrument(i, rounds.current, rounds.previous, shortNames));
}

/** An item's mean on a 0–1 scale, so items of different instruments compare. */
export function normalisedMean(analysis: InstrumentAnalysis, item: ItemAnalysis): number | null {
  const range = analysis.scale.max - analysis.scale.min;
  return item.mean === null || range <= 0 ? null : (item.mean - analysis.scale.min) / range;
}

export interface RankedItem {
  instrumentId: string;
  instrument: string;
  item: ItemAnalysis;
  /** 0 is every respondent giving the lowest score, 1 the highest. */
  level: number;
}

/**
 * Scored items of instruments where low is weak, weakest first (ties keep
 * the instruments' order): the five weakest seed the action plan, the
 * report names the strongest and weakest.
 */
export function rankedItems(analyses: readonly InstrumentAnalysis[]): RankedItem[] {
  const ranked: RankedItem[] = [];
  for (const analysis of analyses) {
    if (!analysis.lowIsWeak) continue;
    for (const item of analysis.items) {
      const level = normalisedMean(analysis, item);
      if (level !== null)
        ranked.push({
          instrumentId: analysis.instrumentId,
          instrument: analysis.title,
          item,
          level,
        });
    }
  }
  return ranked.sort((a, b) => a.level - b.level);
}

/** An item as `check --json` prints it (`summary.instruments[].items[]`). */
export interface ItemSummary {
  section: string;
  statement: string;
  mean: number | null;
  spread: number | null;
  contested: boolean;
  /** Since the previous round; null when either round did not score the item. */
  change: ChangeDirection | null;
  /** Respondent (short name, or "Respondent N") → score minus the others' mean. */
  gaps: Record<string, number>;
}

export function itemSummaries(analysis: InstrumentAnalysis | undefined): ItemSummary[] {
  return (analysis?.items ?? []).map((item) => ({
    section: item.section,
    statement: item.statement,
    mean: item.mean,
    spread: item.spread,
    contested: item.contested,
    change: item.change?.direction ?? null,
    gaps: item.gaps,
  }));
}

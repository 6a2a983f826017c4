import type { Band, GridInstrument } from "../instruments/types.js";
import type { Assessment, AssessmentItem, Partnership } from "../model/types.js";

export const DISAGREE = "Partners disagree";

/** The same statistics as the grid's Mean, Min, Max, Spread, Verdict and Agreement columns. */
export interface ItemStats {
  mean: number | null;
  min: number | null;
  max: number | null;
  spread: number | null;
  verdict: string;
  /** DISAGREE when the spread reaches the instrument's threshold, else "". */
  agreement: string;
  scored: number;
}

/** The verdict of the highest band the mean reaches; the lowest band catches the rest. */
export function verdictFor(mean: number | null, bands: readonly Band[]): string {
  if (mean === null || bands.length === 0) return "";
  for (const band of bands) if (mean >= band.min) return band.verdict;
  return bands[bands.length - 1]?.verdict ?? "";
}

export function itemStats(
  scores: readonly (number | null)[],
  instrument: GridInstrument,
): ItemStats {
  const numbers = scores.filter((s): s is number => s !== null);
  if (numbers.length === 0) {
    return {
      mean: null,
      min: null,
      max: null,
      spread: null,
      verdict: "",
      agreement: "",
      scored: 0,
    };
  }
  const total = numbers.reduce((a, b) => a + b, 0);
  const mean = total / numbers.length;
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const spread = max - min;
  const agreement = numbers.length >= 2 && spread >= instrument.disagreementSpread ? DISAGREE : "";
  return {
    mean,
    min,
    max,
    spread,
    verdict: verdictFor(mean, instrument.bands),
    agreement,
    scored: numbers.length,
  };
}

export function scoresInOrder(
  item: AssessmentItem,
  shortNames: readonly string[],
): (number | null)[] {
  return shortNames.map((name) => item.scores[name] ?? null);
}

export interface InstrumentResult {
  instrumentId: string;
  title: string;
  /** Mean of the item means (items nobody scored are left out). */
  overallMean: number | null;
  verdict: string;
  disagreements: number;
  weakest: { section: string; statement: string; mean: number } | null;
}

export function instrumentResult(
  instrument: GridInstrument,
  assessment: Assessment | undefined,
  shortNames: readonly string[],
): InstrumentResult {
  const items = assessment?.items ?? [];
  const stats = items.map((item) => ({
    item,
    stats: itemStats(scoresInOrder(item, shortNames), instrument),
  }));
  const scored = stats.filter((s) => s.stats.mean !== null);
  const means = scored.map((s) => s.stats.mean as number);
  const overallMean = means.length ? means.reduce((a, b) => a + b, 0) / means.length : null;
  let weakest: InstrumentResult["weakest"] = null;
  for (const { item, stats: s } of scored) {
    if (weakest === null || (s.mean as number) < weakest.mean) {
      weakest = { section: item.section, statement: item.statement, mean: s.mean as number };
    }
  }
  return {
    instrumentId: instrument.id,
    title: instrument.title,
    overallMean,
    verdict: verdictFor(overallMean, instrument.bands),
    disagreements: stats.filter((s) => s.stats.agreement === DISAGREE).length,
    weakest,
  };
}

/**
 * Short names that hold scores in an instrument's grid but are no longer in
 * Partners: rebuilding the grid from Partners would drop their scores.
 */
export function orphanedScorers(partnership: Partnership, instrumentId: string): string[] {
  const known = new Set(partnership.partners.map((p) => p.shortName));
  const assessment = partnership.assessments.find((a) => a.instrumentId === instrumentId);
  const orphans = new Set<string>();
  for (const item of assessment?.items ?? []) {
    for (const [name, score] of Object.entries(item.scores))
      if (score !== null && !known.has(name)) orphans.add(name);
  }
  return [...orphans];
}

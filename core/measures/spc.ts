import type { Polarity } from "../model/types.js";
import { sideOfMean, specialCause, type ProcessLimits } from "./spc-rules.js";

/**
 * Statistical process control (XmR chart) for one indicator, as NHS
 * England's "Making Data Count" defines it: centre line at the mean, limits
 * at mean ± 2.66 × the mean moving range (moving ranges of 3.267 × that mean
 * or more screened out once), four special-cause rules (spc-rules.ts), and
 * the variation and assurance verdicts a board reads.
 *
 * Segments: a rebase splits the points at a named period; each segment has
 * its own limits, moving ranges and runs (a rebase records a deliberate
 * change, so the process after it is judged as a new one, and the points
 * before keep the limits they had). A fixed baseline takes each segment's
 * limits from its first N values only. Both follow NHS-R's NHSRplotthedots.
 *
 * Twelve values are the least any set of limits is worked out from, as
 * Making Data Count advises for a baseline: a baseline of fewer is refused,
 * a segment before a rebase with fewer has its points plotted without
 * limits (and marked by no rule), and a latest segment with fewer means no
 * SPC yet (null) until it has twelve. A rebase at or before the first value,
 * or at a period no value has reached, leaves one segment.
 *
 * Reported mean and limits are the LATEST segment's: those the latest point,
 * the variation and the assurance are judged against, and those a chart
 * would draw as the current process.
 */

export const SPC_MIN_POINTS = 12;
const LIMIT_FACTOR = 2.66;
const SCREEN_FACTOR = 3.267;

export type SpcVariation = "common" | "improvement" | "concern" | "neutral_high" | "neutral_low";
export type SpcAssurance = "pass" | "fail" | "inconsistent";

export interface SpcInput {
  /** One entry per period; blanks (null, or anything not a finite number) are skipped. */
  values: readonly (number | null)[];
  /** Period labels aligned with `values`; used to find `rebaseAt`. */
  periods: readonly string[];
  polarity: Polarity | null;
  target: number | null;
  /** Fix each segment's limits after this many values (at least 12). */
  baselinePoints?: number | null;
  /** Recalculate the limits from this period on (one of `periods`). */
  rebaseAt?: string | null;
}

export interface SpcResult {
  mean: number;
  lower: number;
  upper: number;
  variation: SpcVariation;
  /** null without a target, or when no direction is better ("Closer to target", or no polarity). */
  assurance: SpcAssurance | null;
  /** One flag per value used (blanks skipped), in period order. */
  special: boolean[];
}

/** One point's limits: its segment's, or null where the segment is too short to have any. */
export type PointLimits = ProcessLimits | null;

export interface SpcDetail {
  result: SpcResult;
  /** The limits each value used is judged against, in the order of `special`. */
  limits: PointLimits[];
}

/**
 * Null below 12 values (in the latest segment); throws RangeError for a
 * rebase period not in `periods` or a baseline below 12 or not whole.
 */
export function spc(input: SpcInput): SpcResult | null {
  return spcDetail(input)?.result ?? null;
}

/** As `spc`, with each point's limits (they step at a rebase), for charts. */
export function spcDetail(input: SpcInput): SpcDetail | null {
  if (input.values.length !== input.periods.length) {
    throw new RangeError(
      `SPC needs one period label per value: ${input.values.length} values, ${input.periods.length} periods.`,
    );
  }
  const baselinePoints = checkedBaseline(input.baselinePoints);
  const used: number[] = [];
  const usedPeriods: number[] = [];
  for (let period = 0; period < input.values.length; period++) {
    const value = input.values[period];
    if (typeof value !== "number" || !Number.isFinite(value)) continue;
    used.push(value);
    usedPeriods.push(period);
  }
  if (used.length < SPC_MIN_POINTS) return null;

  const split = rebaseSplit(input, usedPeriods);
  const segments = split === null ? [used] : [used.slice(0, split), used.slice(split)];
  const judged = segments.map((values) => {
    if (values.length < SPC_MIN_POINTS) {
      return { limits: null, marks: values.map(() => false), size: values.length };
    }
    const limits = processLimits(
      baselinePoints === null ? values : values.slice(0, baselinePoints),
    );
    return { limits, marks: specialCause(values, limits), size: values.length };
  });
  const current = judged[judged.length - 1];
  if (current === undefined || current.limits === null) return null;
  const { limits } = current;
  const special = judged.length === 1 ? current.marks : judged.flatMap((s) => s.marks);

  const latest = used[used.length - 1] as number;
  const previous = used[used.length - 2] as number;
  return {
    result: {
      mean: limits.mean,
      lower: limits.lower,
      upper: limits.upper,
      variation: special[special.length - 1]
        ? specialVariation(latest, previous, limits.mean, input.polarity)
        : "common",
      assurance: assurance(input.target, limits, input.polarity),
      special,
    },
    limits: judged.flatMap((s) => Array.from({ length: s.size }, () => s.limits)),
  };
}

/**
 * Mean and limits of a run of at least two values. Moving ranges at or above
 * 3.267 × their mean are dropped and the mean moving range recomputed once
 * (not repeated until none is left). A flat series keeps a zero moving range.
 */
export function processLimits(values: readonly number[]): ProcessLimits {
  const mean = average(values);
  const ranges: number[] = [];
  for (let i = 1; i < values.length; i++) {
    ranges.push(Math.abs((values[i] as number) - (values[i - 1] as number)));
  }
  const firstMean = average(ranges);
  const kept = firstMean > 0 ? ranges.filter((range) => range < SCREEN_FACTOR * firstMean) : ranges;
  const movingRangeMean = average(kept);
  return {
    mean,
    lower: mean - LIMIT_FACTOR * movingRangeMean,
    upper: mean + LIMIT_FACTOR * movingRangeMean,
    movingRangeMean,
  };
}

/**
 * The index in `used` where the later segment starts, or null for one
 * segment: a rebase at or before the first value changes nothing, and one
 * entered for a period no value has reached yet takes effect when one does.
 */
function rebaseSplit(input: SpcInput, usedPeriods: readonly number[]): number | null {
  if (input.rebaseAt === undefined || input.rebaseAt === null || input.rebaseAt === "") return null;
  const at = input.periods.indexOf(input.rebaseAt);
  if (at < 0) {
    throw new RangeError(
      `Rebase period "${input.rebaseAt}" is not one of the reporting periods (${input.periods.join(", ")}).`,
    );
  }
  const split = usedPeriods.findIndex((period) => period >= at);
  if (split <= 0) return null;
  return split;
}

function checkedBaseline(points: number | null | undefined): number | null {
  if (points === undefined || points === null) return null;
  if (!Number.isInteger(points) || points < SPC_MIN_POINTS) {
    throw new RangeError(
      `SPC baseline must be a whole number of points, at least ${SPC_MIN_POINTS}; got ${points}.`,
    );
  }
  return points;
}

/**
 * The side of the mean the latest (special) point is on decides the verdict.
 * Only a trend can mark a point lying exactly on the mean; its direction
 * (the step from the previous point) decides then.
 */
function specialVariation(
  latest: number,
  previous: number,
  mean: number,
  polarity: Polarity | null,
): SpcVariation {
  const side = sideOfMean(latest, mean) || sideOfMean(latest, previous);
  switch (polarity) {
    case "Higher is better":
      return side > 0 ? "improvement" : "concern";
    case "Lower is better":
      return side < 0 ? "improvement" : "concern";
    default:
      return side > 0 ? "neutral_high" : "neutral_low";
  }
}

/** Will the process, as it runs now, meet the target? Limits themselves count as inside. */
function assurance(
  target: number | null,
  limits: ProcessLimits,
  polarity: Polarity | null,
): SpcAssurance | null {
  if (target === null || !Number.isFinite(target)) return null;
  const above = target > limits.upper;
  const below = target < limits.lower;
  switch (polarity) {
    case "Higher is better":
      return above ? "fail" : below ? "pass" : "inconsistent";
    case "Lower is better":
      return below ? "fail" : above ? "pass" : "inconsistent";
    default:
      return null;
  }
}

function average(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return values.length === 0 ? 0 : sum / values.length;
}

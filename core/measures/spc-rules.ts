/**
 * The four special-cause rules of NHS England's "Making Data Count" XmR
 * chart, applied to one segment of points (one set of limits). Each rule
 * returns one flag per point, marking every point involved in a signal.
 *
 * Comparisons are strict where the guidance says "beyond" or "strictly":
 * a point exactly on a limit is inside it, a point exactly on the mean is
 * on neither side, and a tie in a trend breaks it.
 */

/** Centre line and process limits of one segment, and the moving-range mean they came from. */
export interface ProcessLimits {
  mean: number;
  lower: number;
  upper: number;
  /** Mean moving range after screening; the limits are mean ± 2.66 × this. */
  movingRangeMean: number;
}

/** Making Data Count uses 7 for both the shift and the trend (6 and 5 are run-chart rules, another tool). */
export const RUN_LENGTH = 7;

/** +1 above the mean, −1 below it, 0 exactly on it. */
export function sideOfMean(value: number, mean: number): -1 | 0 | 1 {
  if (value > mean) return 1;
  if (value < mean) return -1;
  return 0;
}

// Each rule has a marker that adds its marks to a shared array (one pass per
// rule, no array per rule: 1,000 indicators are judged on every check) and an
// exported form that returns the rule's marks alone.

/** Rule 1: a point beyond a process limit. */
export function beyondLimits(values: readonly number[], limits: ProcessLimits): boolean[] {
  return alone(values, (marked) => markBeyondLimits(values, limits, marked));
}

/** Rule 2: a run of 7 or more consecutive points on the same side of the mean. */
export function shifts(values: readonly number[], limits: ProcessLimits): boolean[] {
  return alone(values, (marked) => markShifts(sidesOf(values, limits.mean), marked));
}

/**
 * Rule 3: 7 or more consecutive points each strictly higher (or each strictly
 * lower) than the one before, so 6 steps the same way.
 */
export function trends(values: readonly number[]): boolean[] {
  return alone(values, (marked) => markTrends(values, marked));
}

/**
 * Rule 4: two of three consecutive points in the near-limit band (beyond two
 * thirds of the way from the mean to a limit, not beyond the limit), all
 * three on the same side of the mean. Only the near-limit points are marked:
 * the third point of the window may be anywhere on that side.
 */
export function twoOfThreeNearLimit(values: readonly number[], limits: ProcessLimits): boolean[] {
  return alone(values, (marked) =>
    markTwoOfThree(values, sidesOf(values, limits.mean), limits, marked),
  );
}

/** Every point that any of the four rules marks. */
export function specialCause(values: readonly number[], limits: ProcessLimits): boolean[] {
  const sides = sidesOf(values, limits.mean);
  const marked = falses(values.length);
  markBeyondLimits(values, limits, marked);
  markShifts(sides, marked);
  markTrends(values, marked);
  markTwoOfThree(values, sides, limits, marked);
  return marked;
}

function markBeyondLimits(values: readonly number[], limits: ProcessLimits, marked: boolean[]) {
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value > limits.upper || value < limits.lower) marked[i] = true;
  }
}

function markShifts(sides: readonly number[], marked: boolean[]) {
  markRuns(sides, RUN_LENGTH, 0, marked);
}

/**
 * A step is stored on the later point of each pair, so a run of 6 equal
 * steps at indices a…b involves the points a − 1…b.
 */
function markTrends(values: readonly number[], marked: boolean[]) {
  const steps: number[] = [0];
  for (let i = 1; i < values.length; i++) {
    steps.push(sideOfMean(values[i] as number, values[i - 1] as number));
  }
  markRuns(steps, RUN_LENGTH - 1, 1, marked);
}

function markTwoOfThree(
  values: readonly number[],
  sides: readonly number[],
  limits: ProcessLimits,
  marked: boolean[],
) {
  const nearUpper = limits.mean + (2 / 3) * (limits.upper - limits.mean);
  const nearLower = limits.mean - (2 / 3) * (limits.mean - limits.lower);
  const near: boolean[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    near.push(
      (value > nearUpper && value <= limits.upper) || (value < nearLower && value >= limits.lower),
    );
  }
  for (let start = 0; start + 3 <= values.length; start++) {
    const side = sides[start];
    if (side === 0 || sides[start + 1] !== side || sides[start + 2] !== side) continue;
    const count = Number(near[start]) + Number(near[start + 1]) + Number(near[start + 2]);
    if (count < 2) continue;
    for (let i = start; i < start + 3; i++) if (near[i]) marked[i] = true;
  }
}

/**
 * Marks every member of each maximal run of equal non-zero keys (sides of the
 * mean, or directions of steps) at least `minimum` long, and `back` points
 * before it.
 */
function markRuns(keys: readonly number[], minimum: number, back: number, marked: boolean[]) {
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] === keys[start]) continue;
    if (keys[start] !== 0 && i - start >= minimum) marked.fill(true, Math.max(0, start - back), i);
    start = i;
  }
}

function sidesOf(values: readonly number[], mean: number): number[] {
  const sides: number[] = [];
  for (let i = 0; i < values.length; i++) sides.push(sideOfMean(values[i] as number, mean));
  return sides;
}

function falses(length: number): boolean[] {
  const marked: boolean[] = [];
  for (let i = 0; i < length; i++) marked.push(false);
  return marked;
}

function alone(values: readonly number[], mark: (marked: boolean[]) => void): boolean[] {
  const marked = falses(values.length);
  mark(marked);
  return marked;
}

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

/** Rule 1: a point beyond a process limit. */
export function beyondLimits(values: readonly number[], limits: ProcessLimits): boolean[] {
  return values.map((value) => value > limits.upper || value < limits.lower);
}

/** Rule 2: a run of 7 or more consecutive points on the same side of the mean. */
export function shifts(values: readonly number[], limits: ProcessLimits): boolean[] {
  const sides = values.map((value) => sideOfMean(value, limits.mean));
  return markRuns(sides, (side) => side !== 0, RUN_LENGTH);
}

/**
 * Rule 3: 7 or more consecutive points each strictly higher (or each strictly
 * lower) than the one before, so 6 steps the same way. A step is stored on the
 * later point of each pair; a run of k equal steps involves k + 1 points.
 */
export function trends(values: readonly number[]): boolean[] {
  const steps: (-1 | 0 | 1)[] = values.map((value, i) =>
    i === 0 ? 0 : sideOfMean(value, values[i - 1] ?? value),
  );
  const stepRuns = markRuns(steps, (step) => step !== 0, RUN_LENGTH - 1);
  // A marked step marks both of its points.
  return values.map((_, i) => stepRuns[i] === true || stepRuns[i + 1] === true);
}

/**
 * Rule 4: two of three consecutive points in the near-limit band (beyond two
 * thirds of the way from the mean to a limit, not beyond the limit), all
 * three on the same side of the mean. Only the near-limit points are marked:
 * the third point of the window may be anywhere on that side.
 */
export function twoOfThreeNearLimit(values: readonly number[], limits: ProcessLimits): boolean[] {
  const nearUpper = limits.mean + (2 / 3) * (limits.upper - limits.mean);
  const nearLower = limits.mean - (2 / 3) * (limits.mean - limits.lower);
  const near = values.map(
    (value) =>
      (value > nearUpper && value <= limits.upper) || (value < nearLower && value >= limits.lower),
  );
  const sides = values.map((value) => sideOfMean(value, limits.mean));
  const marked = values.map(() => false);
  for (let start = 0; start + 3 <= values.length; start++) {
    const window = [start, start + 1, start + 2];
    const side = sides[start];
    if (side === 0 || !window.every((i) => sides[i] === side)) continue;
    if (window.filter((i) => near[i]).length < 2) continue;
    for (const i of window) if (near[i]) marked[i] = true;
  }
  return marked;
}

/** Every point that any of the four rules marks. */
export function specialCause(values: readonly number[], limits: ProcessLimits): boolean[] {
  const rules = [
    beyondLimits(values, limits),
    shifts(values, limits),
    trends(values),
    twoOfThreeNearLimit(values, limits),
  ];
  return values.map((_, i) => rules.some((rule) => rule[i] === true));
}

/**
 * Marks every member of each maximal run of equal, qualifying keys that is at
 * least `minimum` long.
 */
function markRuns<K>(
  keys: readonly K[],
  qualifies: (key: K) => boolean,
  minimum: number,
): boolean[] {
  const marked = keys.map(() => false);
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    const runEnds = i === keys.length || keys[i] !== keys[start];
    if (!runEnds) continue;
    const first = keys[start];
    if (first !== undefined && qualifies(first) && i - start >= minimum) {
      marked.fill(true, start, i);
    }
    start = i;
  }
  return marked;
}

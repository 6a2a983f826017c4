import type { Direction, Indicator, Polarity, RagStatus } from "../model/types.js";

/**
 * RAG and direction of travel, exactly as the Indicators sheet's formulas
 * compute them (see layout/tables/indicators.ts): same order of operations,
 * so the TypeScript and the spreadsheet agree to the last bit.
 */

/** The last period with a value, or null when no period has one. */
export function latestValue(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--) {
    const value = values[i];
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

/** The value before the latest one (skipping blank periods), or null. */
export function previousValue(values: readonly (number | null)[]): number | null {
  let seenLatest = false;
  for (let i = values.length - 1; i >= 0; i--) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    if (seenLatest) return value;
    seenLatest = true;
  }
  return null;
}

export function ragFor(
  latest: number | null,
  target: number | null,
  tolerance: number | null,
  polarity: Polarity | null,
): RagStatus {
  if (latest === null || target === null || polarity === null) return "No data";
  const band = Math.abs(target) * (tolerance ?? 0);
  switch (polarity) {
    case "Higher is better":
      if (latest >= target) return "Green";
      return latest >= target - band ? "Amber" : "Red";
    case "Lower is better":
      if (latest <= target) return "Green";
      return latest <= target + band ? "Amber" : "Red";
    case "Closer to target": {
      const distance = Math.abs(latest - target);
      if (distance <= band) return "Green";
      return distance <= 2 * band ? "Amber" : "Red";
    }
  }
}

export function ragStatus(indicator: Indicator): RagStatus {
  return ragFor(
    latestValue(indicator.values),
    indicator.target,
    indicator.tolerance,
    indicator.polarity,
  );
}

export function directionFor(
  latest: number | null,
  previous: number | null,
  target: number | null,
  polarity: Polarity | null,
): Direction {
  if (latest === null || previous === null || polarity === null) return "";
  let better: number;
  switch (polarity) {
    case "Higher is better":
      better = latest - previous;
      break;
    case "Lower is better":
      better = previous - latest;
      break;
    case "Closer to target":
      if (target === null) return "";
      better = Math.abs(previous - target) - Math.abs(latest - target);
      break;
  }
  if (better > 0) return "Improving";
  if (better < 0) return "Worsening";
  return "No change";
}

export function direction(indicator: Indicator): Direction {
  return directionFor(
    latestValue(indicator.values),
    previousValue(indicator.values),
    indicator.target,
    indicator.polarity,
  );
}

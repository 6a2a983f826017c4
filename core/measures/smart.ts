import type { Objective, SmartChecks } from "../model/types.js";

export const SMART_LETTERS: readonly { key: keyof SmartChecks; header: string }[] = [
  { key: "specific", header: "Specific" },
  { key: "measurable", header: "Measurable" },
  { key: "achievable", header: "Achievable" },
  { key: "realistic", header: "Realistic" },
  { key: "timeBound", header: "Time-bound" },
];

/** How many of the five SMART letters an objective meets (0 to 5). */
export function smartScore(smart: SmartChecks): number {
  return SMART_LETTERS.filter(({ key }) => smart[key]).length;
}

/** The letters an objective fails, e.g. ["Measurable", "Time-bound"]. */
export function smartGaps(objective: Objective): string[] {
  return SMART_LETTERS.filter(({ key }) => !objective.smart[key]).map(({ header }) => header);
}

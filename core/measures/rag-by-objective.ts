import { RAG_STATUSES, type Indicator, type RagStatus } from "../model/types.js";
import { ragStatus } from "./indicator.js";

export interface ObjectiveRagCounts {
  objectiveId: string;
  counts: Record<RagStatus, number>;
}

/**
 * How many of each objective's indicators are at each RAG status, one entry
 * per objective ID in the order given: what the Summary's "Indicators by
 * objective" rows compute with COUNTIFS over the sheet's RAG column. Like COUNTIFS, IDs match without
 * regard to case; indicators under an objective not listed are not counted.
 */
export function ragCountsByObjective(
  objectiveIds: readonly string[],
  indicators: readonly Indicator[],
  /** Each indicator's RAG as the sheet shows it (over-time.ts latestRags); against the final target when absent. */
  rags?: readonly RagStatus[],
): ObjectiveRagCounts[] {
  const statuses = indicators.map((indicator, i) => ({
    key: indicator.objectiveId.toLowerCase(),
    status: rags?.[i] ?? ragStatus(indicator),
  }));
  return objectiveIds.map((objectiveId) => {
    const counts = Object.fromEntries(RAG_STATUSES.map((s) => [s, 0])) as Record<RagStatus, number>;
    const key = objectiveId.toLowerCase();
    for (const entry of statuses) if (entry.key === key) counts[entry.status] += 1;
    return { objectiveId, counts };
  });
}

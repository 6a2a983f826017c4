import type { Instrument } from "../instruments/types.js";
import type { Partnership, RagStatus } from "../model/types.js";
import { instrumentResult, itemStats, scoresInOrder, type InstrumentResult } from "./assessment.js";
import { analyseAssessments, itemSummaries, type ItemSummary } from "./assessment-analysis.js";
import { financeSummary, type FinanceSummary } from "./finance.js";
import { direction } from "./indicator.js";
import { latestRags } from "./over-time.js";
import { smartGaps } from "./smart.js";

/** What `partnership check` and the task pane's Check section show. */
export interface PartnershipSummary {
  rag: Record<RagStatus, number>;
  improving: number;
  worsening: number;
  finance: FinanceSummary;
  /** Each grid's result, with its items' analysis for the current round (issue 8). */
  instruments: (InstrumentResult & { items: ItemSummary[] })[];
  weakestItems: { instrument: string; section: string; statement: string; mean: number }[];
  objectivesFailingSmart: { id: string; gaps: string[] }[];
}

export function summarise(
  partnership: Partnership,
  instruments: readonly Instrument[],
  weakestCount = 5,
): PartnershipSummary {
  const rag: Record<RagStatus, number> = { Green: 0, Amber: 0, Red: 0, "No data": 0 };
  let improving = 0;
  let worsening = 0;
  // RAG as the sheet's RAG column has it: the latest value against its period's expected value.
  const rags = latestRags(partnership);
  partnership.indicators.forEach((_, i) => (rag[rags[i] ?? "No data"] += 1));
  for (const indicator of partnership.indicators) {
    const travel = direction(indicator);
    if (travel === "Improving") improving += 1;
    if (travel === "Worsening") worsening += 1;
  }
  const shortNames = partnership.partners.map((p) => p.shortName);
  const results: InstrumentResult[] = [];
  const allItems: PartnershipSummary["weakestItems"] = [];
  for (const instrument of instruments) {
    if (instrument.kind !== "grid") continue;
    const assessment = partnership.assessments.find((a) => a.instrumentId === instrument.id);
    results.push(instrumentResult(instrument, assessment, shortNames));
    // Only scales where low means weak can name the partnership's weakest items.
    for (const item of instrument.lowIsWeak ? (assessment?.items ?? []) : []) {
      const { mean } = itemStats(scoresInOrder(item, shortNames), instrument);
      // Normalise to the 0–1 range so items on different scales compare fairly.
      if (mean !== null) {
        allItems.push({
          instrument: instrument.title,
          section: item.section,
          statement: item.statement,
          mean: (mean - instrument.scale.min) / (instrument.scale.max - instrument.scale.min),
        });
      }
    }
  }
  allItems.sort((a, b) => a.mean - b.mean);
  const analysis = analyseAssessments(partnership, instruments);
  const analysed = "error" in analysis ? [] : analysis;
  return {
    rag,
    improving,
    worsening,
    finance: financeSummary(partnership.finance, partnership.partners),
    instruments: results.map((result) => ({
      ...result,
      items: itemSummaries(analysed.find((a) => a.instrumentId === result.instrumentId)),
    })),
    weakestItems: allItems.slice(0, weakestCount),
    objectivesFailingSmart: partnership.objectives
      .map((o) => ({ id: o.id, gaps: smartGaps(o) }))
      .filter((o) => o.gaps.length > 0),
  };
}

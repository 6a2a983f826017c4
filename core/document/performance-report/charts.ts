import { RAG_CHART_COLOURS } from "../../chart/palette.js";
import type { ChartSpec } from "../../chart/types.js";
import { xmrChartSpec } from "../../chart/xmr.js";
import { RAG_STATUSES, type Partnership } from "../../model/types.js";
import type { IndicatorStatus } from "../../report/indicator-status.js";
import type { Block } from "../markup/blocks.js";

/**
 * The charts the performance report's template can name: `::: chart xmr ID`
 * (an indicator's XmR chart, as on the SPC sheet) and `::: chart
 * ragByObjective` (indicators by objective and RAG at the report's period).
 * Both come from the same statuses as the report's tables, so a chart never
 * disagrees with the table above it.
 */

export interface ReportChartSource {
  partnership: Partnership;
  statuses: readonly IndicatorStatus[];
  period: string;
}

type Built = ChartSpec | { error: string } | null;

function xmr({ statuses }: ReportChartSource, id: string): Built {
  if (id === "") return { error: 'no indicator ID given: write one, as in "::: chart xmr K1"' };
  const status = statuses.find((s) => s.indicator.id === id);
  if (!status) return { error: `no indicator has the ID "${id}"` };
  // Fewer than twelve values: no chart, and the table already says why.
  return status.spc ? xmrChartSpec(status.spc) : null;
}

function ragByObjective({ partnership, statuses, period }: ReportChartSource): Built {
  const ids = partnership.objectives.map((o) => o.id);
  const categories = ids.map((id, i) => id || `Objective ${i + 1}`);
  const counts = ids.map((id) =>
    RAG_STATUSES.map(
      (rag) =>
        statuses.filter(
          (s) => s.rag === rag && s.indicator.objectiveId.toLowerCase() === id.toLowerCase(),
        ).length,
    ),
  );
  return {
    type: "stackedBar",
    title: `Indicators by objective and RAG status${period ? `, ${period}` : ""}`,
    categories,
    series: RAG_STATUSES.map((rag, r) => ({
      name: rag,
      values: counts.map((row) => row[r] ?? 0),
      color: RAG_CHART_COLOURS[rag],
    })).filter((s) => s.values.some((v) => v > 0)),
    valueAxisTitle: "Indicators",
    valueAxis: { min: 0, majorUnit: 1 },
  };
}

const CHARTS: Record<string, (source: ReportChartSource, argument: string) => Built> = {
  xmr,
  ragByObjective,
};

/** Each chart block's chart; a block whose indicator has no SPC draws nothing. */
export function resolvePerformanceCharts(
  blocks: readonly Block[],
  source: ReportChartSource,
): { charts: Map<Block, ChartSpec>; issues: { message: string; snippet: string }[] } {
  const charts = new Map<Block, ChartSpec>();
  const issues: { message: string; snippet: string }[] = [];
  for (const block of blocks) {
    if (block.kind !== "chart") continue;
    const build = Object.hasOwn(CHARTS, block.name) ? CHARTS[block.name] : undefined;
    if (!build) {
      issues.push({
        message: `Chart "${block.name}" is not a chart the performance report knows; use one of ${Object.keys(CHARTS).join(", ")}`,
        snippet: block.source,
      });
      continue;
    }
    const built = build(source, block.argument);
    if (built === null) continue;
    if ("error" in built)
      issues.push({ message: `Chart "${block.name}": ${built.error}`, snippet: block.source });
    else charts.set(block, built);
  }
  return { charts, issues };
}

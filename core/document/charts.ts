import { latestRags } from "../measures/over-time.js";
import type { ChartSpec } from "../chart/types.js";
import type { GridInstrument, Instrument } from "../instruments/types.js";
import { instrumentResult } from "../measures/index.js";
import { ragCountsByObjective } from "../measures/rag-by-objective.js";
import { RAG_CHART_COLOURS } from "../chart/palette.js";
import { RAG_STATUSES, type Partnership } from "../model/types.js";
import type { Block } from "./markup/blocks.js";

/**
 * The charts a document template can ask for by name (`::: chart
 * ragByObjective`), each computed from the partnership when a document uses
 * it, never before: a document without charts costs nothing. A new chart for
 * the board reports is a new entry here, and templates pick it up by name.
 */

export interface ChartSource {
  partnership: Partnership;
  /** The assessment instruments, for charts of scores (titles and scales live there). */
  instruments: readonly Instrument[];
}

export interface DocumentChart {
  /** What the chart shows, for the template authors' guide and error messages. */
  summary: string;
  /** What the argument names, when the chart takes one ("an indicator ID"). */
  argument?: string;
  /** The chart, or a message saying why the template's request cannot be met. */
  build(source: ChartSource, argument: string): ChartSpec | { error: string };
}

function ragByObjective({ partnership }: ChartSource): ChartSpec {
  const ids = partnership.objectives.map((o) => o.id);
  const listed = new Set(ids.map((id) => id.toLowerCase()));
  // Indicators under an objective the Objectives table lacks still count, under their own id,
  // so the chart's total is every indicator (the Summary sheet lists those as a problem).
  for (const indicator of partnership.indicators) {
    const key = indicator.objectiveId.toLowerCase();
    if (!listed.has(key)) {
      listed.add(key);
      ids.push(indicator.objectiveId);
    }
  }
  const rows = ragCountsByObjective(ids, partnership.indicators, latestRags(partnership));
  const categories = ids.map(
    (id, i) => id || (i < partnership.objectives.length ? `Objective ${i + 1}` : "No objective"),
  );
  const period = partnership.periods[partnership.periods.length - 1];
  return {
    type: "stackedBar",
    title: `Indicators by objective and RAG status${period ? `, ${period}` : ""}`,
    categories,
    // A status no indicator has would only add an empty legend entry.
    series: RAG_STATUSES.filter((status) => rows.some((row) => row.counts[status] > 0)).map(
      (status) => ({
        name: status,
        values: rows.map((row) => row.counts[status]),
        color: RAG_CHART_COLOURS[status],
      }),
    ),
    valueAxisTitle: "Indicators",
    valueAxis: { min: 0, majorUnit: 1 },
  };
}

/**
 * Instruments score on different scales (0–2, 1–4, 1–5), so each mean is
 * shown as a percentage of its own scale's range: 0 is every partner giving
 * the lowest score, 100 the highest. Raw means side by side would rank a
 * 3 out of 4 below a 3.5 out of 5.
 */
function instrumentScores({
  partnership,
  instruments,
}: ChartSource): ChartSpec | { error: string } {
  // Without the instruments there are no titles or scales: an empty chart would hide the gap.
  if (instruments.length === 0)
    return {
      error: "needs the assessment instruments, and none were given to the document builder",
    };
  const shortNames = partnership.partners.map((p) => p.shortName);
  const grids = instruments.filter((i): i is GridInstrument => i.kind === "grid");
  const scored = grids
    .map((instrument) => {
      const assessment = partnership.assessments.find((a) => a.instrumentId === instrument.id);
      const mean = instrumentResult(instrument, assessment, shortNames).overallMean;
      const range = instrument.scale.max - instrument.scale.min;
      return {
        title: instrument.title,
        value: mean === null || range <= 0 ? null : ((mean - instrument.scale.min) / range) * 100,
      };
    })
    .filter((entry) => entry.value !== null);
  return {
    type: "bar",
    title: "Mean assessment score by instrument",
    categories: scored.map((s) => s.title),
    series: [{ name: "Mean score (% of scale)", values: scored.map((s) => roundTo(s.value, 1)) }],
    valueAxisTitle: "% of the scale (0 lowest, 100 highest)",
    valueAxis: { min: 0, max: 100, majorUnit: 20 },
  };
}

function indicatorTrend({ partnership }: ChartSource, id: string): ChartSpec | { error: string } {
  if (id === "")
    return {
      error: 'no indicator ID given: write one after the name, as in "::: chart indicatorTrend I3"',
    };
  const indicator = partnership.indicators.find((i) => i.id === id);
  if (!indicator) return { error: `no indicator has the ID "${id}"` };
  // Percentages are stored as fractions; a chart of 0.35s would read as nonsense.
  const scale = indicator.unit.trim() === "%" ? 100 : 1;
  const scaled = (v: number | null) => (v === null ? null : roundTo(v * scale, 6));
  const series: ChartSpec["series"] = [
    { name: indicator.id, values: indicator.values.map(scaled), color: "#1F4E79" },
  ];
  if (indicator.target !== null) {
    series.push({
      name: "Target",
      values: partnership.periods.map(() => scaled(indicator.target)),
      color: "#7F7F7F",
    });
  }
  return {
    type: "line",
    title: `${indicator.id}: ${indicator.indicator}`,
    categories: [...partnership.periods],
    series,
    ...(indicator.unit.trim() ? { valueAxisTitle: indicator.unit.trim() } : {}),
  };
}

function roundTo(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export const DOCUMENT_CHARTS: Readonly<Record<string, DocumentChart>> = {
  ragByObjective: {
    summary: "indicators by objective, stacked by RAG status at the latest period (stacked bar)",
    build: ragByObjective,
  },
  instrumentScores: {
    summary: "each assessment instrument's mean score as a percentage of its scale (bar)",
    build: instrumentScores,
  },
  indicatorTrend: {
    summary: "one indicator's values over the reporting periods, with its target (line)",
    argument: "an indicator ID",
    build: indicatorTrend,
  },
};

/** The chart a template asks for, or a message for the template author. */
export function documentChart(
  name: string,
  argument: string,
  source: ChartSource,
): ChartSpec | { error: string } {
  const chart = Object.hasOwn(DOCUMENT_CHARTS, name) ? DOCUMENT_CHARTS[name] : undefined;
  if (!chart) {
    return {
      error: `Chart "${name}" is not a chart the documents know; use one of ${Object.keys(DOCUMENT_CHARTS).join(", ")}`,
    };
  }
  if (!chart.argument && argument !== "")
    return { error: `Chart "${name}" takes no argument, got "${argument}"` };
  const built = chart.build(source, argument);
  return "error" in built ? { error: `Chart "${name}": ${built.error}` } : built;
}

export interface ChartIssue {
  message: string;
  /** `::: chart name` as written, to find it in the templates. */
  snippet: string;
}

/** Each chart block's chart; nothing is computed for a document without chart blocks. */
export function resolveCharts(
  blocks: readonly Block[],
  source: ChartSource,
): { charts: Map<Block, ChartSpec>; issues: ChartIssue[] } {
  const charts = new Map<Block, ChartSpec>();
  const issues: ChartIssue[] = [];
  for (const block of blocks) {
    if (block.kind !== "chart") continue;
    const chart = documentChart(block.name, block.argument, source);
    if ("error" in chart) issues.push({ message: chart.error, snippet: block.source });
    else charts.set(block, chart);
  }
  return { charts, issues };
}

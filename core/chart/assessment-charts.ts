import type { InstrumentAnalysis } from "../measures/assessment-analysis.js";
import type { ChartSpec } from "./types.js";

/**
 * Issue 8's charts of one instrument, host-neutral: the workbook places them
 * over its own cells, the report draws them from these literals.
 */

/** Below three sections a radar is a line or a point: a bar reads better. */
export const RADAR_MIN_SECTIONS = 3;

const CURRENT = "#1F4E79";
const PREVIOUS = "#A6A6A6";

function rounded(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/** Section means, this round against the round before (when there was one). */
export function sectionMeansChart(analysis: InstrumentAnalysis): ChartSpec {
  const sections = analysis.sections;
  const series: ChartSpec["series"] = [
    { name: analysis.round, values: sections.map((s) => rounded(s.mean)), color: CURRENT },
  ];
  if (analysis.previousRound !== null && sections.some((s) => s.previousMean !== null)) {
    series.push({
      name: analysis.previousRound,
      values: sections.map((s) => rounded(s.previousMean)),
      color: PREVIOUS,
    });
  }
  return {
    type: sections.length >= RADAR_MIN_SECTIONS ? "radar" : "bar",
    title: `${analysis.title}: section means`,
    categories: sections.map((s) => s.name),
    series,
    valueAxis: { min: analysis.scale.min, max: analysis.scale.max, majorUnit: 1 },
  };
}

/**
 * Each respondent's perception gap on each contested item: a bar above the
 * axis scored higher than the others did, below it lower.
 */
export function perceptionGapChart(analysis: InstrumentAnalysis): ChartSpec | null {
  const contested = analysis.items.filter((i) => i.contested);
  if (contested.length === 0) return null;
  const range = analysis.scale.max - analysis.scale.min;
  return {
    type: "bar",
    title: `${analysis.title}: perception gaps on contested items`,
    categories: contested.map((i) => shortLabel(i.statement)),
    series: analysis.respondents.map((respondent) => ({
      name: respondent,
      values: contested.map((i) => rounded(i.gaps[respondent] ?? null)),
    })),
    valueAxisTitle: "Score minus the others' mean",
    valueAxis: { min: -range, max: range, majorUnit: 1 },
  };
}

/** A statement cut to fit under a bar; the report's table beside it has the whole text. */
function shortLabel(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

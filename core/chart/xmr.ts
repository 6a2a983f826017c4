import { spcInputOf } from "../measures/spc-input.js";
import { spcDetail, type SpcResult } from "../measures/spc.js";
import type { Indicator } from "../model/types.js";
import type { ChartSeries, ChartSpec } from "./types.js";

/**
 * An indicator's XmR chart: the points SPC used (blank periods skipped, as
 * the rules skip them), the centre line, the process limits, the target and
 * the special-cause points. The SPC sheet writes these points as a table
 * its chart refers to; the performance report draws the same chart in Word.
 */

export interface XmrPoint {
  period: string;
  value: number;
  special: boolean;
  /** The mean and limits this point is judged against: they step at a rebase; null before a rebase too early to have any. */
  mean: number | null;
  lower: number | null;
  upper: number | null;
}

export interface XmrData {
  indicator: Indicator;
  points: XmrPoint[];
  spc: SpcResult;
}

/**
 * The points and SPC verdict of an indicator, or null below the twelve
 * values SPC needs. Judged as measures/over-time.ts judges it (one
 * spcInputOf), so the chart and the sheet's Variation agree.
 */
export function xmrData(indicator: Indicator, periods: readonly string[]): XmrData | null {
  const input = spcInputOf(indicator, periods);
  const detail = spcDetail(input);
  if (detail === null) return null;
  const { result } = detail;
  const points: XmrPoint[] = [];
  input.values.forEach((value, i) => {
    if (typeof value !== "number" || !Number.isFinite(value)) return;
    const limits = detail.limits[points.length] ?? null;
    points.push({
      period: periods[i] ?? "",
      value,
      special: result.special[points.length] ?? false,
      mean: limits?.mean ?? null,
      lower: limits?.lower ?? null,
      upper: limits?.upper ?? null,
    });
  });
  return { indicator, points, spc: result };
}

/** Series colours: the data dark, the lines grey, special cause orange (not a RAG colour). */
export const XMR_COLOURS = {
  value: "#1F4E79",
  mean: "#7F7F7F",
  limit: "#A5A5A5",
  target: "#7F6084",
  special: "#ED7D31",
} as const;

/** The series' names, which are also the SPC sheet's column headers. */
export const XMR_SERIES_NAMES = {
  value: "Value",
  mean: "Mean",
  lower: "Lower process limit",
  upper: "Upper process limit",
  target: "Target",
  special: "Special cause",
} as const;

export type XmrColumn = keyof typeof XMR_SERIES_NAMES;
export const XMR_COLUMNS: readonly XmrColumn[] = [
  "value",
  "mean",
  "lower",
  "upper",
  "target",
  "special",
];

/** One row of plotted numbers per point, column by column (null: nothing to plot). */
export function xmrColumns(data: XmrData, scale = 1): Record<XmrColumn, (number | null)[]> {
  // Scaled values are rounded to twelve figures: ×100 of a fraction leaves 35.00000000000001.
  const s = (v: number | null) =>
    v === null ? null : scale === 1 ? v : Number((v * scale).toPrecision(12));
  const target = data.indicator.target;
  return {
    value: data.points.map((p) => s(p.value)),
    mean: data.points.map((p) => s(p.mean)),
    lower: data.points.map((p) => s(p.lower)),
    upper: data.points.map((p) => s(p.upper)),
    target: data.points.map(() => (target === null ? null : s(target))),
    special: data.points.map((p) => (p.special ? s(p.value) : null)),
  };
}

const STYLE: Record<XmrColumn, Pick<ChartSeries, "color" | "style">> = {
  value: { color: XMR_COLOURS.value },
  mean: { color: XMR_COLOURS.mean, style: "plain" },
  lower: { color: XMR_COLOURS.limit, style: "dashed" },
  upper: { color: XMR_COLOURS.limit, style: "dashed" },
  target: { color: XMR_COLOURS.target, style: "plain" },
  special: { color: XMR_COLOURS.special, style: "markers" },
};

/** The series a chart draws: a target line only when there is a target. */
export function xmrSeriesColumns(data: XmrData): XmrColumn[] {
  return XMR_COLUMNS.filter((c) => c !== "target" || data.indicator.target !== null);
}

export function xmrTitle(indicator: Indicator): string {
  return `${indicator.id}: ${indicator.indicator}`.slice(0, 120);
}

/** How the values are shown: percentages are stored as fractions, charted as 0–100. */
export function percentScale(indicator: Indicator): number {
  return indicator.unit.trim() === "%" ? 100 : 1;
}

/** The chart as literals, for a Word document (no cells to refer to). */
export function xmrChartSpec(data: XmrData): ChartSpec {
  const columns = xmrColumns(data, percentScale(data.indicator));
  const unit = data.indicator.unit.trim();
  return {
    type: "line",
    title: xmrTitle(data.indicator),
    categories: data.points.map((p) => p.period),
    series: xmrSeriesColumns(data).map((c) => ({
      name: XMR_SERIES_NAMES[c],
      values: columns[c],
      ...STYLE[c],
    })),
    ...(unit ? { valueAxisTitle: unit } : {}),
    valueAxis: xmrAxis(columns),
  };
}

/**
 * Value-axis bounds around what the chart draws, on a round step: from
 * zero, the variation an XmR chart is for would be a flat line.
 */
export function xmrAxis(columns: Record<XmrColumn, (number | null)[]>): {
  min: number;
  max: number;
} {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of Object.values(columns))
    for (const v of values)
      if (v !== null && Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  if (!Number.isFinite(lo)) return { min: 0, max: 1 };
  const span = hi - lo || Math.abs(hi) || 1;
  const step = 10 ** Math.floor(Math.log10(span / 5));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => span / s <= 8) ?? step * 10;
  return {
    min: Number((Math.floor((lo - span * 0.05) / nice) * nice).toPrecision(12)),
    max: Number((Math.ceil((hi + span * 0.05) / nice) * nice).toPrecision(12)),
  };
}

/** Each series' look, for the workbook's chart operation. */
export function xmrSeriesStyle(column: XmrColumn): Pick<ChartSeries, "color" | "style"> {
  return STYLE[column];
}

import { escapeXml } from "../text/xml-escape.js";
import type { ChartSeries } from "./types.js";

/**
 * The data parts of a chart series. With a reference (a workbook chart) a
 * source is a formula plus its cached values, so Excel and LibreOffice show
 * the chart before recalculating and follow the cells afterwards. Without one
 * (a Word chart with no embedded workbook) the values are literals: a
 * reference to cells that do not exist would be a broken promise.
 */

function strPoints(values: readonly string[]): string {
  const points = values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`)
    .join("");
  return `<c:ptCount val="${values.length}"/>${points}`;
}

/** A number DrawingML can carry; NaN and infinities are gaps, as blanks are. */
function plottable(value: number | null): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function numPoints(values: readonly (number | null)[]): string {
  const points = values
    .map((v, i) => (plottable(v) ? `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>` : ""))
    .join("");
  return `<c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}`;
}

/** `c:tx`: the series name, from its header cell when there is one. */
export function seriesText(series: ChartSeries): string {
  if (series.nameRef) {
    return `<c:tx><c:strRef><c:f>${escapeXml(series.nameRef)}</c:f><c:strCache>${strPoints([series.name])}</c:strCache></c:strRef></c:tx>`;
  }
  return `<c:tx><c:v>${escapeXml(series.name)}</c:v></c:tx>`;
}

/** `c:cat`: the category labels. */
export function categoryData(categories: readonly string[], ref: string | undefined): string {
  if (ref) {
    return `<c:cat><c:strRef><c:f>${escapeXml(ref)}</c:f><c:strCache>${strPoints(categories)}</c:strCache></c:strRef></c:cat>`;
  }
  return `<c:cat><c:strLit>${strPoints(categories)}</c:strLit></c:cat>`;
}

/** `c:val`: the series values, padded or cut to one per category. */
export function valueData(series: ChartSeries, categoryCount: number): string {
  const values = Array.from({ length: categoryCount }, (_, i) => series.values[i] ?? null);
  if (series.valuesRef) {
    return `<c:val><c:numRef><c:f>${escapeXml(series.valuesRef)}</c:f><c:numCache>${numPoints(values)}</c:numCache></c:numRef></c:val>`;
  }
  return `<c:val><c:numLit>${numPoints(values)}</c:numLit></c:val>`;
}

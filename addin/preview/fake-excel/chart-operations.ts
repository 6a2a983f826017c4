/**
 * The fake workbook's charts said again as chart operations, for the
 * preview's download. Only what the add-in makes can be said: a chart of
 * another type, or one never placed or without category labels, is left
 * out rather than guessed.
 */
import type { AddChart, ChartSeriesSource } from "../../../core/chart/operation.js";
import { CHART_TYPES, type ChartType, type SeriesStyle } from "../../../core/chart/types.js";
import { cellAddress } from "../../../core/layout/address.js";
import { OFFICE_CHART_TYPES } from "../../excel/chart-step.js";
import { rectAddress } from "../../excel/a1.js";
import type { FakeChart, FakeChartSeries } from "./state.js";

function productType(officeType: string): ChartType | undefined {
  return CHART_TYPES.find((type) => OFFICE_CHART_TYPES[type] === officeType);
}

/** The XmR styles the add-in sets (chart-step.ts), read back. */
function seriesStyle(s: FakeChartSeries): SeriesStyle | undefined {
  if (s.lineStyle === "None") return "markers";
  if (s.markerStyle !== "None") return undefined;
  return s.lineStyle === "Dash" ? "dashed" : "plain";
}

export function chartOperation(sheet: string, chart: FakeChart): AddChart | null {
  const type = productType(chart.type);
  const categories = chart.series[0]?.xValues;
  if (!type || !chart.position || !categories) return null;
  const series: ChartSeriesSource[] = [];
  for (const s of chart.series) {
    if (!s.values) return null;
    const color = s.fill ?? s.line;
    const style = seriesStyle(s);
    series.push({
      name: s.name,
      values: rectAddress(s.values),
      ...(color ? { color } : {}),
      ...(style ? { style } : {}),
    });
  }
  const { minimum, maximum, majorUnit, numberFormat, title } = chart.valueAxis;
  const axis = {
    ...(minimum !== undefined ? { min: minimum } : {}),
    ...(maximum !== undefined ? { max: maximum } : {}),
    ...(majorUnit !== undefined ? { majorUnit } : {}),
    ...(numberFormat !== undefined ? { numberFormat } : {}),
  };
  return {
    kind: "addChart",
    sheet,
    name: chart.name,
    type,
    title: chart.title,
    categories: rectAddress(categories),
    series,
    anchor: {
      from: cellAddress(chart.position.from.top, chart.position.from.left),
      to: cellAddress(chart.position.to.bottom, chart.position.to.right),
    },
    ...(title ? { valueAxisTitle: title } : {}),
    ...(Object.keys(axis).length ? { valueAxis: axis } : {}),
  };
}

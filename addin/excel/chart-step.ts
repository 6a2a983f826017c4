/**
 * The Office.js calls for the chart operation, all within ExcelApi 1.9 and
 * queued without a sync: addresses come computed in the operation, so the
 * chart goes out in the same batch as the cells it plots.
 */
import type { AddChart } from "../../core/chart/operation.js";
import { seriesColour } from "../../core/chart/palette.js";
import type { ChartType, SeriesStyle } from "../../core/chart/types.js";

/** Excel's names for the product's chart types (ExcelApi 1.1). */
export const OFFICE_CHART_TYPES = {
  bar: "ColumnClustered",
  stackedBar: "ColumnStacked",
  line: "LineMarkers",
  radar: "RadarMarkers",
} as const satisfies Record<ChartType, string>;

function colourSeries(series: Excel.ChartSeries, type: ChartType, colour: string): void {
  if (type === "bar" || type === "stackedBar") {
    series.format.fill.setSolidColor(colour);
    return;
  }
  series.format.line.color = colour;
  series.markerStyle = "Circle";
  series.markerBackgroundColor = colour;
  series.markerForegroundColor = colour;
}

/** An XmR chart's mean and limits are lines without markers; its special-cause points, markers alone. */
function styleLine(series: Excel.ChartSeries, style: SeriesStyle): void {
  if (style === "markers") {
    series.format.line.lineStyle = "None"; // ExcelApi 1.7
    return;
  }
  series.markerStyle = "None";
  if (style === "dashed") series.format.line.lineStyle = "Dash";
}

export function queueChart(sheet: Excel.Worksheet, op: AddChart): void {
  const [first] = op.series;
  if (!first) return; // a chart of nothing would only be an empty frame
  const chart = sheet.charts.add(
    OFFICE_CHART_TYPES[op.type],
    sheet.getRange(first.values),
    "Columns",
  );
  chart.name = op.name;
  chart.title.text = op.title;
  chart.legend.position = "Bottom";
  chart.setPosition(op.anchor.from, op.anchor.to);
  const categories = sheet.getRange(op.categories);
  op.series.forEach((source, index) => {
    // charts.add made the first series from its source range; the rest are added by name.
    const series = index === 0 ? chart.series.getItemAt(0) : chart.series.add(source.name);
    series.name = source.name;
    series.setValues(sheet.getRange(source.values));
    series.setXAxisValues(categories);
    colourSeries(series, op.type, `#${seriesColour(source.color, index)}`);
    if (op.type === "line" && source.style) styleLine(series, source.style);
    if (op.type === "bar" || op.type === "stackedBar") series.gapWidth = 80;
    if (op.type === "stackedBar") series.overlap = 100;
  });
  const axis = chart.axes.valueAxis;
  const { min, max, majorUnit, numberFormat } = op.valueAxis ?? {};
  if (min !== undefined) axis.minimum = min;
  if (max !== undefined) axis.maximum = max;
  if (majorUnit !== undefined) axis.majorUnit = majorUnit;
  if (numberFormat !== undefined) axis.numberFormat = numberFormat; // ExcelApi 1.8
  if (op.valueAxisTitle) axis.title.text = op.valueAxisTitle;
}

/**
 * A chart as the product describes it, host-neutral: the workbook's chart
 * operation, the DrawingML part written beside exceljs's output and the
 * native Word chart in documents all start from this.
 */

export const CHART_TYPES = ["bar", "stackedBar", "line", "radar"] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/**
 * How a line series is drawn: the default is a line with markers; an XmR
 * chart draws its mean and limits as plain or dashed lines and marks its
 * special-cause points alone, so the eye goes to the data.
 */
export const SERIES_STYLES = ["plain", "dashed", "markers"] as const;
export type SeriesStyle = (typeof SERIES_STYLES)[number];

export interface ChartSeries {
  name: string;
  /** Cached values, one per category; null where there is no value. */
  values: (number | null)[];
  /** Where a spreadsheet finds the values ("'Summary'!$C$6:$C$11"); absent in Word charts. */
  valuesRef?: string;
  /** Where a spreadsheet finds the series name ("'Summary'!$C$5"). */
  nameRef?: string;
  /** CSS hex ("#C00000"); a palette colour when absent. */
  color?: string;
  /** Line charts only; a line with markers when absent. */
  style?: SeriesStyle;
}

export interface ChartSpec {
  type: ChartType;
  title: string;
  categories: string[];
  /** Where a spreadsheet finds the category labels. */
  categoriesRef?: string;
  series: ChartSeries[];
  /** Axis titles, where they help a reader. */
  valueAxisTitle?: string;
  /**
   * Fixed value-axis bounds (a 1–5 score scale reads badly auto-scaled), the
   * step between gridlines (1 for counts, so an axis never shows 2.5
   * indicators) and the labels' number format ("0%"; the values' own when absent).
   */
  valueAxis?: { min?: number; max?: number; majorUnit?: number; numberFormat?: string };
}

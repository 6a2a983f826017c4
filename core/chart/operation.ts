import type { ChartSpec, ChartType, SeriesStyle } from "./types.js";

/**
 * The workbook's chart operation: a chart over cells already written on its
 * sheet. Every address is computed in core (from the block or table the
 * chart plots), so neither host reads the workbook back to place a chart and
 * Office.js adds it in the same sync as the cells.
 */

/** One series: a column of the block, named by its header cell. */
export interface ChartSeriesSource {
  /** The series' name, set as text (Office.js ≤ 1.9 cannot point a name at a cell). */
  name: string;
  /** The header cell holding the name ("C38"), which a file's chart part refers to. */
  nameCell?: string;
  /** One value per category ("C39:C47"). */
  values: string;
  /** CSS hex ("#C00000"); a palette colour when absent. */
  color?: string;
  /** Line charts only; a line with markers when absent. */
  style?: SeriesStyle;
}

export interface AddChart {
  kind: "addChart";
  sheet: string;
  /** Unique in the workbook: Excel's selection pane and Office.js find the chart by it. */
  name: string;
  type: ChartType;
  title: string;
  /** The category labels, one column ("A39:A47"). */
  categories: string;
  series: ChartSeriesSource[];
  /** The cells whose top-left and bottom-right corners the chart spans ("A50", "C68"). */
  anchor: { from: string; to: string };
  valueAxisTitle?: string;
  valueAxis?: ChartSpec["valueAxis"];
  /**
   * What core expects the cells to show, cached in the file's chart part so
   * a reader that does not recalculate (a previewer, a phone) still draws the
   * chart; Excel and LibreOffice redraw it from the cells. Without it, the
   * cache holds the constants the cells hold and nothing for formulas.
   */
  expected?: { categories: string[]; values: (number | null)[][] };
}

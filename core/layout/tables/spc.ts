import type { AddChart } from "../../chart/operation.js";
import {
  XMR_COLUMNS,
  XMR_SERIES_NAMES,
  xmrAxis,
  xmrColumns,
  xmrData,
  xmrSeriesColumns,
  xmrSeriesStyle,
  xmrTitle,
  type XmrData,
} from "../../chart/xmr.js";
import type { Partnership } from "../../model/types.js";
import { cellAddress, rangeAddress } from "../address.js";
import { FIRST_DATA_ROW, FORMATS, HEADER_ROW, type ColumnSpec } from "../columns.js";
import type { CellInput, Operation } from "../operations.js";
import { tableSheetOperations } from "../table-sheet.js";

/**
 * The SPC sheet: for each indicator with at least twelve values, its XmR
 * chart (values, mean, process limits, target, special-cause points) beside
 * the table of points it plots. The figures are computed when the workbook
 * is built, by the same code `check` uses (not formulas: screening moving
 * ranges and marking runs is beyond a readable formula), so the sheet says
 * so and is rebuilt with the workbook.
 */

export const SPC_SHEET = "SPC";
export const SPC_TABLE = "SPC_points";

const INDICATOR_HEADER = "Indicator";
const PERIOD_HEADER = "Period";

const COLUMNS: ColumnSpec[] = [
  {
    header: INDICATOR_HEADER,
    kind: "text",
    width: 11,
    description: "The indicator's ID.",
  },
  { header: PERIOD_HEADER, kind: "text", width: 11, description: "The period of the value." },
  ...XMR_COLUMNS.map((c): ColumnSpec => ({
    header: XMR_SERIES_NAMES[c],
    kind: "number",
    width: c === "lower" || c === "upper" ? 12 : 10,
    description: "",
    format: FORMATS.ratio,
  })),
];

/**
 * At most this many indicators get a chart (and their points in the table).
 * A board reads a few dozen XmR charts; a workbook of thousands of
 * indicators would otherwise carry thousands of chart parts (a 50,000-indicator
 * workbook took minutes to write). `check` and the performance report still
 * cover every indicator.
 */
export const SPC_CHART_LIMIT = 100;

/** The chart's size in cells, to the right of the table. */
const CHART_COLUMN = COLUMNS.length + 2;
const CHART_WIDTH_COLUMNS = 9;
const CHART_ROWS = 18;

/** The indicators with SPC, in the Indicators table's order. */
export function spcIndicators(partnership: Partnership): XmrData[] {
  return partnership.indicators.flatMap((indicator) => {
    const data = xmrData(indicator, partnership.periods);
    return data ? [data] : [];
  });
}

function chartFor(data: XmrData, first: number, slot: number): AddChart {
  const last = first + data.points.length - 1;
  const columns = xmrColumns(data);
  const drawn = xmrSeriesColumns(data);
  const top = HEADER_ROW + slot * (CHART_ROWS + 1);
  return {
    kind: "addChart",
    sheet: SPC_SHEET,
    name: `XmR ${data.indicator.id}`.slice(0, 31),
    type: "line",
    title: xmrTitle(data.indicator),
    categories: rangeAddress(first, 2, last, 2),
    series: drawn.map((c) => {
      const column = XMR_COLUMNS.indexOf(c) + 3;
      return {
        name: XMR_SERIES_NAMES[c],
        nameCell: cellAddress(HEADER_ROW, column),
        values: rangeAddress(first, column, last, column),
        ...xmrSeriesStyle(c),
      };
    }),
    anchor: {
      from: cellAddress(top, CHART_COLUMN),
      to: cellAddress(top + CHART_ROWS - 1, CHART_COLUMN + CHART_WIDTH_COLUMNS - 1),
    },
    ...(data.indicator.unit.trim() ? { valueAxisTitle: data.indicator.unit.trim() } : {}),
    valueAxis: xmrAxis(columns),
    expected: {
      categories: data.points.map((p) => p.period),
      values: drawn.map((c) => columns[c]),
    },
  };
}

function instructions(charted: number, withSpc: number): string {
  const which =
    withSpc > charted
      ? `The first ${charted} indicators (in the Indicators table's order) of the ${withSpc} with at least 12 values`
      : "Each indicator with at least 12 values";
  const rest =
    withSpc > charted
      ? " The others have no chart here: partnership check and the performance report give their SPC."
      : "";
  return `${which}: its values in period order (blanks skipped), the mean and process limits (mean ± 2.66 × the mean moving range; an SPC baseline or rebase in the Indicators table changes them, and the limits step at a rebase), its target, and the points that are special cause. Worked out when the workbook was built; build it again after entering new values.${rest}`;
}

/** The sheet's operations, or none when no indicator has the twelve values SPC needs. */
export function spcSheet(partnership: Partnership): Operation[] {
  const withSpc = spcIndicators(partnership);
  if (withSpc.length === 0) return [];
  const charted = withSpc.slice(0, SPC_CHART_LIMIT);
  const rows: Record<string, CellInput>[] = [];
  const extra: Operation[] = [];
  const charts: AddChart[] = [];
  for (const [slot, data] of charted.entries()) {
    const first = FIRST_DATA_ROW + rows.length;
    const columns = xmrColumns(data);
    data.points.forEach((point, i) => {
      const row: Record<string, CellInput> = {
        [INDICATOR_HEADER]: data.indicator.id,
        [PERIOD_HEADER]: point.period,
      };
      for (const c of XMR_COLUMNS) row[XMR_SERIES_NAMES[c]] = columns[c][i] ?? null;
      rows.push(row);
    });
    const last = first + data.points.length - 1;
    if (data.indicator.unit.trim() === "%") {
      extra.push({
        kind: "numberFormat",
        sheet: SPC_SHEET,
        range: rangeAddress(first, 3, last, COLUMNS.length),
        format: FORMATS.percent,
      });
    }
    charts.push(chartFor(data, first, slot));
  }
  const last = FIRST_DATA_ROW + rows.length - 1;
  return [
    ...tableSheetOperations({
      sheet: SPC_SHEET,
      table: SPC_TABLE,
      title: "Statistical process control (XmR charts)",
      instructions: instructions(charted.length, withSpc.length),
      tabColor: "#7F6084",
      columns: COLUMNS,
      rows,
      freezeColumns: 2,
    }),
    // Worked out, not typed: shown as calculated cells.
    {
      kind: "role",
      sheet: SPC_SHEET,
      range: rangeAddress(FIRST_DATA_ROW, 1, last, COLUMNS.length),
      role: "formula",
    },
    ...extra,
    ...charts,
  ];
}

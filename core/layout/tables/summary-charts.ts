import { latestRags } from "../../measures/over-time.js";
import type { AddChart } from "../../chart/operation.js";
import { RAG_CHART_COLOURS } from "../../chart/palette.js";
import type { GridInstrument, Instrument } from "../../instruments/types.js";
import { instrumentResult } from "../../measures/assessment.js";
import { ragCountsByObjective } from "../../measures/rag-by-objective.js";
import { RAG_STATUSES, type Partnership } from "../../model/types.js";
import { cellAddress, rangeAddress } from "../address.js";
import { FORMATS } from "../columns.js";
import type { CellInput, Operation } from "../operations.js";
import { wholeColumn } from "../structured.js";
import { INDICATORS_TABLE } from "./indicators.js";
import { OBJECTIVES_TABLE } from "./objectives.js";

/**
 * The Summary's two charts and the cells they plot: indicators by objective
 * and RAG status (stacked bar) and each instrument's mean score (bar), below
 * the Summary's other sections.
 */

/** Rows for objectives officers add after the workbook is built; a new objective takes the next. */
const SPARE_OBJECTIVE_ROWS = 3;
const MIN_OBJECTIVE_ROWS = 8;
const CHART_ROWS = 20;

export const RAG_BY_OBJECTIVE_HEADERS = ["Objective", ...RAG_STATUSES];
/** Rows name each instrument by its sheet: short enough for a chart's axis, and the tab to open. */
export const SCORE_HEADERS = ["Assessment sheet", "Scale", "Mean (% of scale)"];

export interface SummaryChartsLayout {
  /** Header row of "Indicators by objective"; its rows follow. */
  ragHeaderRow: number;
  ragRows: number;
  /** Header row of "Assessment scores", one row per grid instrument; absent without grids. */
  scoresHeaderRow: number;
  scoreRows: number;
  /** The charts' top row. */
  chartsRow: number;
}

function grids(instruments: readonly Instrument[]): GridInstrument[] {
  return instruments.filter((i): i is GridInstrument => i.kind === "grid");
}

/** `firstFreeRow`: the first row below the Summary's other sections (a blank row is left above). */
export function summaryChartsLayout(
  firstFreeRow: number,
  instruments: readonly Instrument[],
  objectiveCount: number,
): SummaryChartsLayout {
  const ragHeaderRow = firstFreeRow + 2;
  const ragRows = Math.max(objectiveCount + SPARE_OBJECTIVE_ROWS, MIN_OBJECTIVE_ROWS);
  const scoreRows = grids(instruments).length;
  const scoresHeaderRow = ragHeaderRow + ragRows + 3;
  const last = scoreRows > 0 ? scoresHeaderRow + scoreRows : ragHeaderRow + ragRows;
  return { ragHeaderRow, ragRows, scoresHeaderRow, scoreRows, chartsRow: last + 2 };
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function section(
  sheet: string,
  headerRow: number,
  heading: string,
  headers: string[],
): Operation[] {
  const headingCell = cellAddress(headerRow - 1, 1);
  return [
    { kind: "writeBlock", sheet, address: headingCell, cells: [[heading]] },
    { kind: "role", sheet, range: headingCell, role: "header" },
    { kind: "writeBlock", sheet, address: cellAddress(headerRow, 1), cells: [headers] },
    {
      kind: "role",
      sheet,
      range: rangeAddress(headerRow, 1, headerRow, headers.length),
      role: "header",
    },
  ];
}

/** Objective k is the k-th ID of the Objectives table, so rows follow the table as it grows. */
function ragRow(row: number, k: number): CellInput[] {
  const id = `$A${row}`;
  const count = (status: string) =>
    `=IF(${id}="","",COUNTIFS(${wholeColumn(INDICATORS_TABLE, "Objective")},${id},${wholeColumn(INDICATORS_TABLE, "RAG")},${quote(status)}))`;
  return [
    { formula: `=IFERROR(INDEX(${wholeColumn(OBJECTIVES_TABLE, "ID")},${k})&"","")` },
    ...RAG_STATUSES.map((status) => ({ formula: count(status) })),
  ];
}

function ragSection(
  sheet: string,
  layout: SummaryChartsLayout,
  partnership: Partnership | undefined,
  chartAt: { from: string; to: string },
): Operation[] {
  const header = layout.ragHeaderRow;
  const first = header + 1;
  const last = header + layout.ragRows;
  const rows = Array.from({ length: layout.ragRows }, (_, k) => ragRow(first + k, k + 1));
  const ids = (partnership?.objectives ?? []).map((o) => o.id).slice(0, layout.ragRows);
  const counts = partnership
    ? ragCountsByObjective(ids, partnership.indicators, latestRags(partnership))
    : ragCountsByObjective(ids, []);
  const chart: AddChart = {
    kind: "addChart",
    sheet,
    name: "RAG by objective",
    type: "stackedBar",
    title: "Indicators by objective and RAG status",
    categories: rangeAddress(first, 1, last, 1),
    series: RAG_STATUSES.map((status, i) => ({
      nameCell: cellAddress(header, i + 2),
      name: status,
      values: rangeAddress(first, i + 2, last, i + 2),
      color: RAG_CHART_COLOURS[status],
    })),
    anchor: chartAt,
    valueAxisTitle: "Indicators",
    valueAxis: { min: 0, majorUnit: 1 },
    ...(partnership
      ? {
          expected: {
            categories: rows.map((_, k) => counts[k]?.objectiveId ?? ""),
            values: RAG_STATUSES.map((status) =>
              rows.map((_, k) => counts[k]?.counts[status] ?? null),
            ),
          },
        }
      : {}),
  };
  return [
    ...section(sheet, header, "Indicators by objective", RAG_BY_OBJECTIVE_HEADERS),
    { kind: "writeBlock", sheet, address: cellAddress(first, 1), cells: rows },
    { kind: "role", sheet, range: rangeAddress(first, 1, last, 5), role: "formula" },
    {
      kind: "numberFormat",
      sheet,
      range: rangeAddress(first, 2, last, 5),
      format: FORMATS.integer,
    },
    chart,
  ];
}

/** `meanRow(i)`: the row of the Summary's Assessments section holding instrument i's mean (column B). */
function scoresSection(
  sheet: string,
  layout: SummaryChartsLayout,
  instruments: readonly Instrument[],
  meanRow: (index: number) => number,
  partnership: Partnership | undefined,
  chartAt: { from: string; to: string },
): Operation[] {
  const chosen = grids(instruments);
  if (chosen.length === 0) return [];
  const header = layout.scoresHeaderRow;
  const first = header + 1;
  const last = header + chosen.length;
  const rows: CellInput[][] = chosen.map((instrument) => {
    const { min, max } = instrument.scale;
    const mean = cellAddress(meanRow(instruments.indexOf(instrument)), 2);
    // A mean of the scale's minimum is 0%, of its maximum 100%: scales of 0–2 and 1–5 then compare.
    const share =
      max > min ? { formula: `=IF(ISNUMBER(${mean}),(${mean}-${min})/${max - min},"")` } : "";
    return [instrument.sheet, `${min}–${max}`, share];
  });
  const shortNames = (partnership?.partners ?? []).map((p) => p.shortName);
  const expected = chosen.map((instrument) => {
    const assessment = partnership?.assessments.find((a) => a.instrumentId === instrument.id);
    const { overallMean } = instrumentResult(instrument, assessment, shortNames);
    const { min, max } = instrument.scale;
    return overallMean === null || max <= min ? null : (overallMean - min) / (max - min);
  });
  const chart: AddChart = {
    kind: "addChart",
    sheet,
    name: "Assessment scores",
    type: "bar",
    title: "Assessment scores: mean as % of each scale",
    categories: rangeAddress(first, 1, last, 1),
    series: [
      {
        nameCell: cellAddress(header, 3),
        name: SCORE_HEADERS[2] ?? "",
        values: rangeAddress(first, 3, last, 3),
        color: "#1F4E79",
      },
    ],
    anchor: chartAt,
    valueAxis: { min: 0, max: 1, numberFormat: "0%" },
    ...(partnership
      ? { expected: { categories: chosen.map((i) => i.sheet), values: [expected] } }
      : {}),
  };
  return [
    ...section(sheet, header, "Assessment scores", SCORE_HEADERS),
    { kind: "writeBlock", sheet, address: cellAddress(first, 1), cells: rows },
    { kind: "role", sheet, range: rangeAddress(first, 1, last, 2), role: "label" },
    { kind: "role", sheet, range: rangeAddress(first, 3, last, 3), role: "formula" },
    {
      kind: "numberFormat",
      sheet,
      range: rangeAddress(first, 3, last, 3),
      format: FORMATS.percent,
    },
    chart,
  ];
}

export interface SummaryChartsInput {
  sheet: string;
  instruments: readonly Instrument[];
  /** What the workbook is built from: its objectives size the rows, its figures fill the charts' caches. */
  partnership: Partnership | undefined;
  /** First row below the Summary's other sections. */
  firstFreeRow: number;
  meanRow: (instrumentIndex: number) => number;
  /** Whether a table is in the workbook: a formula naming an absent one is an error in Excel. */
  has: (table: string) => boolean;
  absentNote: (table: string) => string;
}

export function summaryCharts(input: SummaryChartsInput): Operation[] {
  const { sheet, instruments, partnership } = input;
  const layout = summaryChartsLayout(
    input.firstFreeRow,
    instruments,
    partnership?.objectives.length ?? 0,
  );
  const top = layout.chartsRow;
  const bottom = top + CHART_ROWS - 1;
  const missing = [OBJECTIVES_TABLE, INDICATORS_TABLE].find((t) => !input.has(t));
  const rag = missing
    ? [
        ...section(sheet, layout.ragHeaderRow, "Indicators by objective", RAG_BY_OBJECTIVE_HEADERS),
        {
          kind: "writeBlock",
          sheet,
          address: cellAddress(layout.ragHeaderRow + 1, 1),
          cells: [[input.absentNote(missing)]],
        } as Operation,
        {
          kind: "role",
          sheet,
          range: cellAddress(layout.ragHeaderRow + 1, 1),
          role: "note",
        } as Operation,
      ]
    : ragSection(sheet, layout, partnership, { from: `A${top}`, to: `C${bottom}` });
  const ops = [
    ...rag,
    ...scoresSection(sheet, layout, instruments, input.meanRow, partnership, {
      from: `D${top}`,
      to: `E${bottom}`,
    }),
  ];
  // Charts last, after every cell they plot, whichever host reads the operations in order.
  return [
    ...ops.filter((op) => op.kind !== "addChart"),
    ...ops.filter((op) => op.kind === "addChart"),
  ];
}

import type { AddChart } from "../../chart/operation.js";
import { seriesColour } from "../../chart/palette.js";
import { RADAR_MIN_SECTIONS, sectionMeansChart } from "../../chart/assessment-charts.js";
import type { GridInstrument, Instrument } from "../../instruments/types.js";
import { analyseInstrument, type InstrumentAnalysis } from "../../measures/assessment-analysis.js";
import { itemKey, roundsToCompare } from "../../measures/assessment-rounds.js";
import type { Partnership } from "../../model/types.js";
import { cellAddress, rangeAddress } from "../address.js";
import { FORMATS, HEADER_ROW } from "../columns.js";
import type { CellInput, Operation } from "../operations.js";
import { wholeColumn } from "../structured.js";

/**
 * Beside each grid, under the scale's key: the section means of this round
 * (live from the grid's Mean column) and of the previous round (from the
 * history when the workbook was built), and their chart (a radar; a bar for
 * fewer than three sections), issue 8.
 */

export const SECTION_HEADERS = ["Section", "This round", "Previous round"];
const CHART_ROWS = 18;

export interface GridCycle {
  /** The analysis of the current round, for the chart's cached values and the previous means. */
  analysis: InstrumentAnalysis;
  /** Section + "\u0000" + statement → mean at the previous round. */
  previousMeans: ReadonlyMap<string, number>;
}

/** `column`: the first column of the block (the scale key's first column). */
export function sectionMeansBlock(
  instrument: GridInstrument,
  table: string,
  column: number,
  cycle: GridCycle | undefined,
): Operation[] {
  const sheet = instrument.sheet;
  const keyRows = instrument.scale.max - instrument.scale.min + 2;
  const header = HEADER_ROW + keyRows + 2;
  const sections = instrument.sections.map((s) => s.name);
  const first = header + 1;
  const last = header + sections.length;
  const previous = new Map((cycle?.analysis.sections ?? []).map((s) => [s.name, s.previousMean]));
  const rows: CellInput[][] = sections.map((name, i) => [
    name,
    {
      formula: `=IFERROR(AVERAGEIFS(${wholeColumn(table, "Mean")},${wholeColumn(table, "Section")},${cellAddress(first + i, column)}),"")`,
    },
    previous.get(name) ?? null,
  ]);
  const spec = cycle ? sectionMeansChart(cycle.analysis) : null;
  const hasPrevious = spec !== null && spec.series.length > 1;
  const chart: AddChart = {
    kind: "addChart",
    sheet,
    name: `${instrument.sheet} section means`,
    type: sections.length >= RADAR_MIN_SECTIONS ? "radar" : "bar",
    title: `${instrument.title}: section means`,
    categories: rangeAddress(first, column, last, column),
    series: [
      {
        name: cycle?.analysis.round ?? "This round",
        values: rangeAddress(first, column + 1, last, column + 1),
        color: "#1F4E79",
      },
      ...(hasPrevious
        ? [
            {
              name: cycle?.analysis.previousRound ?? "Previous round",
              values: rangeAddress(first, column + 2, last, column + 2),
              color: "#A6A6A6",
            },
          ]
        : []),
    ],
    anchor: {
      from: cellAddress(last + 2, column),
      to: cellAddress(last + 2 + CHART_ROWS, column + 3),
    },
    valueAxis: { min: instrument.scale.min, max: instrument.scale.max, majorUnit: 1 },
    ...(spec
      ? { expected: { categories: spec.categories, values: spec.series.map((s) => s.values) } }
      : {}),
  };
  return [
    { kind: "writeBlock", sheet, address: cellAddress(header, column), cells: [SECTION_HEADERS] },
    {
      kind: "role",
      sheet,
      range: rangeAddress(header, column, header, column + 2),
      role: "header",
    },
    { kind: "writeBlock", sheet, address: cellAddress(first, column), cells: rows },
    { kind: "role", sheet, range: rangeAddress(first, column, last, column), role: "label" },
    {
      kind: "role",
      sheet,
      range: rangeAddress(first, column + 1, last, column + 1),
      role: "formula",
    },
    {
      kind: "numberFormat",
      sheet,
      range: rangeAddress(first, column + 1, last, column + 2),
      format: FORMATS.score,
    },
    // One category is one bar, and the hosts spell a one-cell range differently: no chart then.
    ...(sections.length > 1 ? [chart] : []),
  ];
}

/** The cycle's figures for one grid, from the partnership's history and grids. */
export function gridCycle(partnership: Partnership, instrument: Instrument): GridCycle | undefined {
  if (instrument.kind !== "grid") return undefined;
  const rounds = roundsToCompare(partnership);
  if ("error" in rounds) return undefined;
  const shortNames = partnership.partners.map((p) => p.shortName);
  const analysis = analyseInstrument(instrument, rounds.current, rounds.previous, shortNames);
  const previousMeans = new Map<string, number>();
  for (const section of instrument.sections) {
    for (const statement of section.statements) {
      const row = rounds.previous?.scores.get(itemKey(instrument.id, section.name, statement.text));
      const scores = [...(row?.values() ?? [])].filter((s): s is number => s !== null);
      if (scores.length > 0)
        previousMeans.set(
          `${section.name}\u0000${statement.text}`,
          scores.reduce((a, b) => a + b, 0) / scores.length,
        );
    }
  }
  return { analysis, previousMeans };
}

/**
 * Below the section means: each partner's perception gap on the items that
 * were contested when the workbook was written (collect and round close
 * rewrite it), live from the grid's Gap columns, and their bar chart.
 */
export function perceptionGapBlock(
  instrument: GridInstrument,
  table: string,
  column: number,
  shortNames: readonly string[],
  cycle: GridCycle | undefined,
): Operation[] {
  const contested = (cycle?.analysis.items ?? []).filter((i) => i.contested);
  // One contested item is one group of bars, and the hosts spell a one-cell range differently.
  if (!cycle || contested.length < 2 || shortNames.length === 0) return [];
  const sheet = instrument.sheet;
  const keyRows = instrument.scale.max - instrument.scale.min + 2;
  const sectionsLast = HEADER_ROW + keyRows + 2 + instrument.sections.length;
  const header = sectionsLast + 2 + CHART_ROWS + 2;
  const first = header + 1;
  const last = header + contested.length;
  const statementCell = (row: number) => cellAddress(row, column);
  const rows: CellInput[][] = contested.map((item, i) => [
    item.statement,
    ...shortNames.map((name) => ({
      formula: `=IFERROR(INDEX(${wholeColumn(table, `Gap ${name}`)},MATCH(${statementCell(first + i)},${wholeColumn(table, "Statement")},0)),"")`,
    })),
  ]);
  const range = instrument.scale.max - instrument.scale.min;
  const chart: AddChart = {
    kind: "addChart",
    sheet,
    name: `${instrument.sheet} perception gaps`,
    type: "bar",
    title: `${instrument.title}: perception gaps on contested items`,
    categories: rangeAddress(first, column, last, column),
    series: shortNames.map((name, k) => ({
      name,
      nameCell: cellAddress(header, column + 1 + k),
      values: rangeAddress(first, column + 1 + k, last, column + 1 + k),
      // Named, so both hosts draw the same colours (Office.js's defaults are not the palette's).
      color: `#${seriesColour(undefined, k)}`,
    })),
    anchor: {
      from: cellAddress(last + 2, column),
      to: cellAddress(last + 2 + CHART_ROWS, column + 3),
    },
    valueAxisTitle: "Score minus the others' mean",
    valueAxis: { min: -range, max: range, majorUnit: 1 },
    expected: {
      categories: contested.map((i) => i.statement),
      values: shortNames.map((name) =>
        contested.map((i) => {
          const gap = i.gaps[name];
          return gap === undefined ? null : Math.round(gap * 100) / 100;
        }),
      ),
    },
  };
  return [
    {
      kind: "writeBlock",
      sheet,
      address: cellAddress(header - 1, column),
      cells: [["Perception gaps on contested items (score minus the others' mean)"]],
    },
    { kind: "role", sheet, range: cellAddress(header - 1, column), role: "header" },
    {
      kind: "writeBlock",
      sheet,
      address: cellAddress(header, column),
      cells: [["Contested item", ...shortNames]],
    },
    {
      kind: "role",
      sheet,
      range: rangeAddress(header, column, header, column + shortNames.length),
      role: "header",
    },
    { kind: "writeBlock", sheet, address: cellAddress(first, column), cells: rows },
    { kind: "role", sheet, range: rangeAddress(first, column, last, column), role: "label" },
    {
      kind: "role",
      sheet,
      range: rangeAddress(first, column + 1, last, column + shortNames.length),
      role: "formula",
    },
    {
      kind: "numberFormat",
      sheet,
      range: rangeAddress(first, column + 1, last, column + shortNames.length),
      format: "+0.0;-0.0;0.0",
    },
    chart,
  ];
}

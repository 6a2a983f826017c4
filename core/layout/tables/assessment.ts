import { cellAddress, rangeAddress } from "../address.js";
import { FORMATS, HEADER_ROW, type ColumnKind, type ColumnSpec } from "../columns.js";
import type { CellInput, Operation } from "../operations.js";
import { PALETTE } from "../styles.js";
import {
  dataColumnRange,
  introLine,
  readableWidth,
  tableSheetOperations,
  type TableSheetSpec,
} from "../table-sheet.js";
import { isoToSerial, isValidIsoDate } from "../../model/dates.js";
import type { Assessment } from "../../model/types.js";
import type {
  GridInstrument,
  Instrument,
  RegisterColumnType,
  RegisterInstrument,
} from "../../instruments/types.js";
import { DISAGREE } from "../../measures/assessment.js";
import { cycleColumns, PREVIOUS_MEAN } from "./assessment-cycle-columns.js";
import { perceptionGapBlock, sectionMeansBlock, type GridCycle } from "./assessment-chart.js";

export function assessmentTableName(instrument: Instrument): string {
  return `Assessment_${instrument.id}`;
}

/** The statistics columns that follow the partners' score columns. */
export const GRID_STAT_HEADERS = ["Mean", "Min", "Max", "Spread", "Verdict", "Agreement"] as const;

/**
 * The scale's key, written beside the grid rather than in the instruction
 * line: some labels (the relationship stages) are whole sentences.
 */
function scaleKey(instrument: GridInstrument, sheet: string, column: number): Operation[] {
  const { min, max, labels } = instrument.scale;
  const rows: CellInput[][] = [["Score", "Meaning"]];
  for (let score = min; score <= max; score++) rows.push([score, labels[score] ?? ""]);
  const address = cellAddress(HEADER_ROW, column);
  const last = HEADER_ROW + rows.length - 1;
  return [
    { kind: "writeBlock", sheet, address, cells: rows },
    {
      kind: "role",
      sheet,
      range: rangeAddress(HEADER_ROW, column, HEADER_ROW, column + 1),
      role: "header",
    },
    {
      kind: "role",
      sheet,
      range: rangeAddress(HEADER_ROW + 1, column, last, column),
      role: "label",
    },
    {
      kind: "role",
      sheet,
      range: rangeAddress(HEADER_ROW + 1, column + 1, last, column + 1),
      role: "note",
    },
  ];
}

function verdictFormula(instrument: GridInstrument): string {
  const bands = instrument.bands;
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  let formula = quote(bands[bands.length - 1]?.verdict ?? "");
  for (let i = bands.length - 2; i >= 0; i--) {
    const band = bands[i];
    if (band) formula = `IF([@Mean]>=${band.min},${quote(band.verdict)},${formula})`;
  }
  return `=IF([@Mean]="","",${formula})`;
}

export function gridColumns(
  instrument: GridInstrument,
  shortNames: readonly string[],
): ColumnSpec[] {
  const first = shortNames[0] ?? "";
  const last = shortNames[shortNames.length - 1] ?? "";
  const span = `[@[${first}]:[${last}]]`;
  const ifScored = (expression: string) => `=IF(COUNT(${span})=0,"",${expression})`;
  const { min, max } = instrument.scale;
  return [
    {
      header: "Section",
      kind: "text",
      width: 26,
      description: "The instrument's section or principle.",
    },
    { header: "Statement", kind: "longText", width: 60, description: "What each partner scores." },
    ...shortNames.map<ColumnSpec>((name) => ({
      header: name,
      kind: "score",
      width: 9,
      range: { min, max },
      description: `The score given by ${name} (${min} to ${max}).`,
    })),
    {
      header: "Mean",
      kind: "formula",
      width: 8,
      format: FORMATS.score,
      formula: ifScored(`AVERAGE(${span})`),
      description: "Average of the partners' scores.",
    },
    {
      header: "Min",
      kind: "formula",
      width: 7,
      format: "0",
      formula: ifScored(`MIN(${span})`),
      description: "Lowest score.",
    },
    {
      header: "Max",
      kind: "formula",
      width: 7,
      format: "0",
      formula: ifScored(`MAX(${span})`),
      description: "Highest score.",
    },
    {
      header: "Spread",
      kind: "formula",
      width: 8,
      format: "0",
      formula: ifScored("[@Max]-[@Min]"),
      description: "Highest − lowest score: how far partners differ.",
    },
    {
      header: "Verdict",
      kind: "formula",
      width: 22,
      formula: verdictFormula(instrument),
      description: "The band the mean falls in.",
    },
    {
      header: "Agreement",
      kind: "formula",
      width: 18,
      formula: `=IF(COUNT(${span})<2,"",IF([@Spread]>=${instrument.disagreementSpread},"${DISAGREE}",""))`,
      description: `"${DISAGREE}" when the spread reaches ${instrument.disagreementSpread}.`,
    },
    ...cycleColumns(instrument, shortNames, span),
  ];
}

function gridSheet(
  instrument: GridInstrument,
  shortNames: readonly string[],
  assessment: Assessment | undefined,
  cycle: GridCycle | undefined,
): Operation[] {
  const rows = instrument.sections.flatMap((section) =>
    section.statements.map((statement) => {
      const item = assessment?.items.find(
        (i) => i.section === section.name && i.statement === statement.text,
      );
      const row: Record<string, CellInput> = { Section: section.name, Statement: statement.text };
      for (const name of shortNames) row[name] = item?.scores[name] ?? null;
      row[PREVIOUS_MEAN] =
        cycle?.previousMeans.get(`${section.name}\u0000${statement.text}`) ?? null;
      return row;
    }),
  );
  const spec: TableSheetSpec = {
    sheet: instrument.sheet,
    table: assessmentTableName(instrument),
    title: instrument.title,
    instructions: `${instrument.instructions} The key to the scores is to the right of the grid.`,
    tabColor: "#00B0A0",
    columns: gridColumns(instrument, shortNames),
    rows,
    freezeColumns: 2,
  };
  const sheet = instrument.sheet;
  const { min, max } = instrument.scale;
  const scale = (range: string): Operation => ({
    kind: "colorScale",
    sheet,
    range,
    low: { value: min, color: PALETTE.scaleLow },
    mid: { value: (min + max) / 2, color: PALETTE.scaleMid },
    high: { value: max, color: PALETTE.scaleHigh },
  });
  const firstScore = dataColumnRange(spec, shortNames[0] ?? "");
  const lastScore = dataColumnRange(spec, shortNames[shortNames.length - 1] ?? "");
  const scores = `${firstScore.split(":")[0]}:${lastScore.split(":")[1]}`;
  const keyColumn = spec.columns.length + 2;
  // Beside the key, the section means use two columns (12 and 14 wide) and the
  // perception gaps one per partner, headed by its name: wide enough for it.
  const blockWidths = Array.from({ length: Math.max(2, shortNames.length) }, (_, k) =>
    readableWidth({
      header: shortNames[k] ?? "",
      kind: "number",
      width: [12, 14][k] ?? 9,
      description: "",
    }),
  );
  const widths = [...spec.columns.map(readableWidth), 2, 7, 48, ...blockWidths];
  return [
    ...tableSheetOperations(spec),
    ...introLine(spec, 3, `Source: ${instrument.source}`, "note"),
    ...scaleKey(instrument, sheet, keyColumn),
    ...sectionMeansBlock(instrument, spec.table, keyColumn + 1, cycle),
    ...perceptionGapBlock(instrument, spec.table, keyColumn + 1, shortNames, cycle),
    { kind: "columnWidths", sheet, widths },
    scale(scores),
    scale(dataColumnRange(spec, "Mean")),
    {
      kind: "colorScale",
      sheet,
      range: dataColumnRange(spec, "Spread"),
      low: { value: 0, color: PALETTE.scaleCalm },
      mid: { value: instrument.disagreementSpread / 2, color: PALETTE.scaleMid },
      high: { value: instrument.disagreementSpread, color: PALETTE.scaleLow },
    },
    {
      kind: "textHighlight",
      sheet,
      range: dataColumnRange(spec, "Agreement"),
      text: DISAGREE,
      fill: PALETTE.amber,
      fontColor: PALETTE.amberText,
    },
  ];
}

const REGISTER_KINDS: Record<RegisterColumnType, ColumnKind> = {
  text: "longText",
  number: "number",
  date: "date",
  choice: "choice",
  formula: "formula",
};

export function registerColumns(instrument: RegisterInstrument): ColumnSpec[] {
  return instrument.columns.map((column) => ({
    header: column.header,
    kind: column.range ? "score" : REGISTER_KINDS[column.type],
    ...(column.range ? { range: column.range } : {}),
    width: column.width,
    description: column.type === "formula" ? `Calculated: ${column.formula}` : `${column.header}.`,
    ...(column.type === "choice" ? { options: column.options } : {}),
    ...(column.type === "formula"
      ? { formula: column.formula.startsWith("=") ? column.formula : `=${column.formula}` }
      : {}),
  }));
}

function registerCell(
  value: string | number | boolean | null | undefined,
  type: RegisterColumnType,
): CellInput {
  if (value === undefined) return null;
  if (type === "date" && typeof value === "string" && isValidIsoDate(value))
    return isoToSerial(value);
  return value;
}

function registerSheet(
  instrument: RegisterInstrument,
  assessment: Assessment | undefined,
): Operation[] {
  const entries = assessment ? assessment.entries : instrument.rows;
  const spec: TableSheetSpec = {
    sheet: instrument.sheet,
    table: assessmentTableName(instrument),
    title: instrument.title,
    instructions: instrument.instructions,
    tabColor: "#00B0A0",
    columns: registerColumns(instrument),
    rows: entries.map((entry) =>
      Object.fromEntries(
        instrument.columns.map((c) => [c.header, registerCell(entry[c.header], c.type)]),
      ),
    ),
    freezeColumns: 1,
  };
  return [
    ...tableSheetOperations(spec),
    ...introLine(spec, 3, `Source: ${instrument.source}`, "note"),
  ];
}

/**
 * One instrument's sheet. Scores are written from `assessment` by partner
 * short name, so rebuilding a grid after partners change keeps every score.
 */
export function assessmentSheet(
  instrument: Instrument,
  shortNames: readonly string[],
  assessment: Assessment | undefined,
  /** The assessment cycle's figures (previous round, section means), when the partnership has them. */
  cycle?: GridCycle,
): Operation[] {
  return instrument.kind === "grid"
    ? gridSheet(instrument, shortNames, assessment, cycle)
    : registerSheet(instrument, assessment);
}

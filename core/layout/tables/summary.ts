import { cellAddress } from "../address.js";
import { FORMATS } from "../columns.js";
import type { CellInput, Operation } from "../operations.js";
import { wholeColumn } from "../structured.js";
import type { Instrument } from "../../instruments/types.js";
import { DISAGREE } from "../../measures/assessment.js";
import { assessmentTableName } from "./assessment.js";
import { FINANCE_TABLE } from "./finance.js";
import { INDICATORS_TABLE } from "./indicators.js";
import { PARTNERS_TABLE } from "./partners.js";
import { summaryCharts } from "./summary-charts.js";
import type { Partnership } from "../../model/types.js";

export const SUMMARY_SHEET = "Summary";

/** A labelled result: the label in column A, the formula in B, its format. */
interface Line {
  label: string;
  formula: string;
  format?: string;
  /** The table the formula names (directly or through an earlier line). */
  needs: string;
}

/**
 * Which tables the Summary may name. A formula naming a table that is not in
 * the workbook is an error in Excel (a foreign sheet may be kept under our
 * sheet's name, without our table), so a line needing an absent table says so
 * in words instead. Without a list, every table is there.
 */
export type TablePresence = (table: string) => boolean;

export function tablePresence(available?: Iterable<string>): TablePresence {
  if (available === undefined) return () => true;
  const present = new Set([...available].map((t) => t.toLowerCase()));
  return (table) => present.has(table.toLowerCase());
}

export function absentTableNote(table: string): string {
  return `${table} table not in this workbook`;
}

function resultCell(line: Line, has: TablePresence): CellInput {
  return has(line.needs) ? { formula: line.formula } : absentTableNote(line.needs);
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function indicatorLines(): Line[] {
  const rag = wholeColumn(INDICATORS_TABLE, "RAG");
  const travel = wholeColumn(INDICATORS_TABLE, "Direction");
  return [
    ...["Green", "Amber", "Red", "No data"].map((status) => ({
      label: `Indicators ${status}`,
      formula: `=COUNTIF(${rag},${quote(status)})`,
      format: "0",
      needs: INDICATORS_TABLE,
    })),
    {
      label: "Indicators improving",
      formula: `=COUNTIF(${travel},"Improving")`,
      format: "0",
      needs: INDICATORS_TABLE,
    },
    {
      label: "Indicators worsening",
      formula: `=COUNTIF(${travel},"Worsening")`,
      format: "0",
      needs: INDICATORS_TABLE,
    },
  ];
}

/**
 * Finance totals; later lines refer to earlier ones by address (column B).
 * Only pounds and counts of lines are totalled here: outputs and outcomes
 * add up only across lines counting the same thing, which the Finance sheet
 * shows line by line.
 */
function financeLines(firstRow: number): Line[] {
  const column = (name: string) => wholeColumn(FINANCE_TABLE, name);
  const total = (name: string) => `=SUM(${column(name)})`;
  const at = (offset: number) => cellAddress(firstRow + offset, 2);
  const counted = (name: string) => `ISNUMBER(${column(name)})`;
  const finance: Omit<Line, "needs">[] = [
    { label: "Total budget (£)", formula: total("Budget (£)"), format: FORMATS.money },
    {
      label: "Budgets less pooled fund (£)",
      formula: `=IF(ISNUMBER(${at(0)}),${at(1)}-${at(0)},"")`,
      format: FORMATS.variance,
    },
    { label: "Total spend to date (£)", formula: total("Actual spend (£)"), format: FORMATS.money },
    {
      label: "Total forecast outturn (£)",
      formula: total("Forecast outturn (£)"),
      format: FORMATS.money,
    },
    {
      label: "Forecast variance (£)",
      formula: total("Forecast variance (£)"),
      format: FORMATS.variance,
    },
    {
      // Against the budgets of the lines that have a forecast, never all of them.
      label: "Forecast variance (%)",
      formula: `=IF(SUMPRODUCT(--${counted("Forecast variance (£)")},${column("Budget (£)")})=0,"",${at(5)}/SUMPRODUCT(--${counted("Forecast variance (£)")},${column("Budget (£)")}))`,
      format: FORMATS.variancePercent,
    },
    {
      label: "Lines with a budget but no forecast",
      formula: `=SUMPRODUCT(${counted("Budget (£)")}*NOT(${counted("Forecast outturn (£)")}))`,
      format: FORMATS.integer,
    },
    {
      label: "Lines costing more than benchmark",
      formula: `=COUNTIF(${column("Economy (% vs benchmark)")},">0")`,
      format: FORMATS.integer,
    },
    {
      label: "Lines with no outcome recorded",
      formula: `=SUMPRODUCT((${column("Service line")}<>"")*(1-${counted("Outcomes achieved")}*${counted("Outcome target")}))`,
      format: FORMATS.integer,
    },
  ];
  return [
    {
      label: "Pooled fund (£)",
      formula: `=SUM(${wholeColumn(PARTNERS_TABLE, "Contribution (£)")})`,
      format: FORMATS.money,
      needs: PARTNERS_TABLE,
    },
    ...finance.map((line) => ({ ...line, needs: FINANCE_TABLE })),
  ];
}

export const ASSESSMENT_SUMMARY_HEADERS = [
  "Instrument",
  "Overall mean",
  "Verdict",
  "Items where partners disagree",
  "Lowest-scoring item",
  "Contested items",
  "Improved since last round",
  "Worsened since last round",
];

function assessmentRow(instrument: Instrument, row: number, has: TablePresence): CellInput[] {
  const table = assessmentTableName(instrument);
  if (!has(table)) return [instrument.title, absentTableNote(table), "", "", "", "", "", ""];
  if (instrument.kind === "register") {
    const totals = instrument.columns
      .filter((c) => c.type === "formula")
      .map((c) => `Total ${c.header}: " & SUM(${wholeColumn(table, c.header)}) & "`);
    const first = instrument.columns[0]?.header ?? "";
    const described = totals.length ? `; ${totals.join("; ")}` : "";
    const entries = `="Entries: " & COUNTA(${wholeColumn(table, first)}) & "${described}"`;
    return [instrument.title, "", "", "", { formula: entries }, "", "", ""];
  }
  const mean = wholeColumn(table, "Mean");
  const meanCell = cellAddress(row, 2);
  let verdict = quote(instrument.bands[instrument.bands.length - 1]?.verdict ?? "");
  for (let i = instrument.bands.length - 2; i >= 0; i--) {
    const band = instrument.bands[i];
    if (band) verdict = `IF(${meanCell}>=${band.min},${quote(band.verdict)},${verdict})`;
  }
  return [
    instrument.title,
    { formula: `=IF(COUNT(${mean})=0,"",AVERAGE(${mean}))` },
    { formula: `=IF(${meanCell}="","",${verdict})` },
    { formula: `=COUNTIF(${wholeColumn(table, "Agreement")},${quote(DISAGREE)})` },
    {
      formula: `=IF(COUNT(${mean})=0,"",INDEX(${wholeColumn(table, "Statement")},MATCH(MIN(${mean}),${mean},0)))`,
    },
    // The assessment cycle's analysis (issue 8), counted from the grid's own columns.
    { formula: `=COUNTIF(${wholeColumn(table, "Contested")},"Contested")` },
    { formula: `=COUNTIF(${wholeColumn(table, "Change")},"improved")` },
    { formula: `=COUNTIF(${wholeColumn(table, "Change")},"worsened")` },
  ];
}

/** Where the Summary's sections start, so tests and readers can find them. */
export const SUMMARY_LAYOUT = {
  indicatorsRow: 5,
  financeRow: 13,
  assessmentsHeaderRow: 25,
} as const;

/**
 * `availableTables`: the tables the workbook will hold (all of them when not
 * given); `partnership`: what the workbook is built from, which sizes the
 * charts' rows and fills their cached values (a blank workbook's without).
 */
export function summarySheet(
  instruments: readonly Instrument[],
  availableTables?: Iterable<string>,
  partnership?: Partnership,
): Operation[] {
  const has = tablePresence(availableTables);
  const sheet = SUMMARY_SHEET;
  const ops: Operation[] = [
    { kind: "addSheet", sheet, tabColor: "#404040" },
    {
      kind: "writeBlock",
      sheet,
      address: "A1",
      cells: [
        ["Summary"],
        [
          "Calculated from the other sheets: nothing to type here. Run Check for problems and the weakest items.",
        ],
      ],
    },
    { kind: "role", sheet, range: "A1", role: "title" },
    { kind: "role", sheet, range: "A2", role: "instruction" },
    { kind: "columnWidths", sheet, widths: [40, 18, 26, 16, 70, 12, 12, 12] },
  ];
  const block = (heading: string, headingRow: number, lines: Line[]) => {
    ops.push({
      kind: "writeBlock",
      sheet,
      address: cellAddress(headingRow - 1, 1),
      cells: [[heading]],
    });
    ops.push({ kind: "role", sheet, range: cellAddress(headingRow - 1, 1), role: "header" });
    ops.push({
      kind: "writeBlock",
      sheet,
      address: cellAddress(headingRow, 1),
      cells: lines.map((l) => [l.label, resultCell(l, has)]),
    });
    ops.push({
      kind: "role",
      sheet,
      range: `A${headingRow}:A${headingRow + lines.length - 1}`,
      role: "label",
    });
    ops.push({
      kind: "role",
      sheet,
      range: `B${headingRow}:B${headingRow + lines.length - 1}`,
      role: "formula",
    });
    lines.forEach((line, i) => {
      if (line.format)
        ops.push({
          kind: "numberFormat",
          sheet,
          range: cellAddress(headingRow + i, 2),
          format: line.format,
        });
    });
  };
  block("Indicators", SUMMARY_LAYOUT.indicatorsRow, indicatorLines());
  block(
    "Finance: pounds (efficiency and effectiveness are per line, on Finance)",
    SUMMARY_LAYOUT.financeRow,
    financeLines(SUMMARY_LAYOUT.financeRow),
  );
  const header = SUMMARY_LAYOUT.assessmentsHeaderRow;
  ops.push({
    kind: "writeBlock",
    sheet,
    address: cellAddress(header - 1, 1),
    cells: [["Assessments"]],
  });
  ops.push({ kind: "role", sheet, range: cellAddress(header - 1, 1), role: "header" });
  ops.push({
    kind: "writeBlock",
    sheet,
    address: cellAddress(header, 1),
    cells: [ASSESSMENT_SUMMARY_HEADERS],
  });
  ops.push({ kind: "role", sheet, range: `A${header}:H${header}`, role: "header" });
  if (instruments.length > 0) {
    const rows = instruments.map((instrument, i) => assessmentRow(instrument, header + 1 + i, has));
    const last = header + instruments.length;
    ops.push({ kind: "writeBlock", sheet, address: cellAddress(header + 1, 1), cells: rows });
    ops.push({ kind: "role", sheet, range: `A${header + 1}:A${last}`, role: "label" });
    ops.push({ kind: "role", sheet, range: `B${header + 1}:H${last}`, role: "formula" });
    ops.push({
      kind: "numberFormat",
      sheet,
      range: `B${header + 1}:B${last}`,
      format: FORMATS.score,
    });
  }
  ops.push(
    ...summaryCharts({
      sheet,
      instruments,
      partnership,
      firstFreeRow: header + instruments.length + 1,
      meanRow: (index) => header + 1 + index,
      has,
      absentNote: absentTableNote,
    }),
  );
  ops.push({ kind: "freeze", sheet, rows: 2, columns: 0 });
  ops.push({ kind: "pageSetup", sheet, landscape: false, titleRows: "" });
  return ops;
}

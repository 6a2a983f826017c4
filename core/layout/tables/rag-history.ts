import type { ColumnSpec } from "../columns.js";
import type { CellInput, Operation } from "../operations.js";
import { PALETTE } from "../styles.js";
import { dataColumnRange, tableSheetOperations, type TableSheetSpec } from "../table-sheet.js";
import type { IndicatorOverTime } from "../../measures/over-time.js";
import type { Indicator, RagStatus } from "../../model/types.js";
import { DEFAULT_PERIODS, judgeOverTime, type OverTimeContext } from "./indicators.js";

/**
 * The RAG history: one row per indicator, one column per period, each cell
 * the period's RAG against what it expected (G, A, R; blank without a
 * value). Compact, so "Red in two consecutive periods" can be seen, not only
 * read from the Indicators sheet's Red twice column. Stamped with the other
 * over-time columns when the workbook is written.
 */
export const RAG_HISTORY_SHEET = "RAG history";
export const RAG_HISTORY_TABLE = "RagHistory";

const LETTER: Record<RagStatus, string> = { Green: "G", Amber: "A", Red: "R", "No data": "" };

export function ragHistorySheet(
  indicators: readonly Indicator[],
  periods: readonly string[],
  context: OverTimeContext = {},
): Operation[] {
  const labels = periods.length > 0 ? periods : DEFAULT_PERIODS;
  return ragHistoryOperations(judgeOverTime(indicators, labels, context), labels);
}

function ragHistoryOperations(
  judged: readonly IndicatorOverTime[],
  periods: readonly string[],
): Operation[] {
  const columns: ColumnSpec[] = [
    { header: "ID", kind: "text", width: 8, description: "The indicator's ID." },
    ...periods.map((header): ColumnSpec => ({
      header,
      kind: "text",
      width: 5,
      description: "The period's RAG against its expected value: G, A or R.",
    })),
  ];
  const spec: TableSheetSpec = {
    sheet: RAG_HISTORY_SHEET,
    table: RAG_HISTORY_TABLE,
    title: "RAG history",
    instructions:
      "Each period's RAG against what it expected (G, A, R); written with the workbook, not typed in.",
    tabColor: "#C55A11",
    columns,
    freezeColumns: 1,
    rows: judged.map((j) => {
      const row: Record<string, CellInput> = { ID: j.id };
      periods.forEach((label, i) => (row[label] = LETTER[j.history[i] ?? "No data"]));
      return row;
    }),
  };
  // One range over every period column: three conditional formats, not three per period.
  const first = dataColumnRange(spec, periods[0] ?? "ID").split(":")[0] ?? "";
  const last = dataColumnRange(spec, periods[periods.length - 1] ?? "ID").split(":")[1] ?? "";
  const highlight = (text: string, fill: string, fontColor: string): Operation => ({
    kind: "textHighlight",
    sheet: RAG_HISTORY_SHEET,
    range: `${first}:${last}`,
    text,
    fill,
    fontColor,
  });
  return [
    ...tableSheetOperations(spec),
    ...columns.map((c): Operation => ({
      kind: "role",
      sheet: RAG_HISTORY_SHEET,
      range: dataColumnRange(spec, c.header),
      role: "formula",
    })),
    highlight("G", PALETTE.green, PALETTE.greenText),
    highlight("A", PALETTE.amber, PALETTE.amberText),
    highlight("R", PALETTE.red, PALETTE.redText),
  ];
}

import { listOf, PLAUSIBLE, type ColumnSpec } from "../columns.js";
import type { Operation } from "../operations.js";
import { rowOf } from "../record-row.js";
import { tableSheetOperations } from "../table-sheet.js";
import type { PeriodTarget } from "../../model/types.js";
import { INDICATOR_INPUT_COLUMNS, INDICATORS_SHEET, INDICATORS_TABLE } from "./indicators.js";

/**
 * The optional Targets table: an indicator's trajectory, the value expected
 * in named periods (a winter allowance, a phased build-up). Periods without
 * a row follow the straight line from baseline to target.
 */
export const TARGETS_SHEET = "Targets";
export const TARGETS_TABLE = "Targets";

export type TargetField = keyof PeriodTarget;

export const TARGET_COLUMNS: ColumnSpec<TargetField>[] = [
  {
    header: "Indicator ID",
    field: "indicatorId",
    need: "always",
    kind: "text",
    width: 12,
    listFrom: listOf(INDICATORS_SHEET, INDICATORS_TABLE, INDICATOR_INPUT_COLUMNS, "ID"),
    description: "The indicator whose trajectory this row sets.",
  },
  {
    header: "Period",
    field: "period",
    need: "always",
    kind: "text",
    width: 14,
    description:
      "A period heading as on the Indicators sheet (Apr 2025); a date Excel made of it counts as the period holding that date.",
  },
  {
    header: "Target",
    field: "target",
    need: "always",
    plausible: PLAUSIBLE.measure,
    kind: "number",
    width: 12,
    description: "The value expected in that period; RAG for the period is judged against it.",
  },
];

export function targetsSheet(targets: readonly PeriodTarget[]): Operation[] {
  return tableSheetOperations({
    sheet: TARGETS_SHEET,
    table: TARGETS_TABLE,
    title: "Trajectories: targets by period",
    instructions:
      "Optional. One row per indicator and period where the expected value is not the straight line from baseline to target by the target date.",
    tabColor: "#C55A11",
    columns: TARGET_COLUMNS,
    rows: targets.map((t) => rowOf(TARGET_COLUMNS, t)),
  });
}

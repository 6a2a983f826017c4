import type { Instrument } from "../instruments/types.js";
import type { IsoDate, Partnership } from "../model/types.js";
import type { Operation } from "./operations.js";
import { withRowHeights } from "./row-heights.js";
import { actionsSheet } from "./tables/actions.js";
import { assessmentSheet } from "./tables/assessment.js";
import { gridCycle } from "./tables/assessment-chart.js";
import { financeSheet } from "./tables/finance.js";
import { functionsSheet } from "./tables/functions.js";
import { cycleSheets } from "./tables/history.js";
import { indicatorsSheet } from "./tables/indicators.js";
import { objectivesSheet } from "./tables/objectives.js";
import { partnersSheet } from "./tables/partners.js";
import { partnershipSheet } from "./tables/partnership.js";
import { spcSheet } from "./tables/spc.js";
import { summarySheet } from "./tables/summary.js";
import { targetsSheet } from "./tables/targets.js";
import { ragHistorySheet } from "./tables/rag-history.js";
import { valuesSheet } from "./tables/values.js";

/** The operations that build one sheet, so a host can build only the sheets that are missing. */
export interface SheetPlan {
  sheet: string;
  operations: Operation[];
}

function sheetOf(operations: Operation[]): SheetPlan {
  const first = operations[0];
  if (!first || first.kind !== "addSheet")
    throw new Error("A sheet's operations start with addSheet");
  // Heights last: they depend on every text, role, width and merge of the sheet.
  return { sheet: first.sheet, operations: withRowHeights(operations) };
}

/** One instrument's sheet, with the partnership's scores by partner short name. */
export function assessmentSheetPlan(partnership: Partnership, instrument: Instrument): SheetPlan {
  return sheetOf(
    assessmentSheet(
      instrument,
      partnership.partners.map((p) => p.shortName),
      partnership.assessments.find((a) => a.instrumentId === instrument.id),
      gridCycle(partnership, instrument),
    ),
  );
}

export interface WorkbookPlanOptions {
  /**
   * The tables the workbook will hold once these sheets are added, for a host
   * that adds only the missing sheets: the Summary names no other table.
   * Omitted, every table of the plan is there (a whole new workbook).
   */
  availableTables?: Iterable<string>;
  /** The day the Indicators sheet's Overdue column is judged at; nothing is overdue when absent. */
  asAt?: IsoDate;
}

/**
 * The whole workbook, sheet by sheet, in the order of the guidance's
 * Exhibit 6: direction (the partnership and its partners), values,
 * objectives, targets; then finance, the assessment grids and the summary.
 */
export function workbookPlan(
  partnership: Partnership,
  instruments: readonly Instrument[],
  options: WorkbookPlanOptions = {},
): SheetPlan[] {
  return [
    ...[
      partnershipSheet(partnership.details),
      partnersSheet(partnership.partners),
      functionsSheet(partnership.functions ?? []),
      valuesSheet(partnership.values),
      objectivesSheet(partnership.objectives),
      indicatorsSheet(partnership.indicators, partnership.periods, {
        targets: partnership.targets,
        planEnd: partnership.details.endDate,
        asAt: options.asAt,
      }),
      targetsSheet(partnership.targets ?? []),
      ragHistorySheet(partnership.indicators, partnership.periods, {
        targets: partnership.targets,
        planEnd: partnership.details.endDate,
      }),
      financeSheet(partnership.finance),
    ].map(sheetOf),
    ...instruments.map((instrument) => assessmentSheetPlan(partnership, instrument)),
    // The action plan comes with the assessment cycle (issue 8): a workbook without one has no Actions sheet.
    ...(partnership.assessmentActions || partnership.assessmentHistory
      ? [sheetOf(actionsSheet(partnership.assessmentActions ?? []))]
      : []),
    ...cycleSheets(partnership).map(sheetOf),
    sheetOf(summarySheet(instruments, options.availableTables, partnership)),
    // Only when an indicator has the twelve values SPC needs: otherwise there is nothing to chart.
    ...[spcSheet(partnership)].filter((ops) => ops.length > 0).map(sheetOf),
  ];
}

/** The tables a sheet's operations add. */
export function tablesOf(plan: SheetPlan): string[] {
  return plan.operations.flatMap((op) => (op.kind === "addTable" ? [op.name] : []));
}

export function buildOperations(
  partnership: Partnership,
  instruments: readonly Instrument[],
  options: WorkbookPlanOptions = {},
): Operation[] {
  return workbookPlan(partnership, instruments, options).flatMap((plan) => plan.operations);
}

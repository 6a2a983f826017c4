import { formatDate } from "../format/uk.js";
import {
  indicatorsOverTime,
  objectivesPastDue,
  planOf,
  type IndicatorOverTime,
} from "../measures/over-time.js";
import { dueDate, frequencyOfPeriods, periodsOf } from "../measures/periods.js";
import type { SpcAssurance, SpcVariation } from "../measures/spc.js";
import type { Problem } from "../model/problem.js";
import type { Direction, IsoDate, RagStatus } from "../model/types.js";
import type { ReadResult } from "../read/reader.js";

/** One indicator as `check --json` reports it (`summary.indicators[]`). */
export interface IndicatorSummary {
  id: string;
  /** The latest period's RAG, against what that period expected. */
  rag: RagStatus;
  direction: Direction;
  /** True when any period's value is due and still blank. */
  overdue: boolean;
  /** null below 12 values. */
  spc: {
    mean: number;
    lower: number;
    upper: number;
    variation: SpcVariation;
    assurance: SpcAssurance | null;
    special: boolean[];
  } | null;
}

export interface OverTimeCheck {
  indicators: IndicatorSummary[];
  /** Red twice running, overdue returns, and objectives past due whose indicators missed. */
  problems: Problem[];
}

/** Today as an ISO date, for hosts that do not say which day to judge at. */
export function today(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Performance over time, as `check` and the pane's Check show it: a summary
 * per indicator and warnings located at the cell to act in (the corrective
 * action for Red twice, the blank period cell for an overdue return, the due
 * date for an objective that missed).
 */
export function checkOverTime(read: ReadResult, asAt: IsoDate): OverTimeCheck {
  const { partnership, origins } = read;
  const judged = indicatorsOverTime(partnership, asAt);
  const problems: Problem[] = [];
  judged.forEach((j, index) => {
    const origin = origins.indicators[index];
    const sheet = origin?.sheet ?? "Indicators";
    const action = partnership.indicators[index]?.correctiveAction ?? "";
    if (j.redTwice) {
      const last = redPeriods(j, partnership.periods);
      problems.push({
        severity: "warning",
        sheet,
        cell: origin?.fields.correctiveAction?.cell ?? "",
        message: `${j.id} has been Red in two consecutive periods (${last.join(" and ")})`,
        hint: action
          ? `The agreement expects the board to act: report on the corrective action ("${short(action)}").`
          : "The agreement expects the board to act: record the corrective action in this cell.",
      });
    }
    for (const label of j.overdue) {
      const period = partnership.periods.indexOf(label);
      problems.push({
        severity: "warning",
        sheet,
        cell: origin?.periods[period]?.cell ?? "",
        message: `${j.id}'s value for ${label} is overdue${dueLabel(read, period, index)}`,
        hint: `Ask ${partnership.indicators[index]?.owner || "the indicator's owner"} for the figure, or explain the gap in the commentary.`,
      });
    }
  });
  for (const objective of objectivesPastDue(partnership, asAt)) {
    const missed = objective.indicators.filter((i) => i.met !== true);
    if (missed.length === 0) continue;
    const index = partnership.objectives.findIndex((o) => o.id === objective.objectiveId);
    const origin = origins.objectives[index];
    const words = missed.map((i) =>
      i.met === false ? `${i.indicatorId} missed (${i.period})` : `${i.indicatorId} had no value`,
    );
    problems.push({
      severity: "warning",
      sheet: origin?.sheet ?? "Objectives",
      cell: origin?.fields.dueDate?.cell ?? "",
      message: `${objective.objectiveId} was due on ${formatDate(objective.dueDate) ?? objective.dueDate}; at that date ${words.join(", ")} its target`,
      hint: "Record the outcome in the indicators' commentary and agree a new date or close the objective.",
    });
  }
  return { indicators: judged.map(summaryOf), problems };
}

function summaryOf(j: IndicatorOverTime): IndicatorSummary {
  return {
    id: j.id,
    rag: j.rag,
    direction: j.direction,
    overdue: j.overdue.length > 0,
    spc:
      j.spc === null
        ? null
        : {
            mean: j.spc.mean,
            lower: j.spc.lower,
            upper: j.spc.upper,
            variation: j.spc.variation,
            assurance: j.spc.assurance,
            special: j.spc.special,
          },
  };
}

/** The labels of the last two rated periods, oldest first. */
function redPeriods(j: IndicatorOverTime, periods: readonly string[]): string[] {
  const labels: string[] = [];
  for (let i = j.history.length - 1; i >= 0 && labels.length < 2; i--) {
    if (j.history[i] !== "No data") labels.unshift(periods[i] ?? "");
  }
  return labels;
}

function dueLabel(read: ReadResult, period: number, index: number): string {
  const plan = planOf(read.partnership);
  const end = plan === null ? undefined : periodsOf(plan)[period]?.end;
  if (end === undefined) return "";
  const frequency = read.partnership.indicators[index]?.frequency ?? null;
  const cycle = frequency ?? frequencyOfPeriods(plan?.length ?? "month");
  const due = dueDate(end, cycle);
  return ` (due by ${formatDate(due) ?? due})`;
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const VARIATION_ORDER: readonly SpcVariation[] = [
  "improvement",
  "concern",
  "neutral_high",
  "neutral_low",
  "common",
];
const VARIATION_WORDS: Record<SpcVariation, string> = {
  improvement: "improvement",
  concern: "concern",
  neutral_high: "neutral (high)",
  neutral_low: "neutral (low)",
  common: "common cause",
};

/**
 * The over-time findings in sentences, for the pane's Check and the command
 * line's text report: who is Red twice running, whose returns are overdue,
 * and what statistical process control says, counted.
 */
export function overTimeSentences(indicators: readonly IndicatorSummary[]): string[] {
  const ids = (list: readonly IndicatorSummary[]) => list.map((i) => i.id).join(", ");
  const sentences: string[] = [];
  const overdue = indicators.filter((i) => i.overdue);
  if (overdue.length > 0) sentences.push(`Overdue returns: ${ids(overdue)}.`);
  const charted = indicators.filter((i) => i.spc !== null);
  if (charted.length === 0) {
    sentences.push("No indicator has the 12 values statistical process control needs yet.");
    return sentences;
  }
  const count = (pick: (i: IndicatorSummary) => string | null | undefined, value: string) =>
    charted.filter((i) => pick(i) === value).length;
  const variation = VARIATION_ORDER.map((v) => [v, count((i) => i.spc?.variation, v)] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${VARIATION_WORDS[v]}`);
  const assurance = (["pass", "fail", "inconsistent"] as const)
    .map((a) => [a, count((i) => i.spc?.assurance, a)] as const)
    .filter(([, n]) => n > 0)
    .map(([a, n]) => `${n} ${a}`);
  sentences.push(
    `Statistical process control, ${charted.length} indicator(s) with 12 values or more: ${variation.join(", ")}${assurance.length ? `; assurance ${assurance.join(", ")}` : ""}.`,
  );
  return sentences;
}

import type { SpcAssurance, SpcVariation } from "../../measures/spc.js";
import { contributionShares, financeMeasures } from "../../measures/finance.js";
import {
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  joinWithAnd,
} from "../../format/uk.js";
import { objectivesPastDue, type ObjectiveAtDueDate } from "../../measures/over-time.js";
import type { ReadOrigins } from "../../model/origins.js";
import type { Direction, Partnership, Polarity, RagStatus } from "../../model/types.js";
import { indicatorStatuses, type IndicatorStatus } from "../../report/indicator-status.js";
import { Missing, dataText } from "../escape.js";
import { detailLocation, formatLocation, recordLocation } from "../locations.js";
import { formatMeasure } from "../view-model.js";
import { cellAddress } from "../../layout/address.js";
import { FIRST_DATA_ROW } from "../../layout/columns.js";
import { indicatorColumns } from "../../layout/tables/indicators.js";

/**
 * What `performance-report.md.hbs` sees: every number formatted, every
 * workbook string escaped and marked as data, and each value the board
 * needs and the workbook lacks a `Missing` that names its cell (commentary
 * on an Amber or Red indicator, a corrective action for a Red one, a
 * forecast outturn). The template is then words and layout only.
 */

type Text = string | Missing;

const NONE = "—";

/** Words first, then a symbol: the words carry the meaning in greyscale and to a screen reader. */
const VARIATION_WORDS: Record<SpcVariation, string> = {
  common: "Common cause",
  improvement: "Improvement",
  concern: "Concern",
  neutral_high: "Special cause (high)",
  neutral_low: "Special cause (low)",
};

const ASSURANCE_WORDS: Record<SpcAssurance, string> = {
  pass: "✓ Consistently passing",
  fail: "✗ Consistently failing",
  inconsistent: "◐ Hit and miss",
};

const DIRECTION_WORDS: Record<Exclude<Direction, "">, string> = {
  Improving: "Improving ↗",
  Worsening: "Worsening ↘",
  "No change": "No change →",
};

const RAG_WORDS: Record<RagStatus, string> = {
  Green: "● Green",
  Amber: "● Amber",
  Red: "● Red",
  "No data": "○ No data",
};

/** Special cause high or low decides the arrow; the verdict says whether that is good. */
function variationText(variation: SpcVariation, polarity: Polarity | null): string {
  const higher =
    variation === "neutral_high" ||
    (variation === "improvement" && polarity === "Higher is better") ||
    (variation === "concern" && polarity === "Lower is better");
  const symbol = variation === "common" ? "~" : higher ? "▲" : "▼";
  return `${symbol} ${VARIATION_WORDS[variation]}`;
}

function measure(value: number | null, unit: string): string {
  return value === null ? NONE : formatMeasure(value, unit);
}

function money(value: number | null): string {
  return value === null ? NONE : formatMoney(value, 0);
}

function percent(value: number | null): string {
  return value === null ? NONE : formatPercent(value, 0);
}

function indicatorRow(status: IndicatorStatus) {
  const { indicator, spc } = status;
  return {
    id: dataText(indicator.id),
    name: dataText(indicator.indicator),
    latest: measure(status.latest, indicator.unit),
    latestPeriod: dataText(status.latestPeriod) || NONE,
    target: measure(indicator.target, indicator.unit),
    expected: measure(status.expected, indicator.unit),
    rag: RAG_WORDS[status.rag],
    direction: status.direction ? DIRECTION_WORDS[status.direction] : NONE,
    variation: spc ? variationText(spc.spc.variation, indicator.polarity) : "Fewer than 12 values",
    assurance: spc?.spc.assurance ? ASSURANCE_WORDS[spc.spc.assurance] : NONE,
    hasSpc: spc !== null,
    redTwice: status.redTwice,
    overdue: status.overdue.length > 0,
  };
}

/** Commentary and corrective action, with the gaps a board will ask about marked. */
function notesOf(
  status: IndicatorStatus,
  periods: readonly string[],
  origins: ReadOrigins | undefined,
) {
  const { indicator, index, rag } = status;
  const at = (field: string) => {
    const found = recordLocation("Indicators", index, field, origins);
    if (found.cell !== "" || origins) return formatLocation(found);
    // Notes sit after the period columns, so the blueprint's place depends on the periods.
    const column = indicatorColumns(periods).findIndex((c) => c.field === field);
    return `${found.sheet}!${cellAddress(FIRST_DATA_ROW + index, column + 1)}`;
  };
  const who = `indicator ${indicator.id || index + 1}`;
  const commentary: Text =
    indicator.commentary.trim() !== ""
      ? dataText(indicator.commentary)
      : rag === "Red" || rag === "Amber"
        ? new Missing(`Commentary on ${who} (${rag})`, at("commentary"))
        : "";
  const correctiveAction: Text =
    indicator.correctiveAction.trim() !== ""
      ? dataText(indicator.correctiveAction)
      : rag === "Red"
        ? new Missing(`Corrective action for ${who} (Red)`, at("correctiveAction"))
        : "";
  return {
    id: dataText(indicator.id),
    commentary,
    correctiveAction,
    // A Missing is falsy for {{#if}}: these say whether to print the field at all.
    hasCommentary: commentary !== "",
    hasCorrectiveAction: correctiveAction !== "",
  };
}

/** "Due 31 March 2026: K1 met its target (Mar 2026); K2 did not." for an objective past due. */
function dueResult(objective: ObjectiveAtDueDate | undefined): string {
  if (!objective) return "";
  const said = objective.indicators.map((i) =>
    i.met === null
      ? `${dataText(i.indicatorId)} had no value to judge`
      : `${dataText(i.indicatorId)} ${i.met ? "met" : "did not meet"} its target${i.period ? ` (${dataText(i.period)})` : ""}`,
  );
  const date = formatDate(objective.dueDate) ?? objective.dueDate;
  return said.length === 0
    ? `Due ${date}: no indicator measured it.`
    : `Due ${date}: ${joinWithAnd(said)}.`;
}

function objectiveSections(
  statuses: IndicatorStatus[],
  partnership: Partnership,
  origins?: ReadOrigins,
) {
  const known = new Set(partnership.objectives.map((o) => o.id.toLowerCase()));
  const asAt = partnership.details.documentDate;
  const pastDue = asAt === null ? [] : objectivesPastDue(partnership, asAt);
  const section = (id: string, title: Text, lead: Text, of: IndicatorStatus[]) => ({
    id: dataText(id),
    objective: title,
    lead,
    dueResult: dueResult(pastDue.find((o) => o.objectiveId === id && id !== "")),
    indicators: of.map(indicatorRow),
    charts: of.filter((s) => s.spc !== null).map((s) => s.indicator.id),
    notes: of
      .map((s) => notesOf(s, partnership.periods, origins))
      .filter((n) => n.commentary !== "" || n.correctiveAction !== ""),
  });
  const sections = partnership.objectives.map((o) =>
    section(
      o.id,
      dataText(o.objective),
      dataText(o.leadPartner) || NONE,
      statuses.filter((s) => s.indicator.objectiveId.toLowerCase() === o.id.toLowerCase()),
    ),
  );
  const orphans = statuses.filter((s) => !known.has(s.indicator.objectiveId.toLowerCase()));
  if (orphans.length > 0)
    sections.push(section("", "Indicators under no listed objective", NONE, orphans));
  return sections;
}

/** A long run of missed returns reads as its count and span, not a list of every month. */
function overduePeriods(periods: readonly string[]): string {
  if (periods.length <= 3) return periods.map(dataText).join(", ");
  return `${periods.length} periods, ${dataText(periods[0] ?? "")} to ${dataText(periods.at(-1) ?? "")}`;
}

function summaryOf(statuses: IndicatorStatus[]) {
  const count = (test: (s: IndicatorStatus) => boolean) => statuses.filter(test).length;
  const charted = statuses.filter((s) => s.spc !== null);
  const byVariation = (v: SpcVariation[]) =>
    count((s) => v.includes(s.spc?.spc.variation ?? "common") && s.spc !== null);
  const line = (s: IndicatorStatus) => ({
    id: dataText(s.indicator.id),
    name: dataText(s.indicator.indicator),
    owner: dataText(s.indicator.owner) || NONE,
    from: s.previousRag ?? NONE,
    to: s.rag,
    hasAction: s.indicator.correctiveAction.trim() !== "",
  });
  return {
    indicators: statuses.length,
    rag: {
      green: count((s) => s.rag === "Green"),
      amber: count((s) => s.rag === "Amber"),
      red: count((s) => s.rag === "Red"),
      noData: count((s) => s.rag === "No data"),
    },
    spc: {
      charted: charted.length,
      notCharted: statuses.length - charted.length,
      improvement: byVariation(["improvement"]),
      concern: byVariation(["concern"]),
      common: byVariation(["common"]),
      neutral: byVariation(["neutral_high", "neutral_low"]),
      pass: count((s) => s.spc?.spc.assurance === "pass"),
      fail: count((s) => s.spc?.spc.assurance === "fail"),
      inconsistent: count((s) => s.spc?.spc.assurance === "inconsistent"),
    },
    changes: statuses.filter((s) => s.previousRag !== null && s.previousRag !== s.rag).map(line),
    overdue: statuses
      .filter((s) => s.overdue.length > 0)
      .map((s) => ({ ...line(s), periods: overduePeriods(s.overdue) })),
    redTwice: statuses.filter((s) => s.redTwice).map(line),
  };
}

/**
 * Finance: per line only (a total of bed days and referrals means nothing),
 * and the share of a forecast overspend each partner would carry by its
 * contribution to the pooled fund.
 */
function financeOf(partnership: Partnership, origins?: ReadOrigins) {
  const measures = financeMeasures(partnership.finance);
  const lines = measures.lines.map(({ line, ratios }, i) => {
    const forecast = line.forecast ?? null;
    return {
      serviceLine: dataText(line.serviceLine) || `Line ${i + 1}`,
      budget: money(line.budget),
      actual: money(line.actual),
      forecast:
        forecast !== null
          ? money(forecast)
          : line.budget !== null
            ? new Missing(
                `Forecast outturn of ${line.serviceLine || `line ${i + 1}`}`,
                formatLocation(recordLocation("Finance", i, "forecast", origins)),
              )
            : NONE,
      variance: ratios.variance === null ? NONE : signedMoney(ratios.variance),
      efficiency:
        ratios.efficiency === null
          ? NONE
          : `${formatNumber(ratios.efficiency, 1)} ${line.outputMeasure ? dataText(line.outputMeasure.toLowerCase()) : "outputs"} per £1,000`,
      economy:
        ratios.economy === null
          ? NONE
          : ratios.economy === 0
            ? "At benchmark"
            : `${formatPercent(Math.abs(ratios.economy), 0)} ${ratios.economy > 0 ? "over" : "under"} benchmark`,
      effectiveness:
        ratios.effectiveness === null
          ? "No outcome recorded"
          : `${percent(ratios.effectiveness)} of ${dataText(line.outcomeMeasure) || "the outcome target"}`,
    };
  });
  const totals = measures.totals;
  const overspend = totals.variance > 0 ? totals.variance : 0;
  const shares = contributionShares(partnership.partners);
  const riskShare = partnership.partners
    .map((p, i) => ({ p, share: shares[i] ?? null }))
    .filter((x) => x.share !== null && x.share > 0)
    .map(({ p, share }) => ({
      partner: dataText(p.shortName || p.organisation),
      share: percent(share),
      amount: money(overspend * (share ?? 0)),
    }));
  return {
    hasLines: lines.length > 0,
    lines,
    budget: money(totals.budget),
    actual: money(totals.actual),
    forecast: money(totals.forecast),
    variance: signedMoney(totals.variance),
    linesWithoutForecast: totals.linesWithoutForecast,
    hasForecast: partnership.finance.some((l) => (l.forecast ?? null) !== null),
    overspend: overspend > 0,
    overspendAmount: money(overspend),
    riskShare,
  };
}

function signedMoney(value: number): string {
  if (value === 0) return formatMoney(0, 0);
  return `${value > 0 ? "+" : "−"}${formatMoney(Math.abs(value), 0)}`;
}

function actionsOf(partnership: Partnership) {
  const actions = partnership.assessmentActions ?? [];
  return actions
    .filter((a) => !/^(done|complete|completed|closed)$/i.test(a.status.trim()))
    .map((a) => ({
      item: dataText(a.item),
      action: dataText(a.action),
      owner: dataText(a.owner) || NONE,
      due: a.dueDate ? (formatDate(a.dueDate) ?? NONE) : NONE,
      status: dataText(a.status) || "Open",
    }));
}

export interface PerformanceReportViewInput {
  partnership: Partnership;
  /** The period reported on; the latest when null. */
  period: string | null;
  draft: boolean;
  origins?: ReadOrigins;
  /** The statuses at the period, when the caller has them already (the builder charts them too). */
  statuses?: IndicatorStatus[];
}

export function performanceReportView(input: PerformanceReportViewInput) {
  const { partnership, origins } = input;
  const statuses = input.statuses ?? indicatorStatuses(partnership, input.period);
  const period = input.period ?? partnership.periods.at(-1) ?? "";
  const previous = partnership.periods[partnership.periods.indexOf(period) - 1] ?? "";
  const { details } = partnership;
  const date = details.documentDate;
  return {
    draft: input.draft,
    partnershipName: dataText(details.name) || "the partnership",
    governingBody: dataText(details.governingBody) || "the partnership board",
    period: dataText(period) || NONE,
    previousPeriod: dataText(previous),
    reportDate: date
      ? (formatDate(date) ?? date)
      : new Missing("Document date", formatLocation(detailLocation("documentDate", origins))),
    summary: summaryOf(statuses),
    objectives: objectiveSections(statuses, partnership, origins),
    finance: financeOf(partnership, origins),
    actions: actionsOf(partnership),
    hasActionPlan: partnership.assessmentActions !== undefined,
  };
}

export type PerformanceReportView = ReturnType<typeof performanceReportView>;

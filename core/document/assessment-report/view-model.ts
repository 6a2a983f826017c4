import { formatDate, formatNumber } from "../../format/uk.js";
import {
  rankedItems,
  type InstrumentAnalysis,
  type ItemAnalysis,
  type RankedItem,
} from "../../measures/assessment-analysis.js";
import { isOverdue } from "../../measures/assessment-actions.js";
import type { AssessmentAction } from "../../model/assessment-cycle.js";
import type { RecordOrigin } from "../../model/origins.js";
import type { IsoDate, Partnership } from "../../model/types.js";
import { Missing, dataText } from "../escape.js";

/**
 * What `assessment-report.md.hbs` sees. Numbers arrive formatted ("3.4",
 * "+0.5"), so the template stays words and layout a non-developer can move
 * around; every workbook string is escaped and marked as data (escape.ts).
 */

export interface ReportItem {
  instrument: string;
  section: string;
  statement: string;
  mean: string;
  /** The instrument's scale ("1–4"): summary tables mix instruments. */
  scale: string;
  spread: string;
  change: string;
  contested: boolean;
}

export interface ReportInstrument {
  id: string;
  title: string;
  scale: string;
  respondents: number;
  overallMean: string;
  /** The chart of section means: a radar, or a bar below three sections (the chart decides). */
  hasSectionChart: boolean;
  hasGapChart: boolean;
  items: ReportItem[];
  contested: ReportItem[];
  comments: { statement: string; respondent: string; comment: string }[];
}

export interface AssessmentReportContext {
  partnershipName: string;
  governingBody: string;
  round: string;
  previousRound: string;
  /** "12 June 2026", or a Missing when the workbook has no document date. */
  reportDate: string | Missing;
  draft: boolean;
  takingPart: { name: string; shortName: string }[];
  notTakingPart: { name: string; shortName: string }[];
  /** Respondents who are not partners by name: an anonymous round's "Respondent N". */
  anonymousRespondents: number;
  participationLine: string;
  strongest: ReportItem[];
  weakest: ReportItem[];
  contested: ReportItem[];
  improved: ReportItem[];
  worsened: ReportItem[];
  instruments: ReportInstrument[];
  actions: {
    instrument: string;
    item: string;
    reason: string;
    action: string | Missing;
    owner: string | Missing;
    due: string | Missing;
    status: string;
    review: string;
    overdue: boolean;
  }[];
  overdueActions: number;
}

export interface ReportViewInput {
  partnership: Partnership;
  analyses: readonly InstrumentAnalysis[];
  draft: boolean;
  /** Where each action row was read, so a missing owner points at its cell. */
  actionOrigins?: readonly RecordOrigin[];
  /** The date overdue actions are judged on: the report's date. */
  today: IsoDate | null;
  /** Where the document date is typed, for a draft's [MISSING] note. */
  dateLocation: string;
}

const SHOWN = 5;

function number(value: number | null, decimals = 1): string {
  return value === null ? "–" : formatNumber(value, decimals);
}

function signed(value: number): string {
  const text = formatNumber(Math.abs(value), 1);
  if (text === formatNumber(0, 1)) return text;
  return `${value < 0 ? "−" : "+"}${text}`;
}

export function changeText(item: ItemAnalysis): string {
  if (!item.change) return item.mean === null ? "–" : "new";
  const { direction, delta } = item.change;
  return direction === "same" ? "same" : `${signed(delta)} (${direction})`;
}

function reportItem(
  title: string,
  item: ItemAnalysis,
  scale: { min: number; max: number },
): ReportItem {
  return {
    instrument: dataText(title),
    scale: `${scale.min}–${scale.max}`,
    section: dataText(item.section),
    statement: dataText(item.statement),
    mean: number(item.mean),
    spread: number(item.spread, 0),
    change: changeText(item),
    contested: item.contested,
  };
}

function ranked(analyses: readonly InstrumentAnalysis[]) {
  return (r: RankedItem): ReportItem => {
    const scale = analyses.find((a) => a.instrumentId === r.instrumentId)?.scale ?? {
      min: 0,
      max: 0,
    };
    return reportItem(r.instrument, r.item, scale);
  };
}

function instrumentView(analysis: InstrumentAnalysis): ReportInstrument {
  const means = analysis.items.map((i) => i.mean).filter((m): m is number => m !== null);
  const overall = means.length ? means.reduce((a, b) => a + b, 0) / means.length : null;
  const items = analysis.items.map((item) => reportItem(analysis.title, item, analysis.scale));
  return {
    id: analysis.instrumentId,
    title: dataText(analysis.title),
    scale: `${analysis.scale.min}–${analysis.scale.max}`,
    respondents: analysis.respondents.length,
    overallMean: number(overall),
    hasSectionChart: analysis.sections.some((s) => s.mean !== null),
    hasGapChart: analysis.items.some((i) => i.contested && Object.keys(i.gaps).length > 0),
    items,
    contested: items.filter((i) => i.contested),
    comments: analysis.items.flatMap((item) =>
      item.comments.map((c) => ({
        statement: dataText(item.statement),
        respondent: dataText(c.respondent),
        comment: dataText(c.comment),
      })),
    ),
  };
}

function cellOf(
  origins: readonly RecordOrigin[] | undefined,
  index: number,
  field: string,
): string {
  const origin = origins?.[index];
  const cell = origin?.fields[field];
  if (cell) return `${cell.sheet}!${cell.cell}`;
  return origin ? `${origin.sheet}!A${origin.row}` : "Actions";
}

function actionView(input: ReportViewInput, action: AssessmentAction, index: number) {
  const named = (text: string, field: string, label: string) =>
    text.trim() !== ""
      ? dataText(text)
      : new Missing(`${label} for "${action.item}"`, cellOf(input.actionOrigins, index, field));
  return {
    instrument: dataText(
      input.analyses.find(
        (a) => a.instrumentId.toLowerCase() === action.instrumentId.trim().toLowerCase(),
      )?.title ?? action.instrumentId,
    ),
    item: dataText(action.item),
    reason: action.reason ?? "",
    action: named(action.action, "action", "Action"),
    owner: named(action.owner, "owner", "Owner of the action"),
    due: action.dueDate
      ? (formatDate(action.dueDate) ?? action.dueDate)
      : new Missing(
          `Due date of the action for "${action.item}"`,
          cellOf(input.actionOrigins, index, "dueDate"),
        ),
    status: dataText(action.status),
    review: action.reviewDate ? (formatDate(action.reviewDate) ?? action.reviewDate) : "",
    overdue: input.today !== null && isOverdue(action, input.today),
  };
}

export function assessmentReportView(input: ReportViewInput): AssessmentReportContext {
  const { partnership, analyses } = input;
  const details = partnership.details;
  const respondents = new Set(analyses.flatMap((a) => a.respondents));
  const partners = partnership.partners.map((p) => ({
    name: dataText(p.organisation || p.shortName),
    shortName: dataText(p.shortName),
    took: respondents.has(p.shortName),
  }));
  const named = new Set(partnership.partners.map((p) => p.shortName));
  const anonymous = [...respondents].filter((r) => !named.has(r)).length;
  const takingPart = partners
    .filter((p) => p.took)
    .map(({ name, shortName }) => ({ name, shortName }));
  const notTakingPart = partners
    .filter((p) => !p.took)
    .map(({ name, shortName }) => ({ name, shortName }));
  const participationLine =
    anonymous > 0
      ? `${anonymous} ${anonymous === 1 ? "respondent" : "respondents"} answered anonymously`
      : `${takingPart.length} of ${partners.length} partners scored at least one instrument`;
  const order = rankedItems(analyses);
  const all = analyses.flatMap((a) => a.items.map((item) => ({ a, item })));
  const actions = (partnership.assessmentActions ?? []).map((a, i) => actionView(input, a, i));
  return {
    partnershipName: dataText(details.name),
    governingBody: dataText(details.governingBody),
    round: dataText(analyses[0]?.round ?? partnership.currentRound ?? ""),
    previousRound: dataText(analyses.find((a) => a.previousRound)?.previousRound ?? ""),
    reportDate: details.documentDate
      ? (formatDate(details.documentDate) ?? details.documentDate)
      : new Missing("Document date", input.dateLocation),
    draft: input.draft,
    takingPart,
    notTakingPart,
    anonymousRespondents: anonymous,
    participationLine: dataText(participationLine),
    strongest: order.slice(-SHOWN).reverse().map(ranked(analyses)),
    weakest: order.slice(0, SHOWN).map(ranked(analyses)),
    contested: all
      .filter(({ item }) => item.contested)
      .map(({ a, item }) => reportItem(a.title, item, a.scale)),
    improved: all
      .filter(({ item }) => item.change?.direction === "improved")
      .map(({ a, item }) => reportItem(a.title, item, a.scale)),
    worsened: all
      .filter(({ item }) => item.change?.direction === "worsened")
      .map(({ a, item }) => reportItem(a.title, item, a.scale)),
    instruments: analyses.filter((a) => a.respondents.length > 0).map(instrumentView),
    actions,
    overdueActions: actions.filter((a) => a.overdue).length,
  };
}

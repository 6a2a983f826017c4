import {
  contributionShares,
  direction,
  financeRatios,
  financeTotals,
  latestValue,
  pooledFundTotal,
  ragStatus,
  smartScore,
} from "../measures/index.js";
import type {
  FinanceLine,
  Indicator,
  Objective,
  Partner,
  Partnership,
  PartnershipDetails,
} from "../model/types.js";
import { Missing, dataText } from "./escape.js";
import { formatMoney, formatNumber, formatPercent } from "../format/uk.js";
import type { DocumentKind } from "./kinds.js";
import {
  detailLabel,
  detailLocation,
  formatLocation,
  locate,
  type WorkbookLocation,
} from "./locations.js";

/**
 * What templates see: the partnership with every workbook string escaped and
 * marked as data, every blank that a template might print replaced by a
 * `Missing` marker that knows its workbook cell, and the measures (shares,
 * ratios, RAG) computed once here so templates only format them.
 */

type Text = string | Missing;

function text(value: string, label: string, location: WorkbookLocation): Text {
  return value.trim() === "" ? new Missing(label, formatLocation(location)) : dataText(value);
}

function optionalText(value: string): string {
  return dataText(value);
}

function value<T>(v: T | null, label: string, location: WorkbookLocation): T | Missing {
  return v === null ? new Missing(label, formatLocation(location)) : v;
}

function detailText(details: PartnershipDetails, key: keyof PartnershipDetails): Text {
  return text(String(details[key] ?? ""), detailLabel(key), detailLocation(key));
}

function detailValue<K extends keyof PartnershipDetails>(details: PartnershipDetails, key: K) {
  return value(details[key], detailLabel(key), detailLocation(key));
}

function partnerView(partner: Partner, index: number, share: number | null, host: string) {
  const where = (header: string) => locate.partner(index, header);
  const who = partner.shortName || partner.organisation || `partner ${index + 1}`;
  return {
    number: index + 1,
    organisation: text(
      partner.organisation,
      `Organisation of partner ${index + 1}`,
      where("Organisation"),
    ),
    shortName: text(partner.shortName, `Short name of ${who}`, where("Short name")),
    sector: partner.sector
      ? dataText(partner.sector)
      : new Missing(`Sector of ${who}`, formatLocation(where("Sector"))),
    representative: text(
      partner.representative,
      `Representative of ${who}`,
      where("Representative"),
    ),
    role: optionalText(partner.role),
    voting: partner.votingMember,
    address: text(
      partner.addressForNotices,
      `Address for notices of ${who}`,
      where("Address for notices"),
    ),
    signatoryName: text(partner.signatoryName, `Signatory of ${who}`, where("Signatory name")),
    signatoryTitle: text(
      partner.signatoryTitle,
      `Signatory title of ${who}`,
      where("Signatory title"),
    ),
    /** Null means no cash contribution (voluntary and user-led partners often give in kind only). */
    contribution: partner.contribution,
    inKind: optionalText(partner.inKindContribution),
    share,
    isHost: host !== "" && partner.shortName === host,
  };
}

/** How an indicator's RAG status is decided, in words a board member can check. */
export function ragRule(indicator: Indicator): string {
  const tolerance = indicator.tolerance ?? 0;
  const pct = formatPercent(tolerance);
  switch (indicator.polarity) {
    case "Higher is better":
      return `Green at or above target; Amber within ${pct} below it; otherwise Red`;
    case "Lower is better":
      return `Green at or below target; Amber within ${pct} above it; otherwise Red`;
    case "Closer to target":
      return `Green within ${pct} of target; Amber within ${formatPercent(tolerance * 2)}; otherwise Red`;
    default:
      return "Not set: the indicator has no polarity";
  }
}

/** A value in an indicator's unit: 0.8 with unit "%" is "80%", 162500 with unit "£" is "£162,500". */
export function formatMeasure(value: number, unit: string): string {
  if (unit.trim() === "%") return formatPercent(value, 1);
  if (unit.trim() === "£") return formatMoney(value, 0);
  return formatNumber(value, Number.isInteger(value) ? 0 : Math.abs(value) < 10 ? 2 : 1);
}

const POLARITY_SHORT: Record<string, string> = {
  "Higher is better": "Higher",
  "Lower is better": "Lower",
  "Closer to target": "Closer",
};

function indicatorView(indicator: Indicator, index: number) {
  const where = (header: string) => locate.indicator(index, header);
  const id = indicator.id || `row ${index + 1}`;
  return {
    id: text(indicator.id, `ID of indicator ${index + 1}`, where("ID")),
    objectiveId: optionalText(indicator.objectiveId),
    indicator: text(indicator.indicator, `Description of indicator ${id}`, where("Indicator")),
    type: indicator.type
      ? dataText(indicator.type)
      : new Missing(`Type of indicator ${id}`, formatLocation(where("Type"))),
    unit: optionalText(indicator.unit),
    polarity: indicator.polarity
      ? dataText(indicator.polarity)
      : new Missing(`Polarity of indicator ${id}`, formatLocation(where("Polarity"))),
    frequency: indicator.frequency
      ? dataText(indicator.frequency)
      : new Missing(`Frequency of indicator ${id}`, formatLocation(where("Frequency"))),
    baseline: indicator.baseline,
    target: value(indicator.target, `Target of indicator ${id}`, where("Target")),
    tolerance: indicator.tolerance,
    /** A new service may have no baseline yet: the schedule says so rather than leaving a gap. */
    baselineText:
      indicator.baseline === null
        ? "Not yet set"
        : formatMeasure(indicator.baseline, indicator.unit),
    targetText:
      indicator.target === null
        ? new Missing(`Target of indicator ${id}`, formatLocation(where("Target")))
        : formatMeasure(indicator.target, indicator.unit),
    toleranceText: indicator.tolerance === null ? "0%" : formatPercent(indicator.tolerance, 1),
    latestText:
      latestValue(indicator.values) === null
        ? "No data"
        : formatMeasure(latestValue(indicator.values) ?? 0, indicator.unit),
    better: indicator.polarity ? (POLARITY_SHORT[indicator.polarity] ?? "") : "",
    owner: text(indicator.owner, `Owner of indicator ${id}`, where("Owner")),
    source: optionalText(indicator.source),
    latest: latestValue(indicator.values),
    rag: ragStatus(indicator),
    direction: direction(indicator) || "Not enough data",
    ragRule: ragRule(indicator),
  };
}

function objectiveView(objective: Objective, index: number, indicators: readonly Indicator[]) {
  const where = (header: string) => locate.objective(index, header);
  const id = objective.id || `row ${index + 1}`;
  const own = indicators
    .map((indicator, i) => ({ indicator, i }))
    .filter(({ indicator }) => indicator.objectiveId === objective.id && objective.id !== "");
  return {
    id: text(objective.id, `ID of objective ${index + 1}`, where("ID")),
    objective: text(objective.objective, `Wording of objective ${id}`, where("Objective")),
    priority: objective.priority
      ? dataText(objective.priority)
      : new Missing(`Priority of objective ${id}`, formatLocation(where("Priority"))),
    lead: text(objective.leadPartner, `Lead partner of objective ${id}`, where("Lead partner")),
    quickWin: objective.quickWin,
    dueDate: value(objective.dueDate, `Due date of objective ${id}`, where("Due date")),
    smartScore: smartScore(objective.smart),
    indicators: own.map(({ indicator, i }) => indicatorView(indicator, i)),
  };
}

function financeView(line: FinanceLine, index: number) {
  const where = (header: string) => locate.finance(index, header);
  const name = line.serviceLine || `row ${index + 1}`;
  return {
    serviceLine: text(line.serviceLine, `Service line ${index + 1}`, where("Service line")),
    lead: text(line.leadPartner, `Lead partner of ${name}`, where("Lead partner")),
    budget: value(line.budget, `Budget of ${name}`, where("Budget (£)")),
    actual: line.actual,
    outputMeasure: optionalText(line.outputMeasure),
    outputs: line.outputs,
    outcomeMeasure: optionalText(line.outcomeMeasure),
    outcomeTarget: line.outcomeTarget,
    outcomesAchieved: line.outcomesAchieved,
    ratios: financeRatios(line),
  };
}

export function viewModel(partnership: Partnership, kind: DocumentKind, mode: "draft" | "final") {
  const { details } = partnership;
  const shares = contributionShares(partnership.partners);
  const pooled = details.arrangement === "Formal agreement with pooled fund";
  const formal = pooled || details.arrangement === "Formal agreement without pooled fund";
  const host = partnership.partners.find(
    (p) => p.shortName !== "" && p.shortName === details.hostPartner,
  );
  const totals = financeTotals(partnership.finance);
  const contributions = pooledFundTotal(partnership.partners);
  const d = (key: keyof PartnershipDetails) => detailText(details, key);
  return {
    kind,
    draft: mode === "draft",
    pooled,
    formal,
    details: {
      name: d("name"),
      arrangement: d("arrangement"),
      serviceArea: d("serviceArea"),
      vision: d("vision"),
      hostPartner: d("hostPartner"),
      /** The host's organisation name, falling back to the short name the workbook gives. */
      hostPartnerName: host
        ? text(host.organisation, detailLabel("hostPartner"), detailLocation("hostPartner"))
        : d("hostPartner"),
      startDate: detailValue(details, "startDate"),
      endDate: detailValue(details, "endDate"),
      reviewDate: detailValue(details, "reviewDate"),
      governingBody: d("governingBody"),
      chair: d("chair"),
      viceChair: d("viceChair"),
      quorum: detailValue(details, "quorum"),
      meetingFrequency: d("meetingFrequency"),
      decisionRule: d("decisionRule"),
      reportingLine: d("reportingLine"),
      pooledFundManager: d("pooledFundManager"),
      noticePeriodMonths: detailValue(details, "noticePeriodMonths"),
      documentVersion: d("documentVersion"),
      documentStatus: d("documentStatus"),
      documentDate: detailValue(details, "documentDate"),
    },
    partners: partnership.partners.map((p, i) =>
      partnerView(p, i, shares[i] ?? null, details.hostPartner),
    ),
    votingPartners: partnership.partners.filter((p) => p.votingMember).length,
    /** Whether the quorum can ask for a member from each side of a health and social care partnership. */
    hasNhsPartner: partnership.partners.some((p) => p.sector === "NHS"),
    hasCouncilPartner: partnership.partners.some((p) => p.sector === "Local authority"),
    contributions,
    values: partnership.values.map((v) => ({
      value: dataText(v.value),
      meaning: dataText(v.meaning),
    })),
    objectives: partnership.objectives.map((o, i) => objectiveView(o, i, partnership.indicators)),
    indicators: partnership.indicators.map(indicatorView),
    periods: partnership.periods.map(dataText),
    latestPeriod: dataText(partnership.periods[partnership.periods.length - 1] ?? ""),
    finance: partnership.finance.map(financeView),
    financeTotals: totals,
    locations: {
      partners: formatLocation(locate.firstRow("Partners")),
      objectives: formatLocation(locate.firstRow("Objectives")),
      indicators: formatLocation(locate.firstRow("Indicators")),
      finance: formatLocation(locate.firstRow("Finance")),
      values: formatLocation(locate.values()),
    },
  };
}

export type ViewModel = ReturnType<typeof viewModel>;

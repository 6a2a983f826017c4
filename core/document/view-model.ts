import {
  contributionShares,
  direction,
  financeRatios,
  financeTotals,
  outcomeUnitTotals,
  outputUnitTotals,
  latestValue,
  pooledFundTotal,
  smartScore,
} from "../measures/index.js";
import { latestRags } from "../measures/over-time.js";
import { isNeeded, type NeedContext } from "../layout/columns.js";
import { PARTNERSHIP_FIELDS } from "../layout/tables/partnership.js";
import type { ReadOrigins, RecordTable } from "../model/origins.js";
import type {
  FinanceLine,
  Indicator,
  Objective,
  Partner,
  Partnership,
  PartnershipDetails,
  RagStatus,
} from "../model/types.js";
import { Missing, dataText } from "./escape.js";
import { formatMoney, formatNumber, formatPercent, joinWithAnd } from "../format/uk.js";
import {
  FLEXIBILITIES,
  isAgreementParty,
  legalBodyOf,
  legalStanding,
  type DelegatedFunction,
} from "../model/legal.js";
import { nonPartyRows, partyGroups, type PartyGroup } from "./parties.js";
import type { DocumentKind } from "./kinds.js";
import {
  detailLabel,
  detailLocation,
  formatLocation,
  RECORD_LAYOUT,
  recordLocation,
  tableLocation,
} from "./locations.js";

/**
 * What templates see: the partnership with every workbook string escaped and
 * marked as data, every blank the document needs (as the column specs say,
 * for this kind of document) replaced by a `Missing` marker that knows the
 * cell the reader found it in, and the measures (shares, ratios, RAG)
 * computed once here so templates only format them. A blank the document
 * does not need stays blank (falsy for `{{#if}}`).
 */

type Text = string | Missing;

/** What decides a gap: the document being made, and where the reader found each value. */
interface Place {
  context: NeedContext;
  origins: ReadOrigins | undefined;
}

/** A record's fields as templates see them. `who` names the record in labels ("objective O6"). */
function recordFields(table: RecordTable, index: number, who: string, place: Place) {
  const gap = (field: string): Missing | null => {
    const spec = RECORD_LAYOUT[table].columns.find((c) => c.field === field);
    if (!spec || !isNeeded(spec, place.context)) return null;
    const location = recordLocation(table, index, field, place.origins);
    return new Missing(`${spec.label ?? spec.header} of ${who}`, formatLocation(location));
  };
  return {
    text: (field: string, value: string | null): Text =>
      value === null || value.trim() === "" ? (gap(field) ?? "") : dataText(value),
    value: <T>(field: string, value: T | null): T | Missing | null =>
      value === null ? gap(field) : value,
  };
}

function detailFields(details: PartnershipDetails, place: Place) {
  const gap = (key: keyof PartnershipDetails): Missing | null => {
    const spec = PARTNERSHIP_FIELDS.find((f) => f.field === key);
    if (!spec || !isNeeded(spec, place.context)) return null;
    return new Missing(detailLabel(key), formatLocation(detailLocation(key, place.origins)));
  };
  return {
    text: (key: keyof PartnershipDetails): Text => {
      const value = String(details[key] ?? "");
      return value.trim() === "" ? (gap(key) ?? "") : dataText(value);
    },
    value: <K extends keyof PartnershipDetails>(key: K) =>
      details[key] === null ? gap(key) : details[key],
  };
}

function partnerView(
  partner: Partner,
  index: number,
  share: number | null,
  host: string,
  place: Place,
) {
  const who = partner.shortName || partner.organisation || `partner ${index + 1}`;
  const f = recordFields("Partners", index, who, place);
  return {
    number: index + 1,
    organisation: f.text("organisation", partner.organisation),
    shortName: f.text("shortName", partner.shortName),
    sector: f.text("sector", partner.sector),
    representative: f.text("representative", partner.representative),
    role: f.text("role", partner.role),
    voting: partner.votingMember,
    address: f.text("addressForNotices", partner.addressForNotices),
    signatoryName: f.text("signatoryName", partner.signatoryName),
    signatoryTitle: f.text("signatoryTitle", partner.signatoryTitle),
    /** Null means no cash contribution (voluntary and user-led partners often give in kind only). */
    contribution: partner.contribution,
    inKind: f.text("inKindContribution", partner.inKindContribution),
    share,
    isHost: host !== "" && partner.shortName === host,
    legalBody: dataText(legalBodyOf(partner)),
    bodyType: f.text("bodyType", partner.bodyType ?? null),
    isParty: isAgreementParty(partner),
    /** Subject to the Freedom of Information Act: FOI statements name only these. */
    publicAuthority: legalStanding(partner) !== "Other" && legalStanding(partner) !== null,
  };
}

type PartnerView = ReturnType<typeof partnerView>;

/** What one party (a legal body, perhaps several partner rows) brings and who signs for it. */
function partyView(
  group: PartyGroup,
  index: number,
  partners: readonly Partner[],
  views: readonly PartnerView[],
  place: Place,
) {
  const rows = group.rows.map((i) => ({
    partner: partners[i] as Partner,
    view: views[i] as PartnerView,
    i,
  }));
  const first = rows[0] as (typeof rows)[number];
  const f = recordFields("Partners", first.i, first.partner.shortName || group.legalBody, place);
  const cash = rows.map((r) => r.partner.contribution).filter((c): c is number => c !== null);
  const shares = rows.map((r) => r.view.share).filter((s): s is number => s !== null);
  const standing = legalStanding(first.partner);
  return {
    number: index + 1,
    name: dataText(group.legalBody),
    /** One row: its short name; a council of several departments: the council's own name. */
    shortName: rows.length === 1 ? first.view.shortName : dataText(group.legalBody),
    /** The departments or teams taking part, when the party is more than one row or a part of a body. */
    departments: rows
      .filter((r) => r.partner.organisation.trim() !== group.legalBody)
      .map((r) => r.view.organisation),
    bodyType: first.view.bodyType,
    nhs: standing === "NHS body",
    council: standing === "Local authority",
    address: first.view.address,
    signatoryName: first.view.signatoryName,
    signatoryTitle: first.view.signatoryTitle,
    signatoryAuthority: f.text("signatoryAuthority", first.partner.signatoryAuthority ?? null),
    seals: rows.some((r) => r.partner.seals === true),
    contribution: cash.length === 0 ? null : cash.reduce((a, b) => a + b, 0),
    share: shares.length === 0 ? null : shares.reduce((a, b) => a + b, 0),
    inKind: rows.map((r) => r.view.inKind).filter((k) => k !== ""),
    isHost: rows.some((r) => r.view.isHost),
  };
}

function functionView(fn: DelegatedFunction, index: number, place: Place) {
  const f = recordFields("Functions", index, `function ${index + 1}`, place);
  return {
    partner: f.text("partner", fn.partner),
    kind: f.text("kind", fn.kind),
    function: f.text("function", fn.function),
    statutoryBasis: f.text("statutoryBasis", fn.statutoryBasis),
    persons: f.text("persons", fn.persons),
    services: f.text("services", fn.services),
    flexibility: f.text("flexibility", fn.flexibility),
  };
}

/**
 * How an indicator's RAG status is decided, in words a board member can
 * check: against the period's expected value (the target once due), as the
 * workbook rates it.
 */
export function ragRule(indicator: Indicator): string {
  const tolerance = indicator.tolerance ?? 0;
  const pct = formatPercent(tolerance);
  switch (indicator.polarity) {
    case "Higher is better":
      return `Green at or above the expected value; Amber within ${pct} below it; otherwise Red`;
    case "Lower is better":
      return `Green at or below the expected value; Amber within ${pct} above it; otherwise Red`;
    case "Closer to target":
      return `Green within ${pct} of the expected value; Amber within ${formatPercent(tolerance * 2)}; otherwise Red`;
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

/** `rag` is the latest value against its period's expected value, as the workbook's RAG column rates it. */
function indicatorView(indicator: Indicator, index: number, place: Place, rag: RagStatus) {
  const f = recordFields("Indicators", index, `indicator ${indicator.id || index + 1}`, place);
  return {
    id: f.text("id", indicator.id),
    objectiveId: f.text("objectiveId", indicator.objectiveId),
    indicator: f.text("indicator", indicator.indicator),
    type: f.text("type", indicator.type),
    unit: f.text("unit", indicator.unit),
    polarity: f.text("polarity", indicator.polarity),
    frequency: f.text("frequency", indicator.frequency),
    baseline: indicator.baseline,
    target: f.value("target", indicator.target),
    tolerance: indicator.tolerance,
    /** A new service may have no baseline yet: the schedule says so rather than leaving a gap. */
    baselineText:
      indicator.baseline === null
        ? "Not yet set"
        : formatMeasure(indicator.baseline, indicator.unit),
    targetText:
      indicator.target === null
        ? (f.value("target", null) ?? "Not set")
        : formatMeasure(indicator.target, indicator.unit),
    toleranceText: indicator.tolerance === null ? "0%" : formatPercent(indicator.tolerance, 1),
    latestText:
      latestValue(indicator.values) === null
        ? "No data"
        : formatMeasure(latestValue(indicator.values) ?? 0, indicator.unit),
    better: indicator.polarity ? (POLARITY_SHORT[indicator.polarity] ?? "") : "",
    owner: f.text("owner", indicator.owner),
    source: f.text("source", indicator.source),
    latest: latestValue(indicator.values),
    rag,
    direction: direction(indicator) || "Not enough data",
    ragRule: ragRule(indicator),
  };
}

function objectiveView(
  objective: Objective,
  index: number,
  indicators: readonly Indicator[],
  place: Place,
  rags: readonly RagStatus[],
) {
  const f = recordFields("Objectives", index, `objective ${objective.id || index + 1}`, place);
  const own = indicators
    .map((indicator, i) => ({ indicator, i }))
    .filter(({ indicator }) => indicator.objectiveId === objective.id && objective.id !== "");
  return {
    id: f.text("id", objective.id),
    objective: f.text("objective", objective.objective),
    priority: f.text("priority", objective.priority),
    lead: f.text("leadPartner", objective.leadPartner),
    quickWin: objective.quickWin,
    dueDate: f.value("dueDate", objective.dueDate),
    smartScore: smartScore(objective.smart),
    indicators: own.map(({ indicator, i }) =>
      indicatorView(indicator, i, place, rags[i] ?? "No data"),
    ),
  };
}

function financeView(line: FinanceLine, index: number, place: Place) {
  const f = recordFields("Finance", index, line.serviceLine || `service line ${index + 1}`, place);
  return {
    serviceLine: f.text("serviceLine", line.serviceLine),
    lead: f.text("leadPartner", line.leadPartner),
    budget: f.value("budget", line.budget),
    actual: line.actual,
    forecast: line.forecast ?? null,
    outputMeasure: f.text("outputMeasure", line.outputMeasure),
    outputs: line.outputs,
    benchmarkUnitCost: line.benchmarkUnitCost ?? null,
    outcomeMeasure: f.text("outcomeMeasure", line.outcomeMeasure),
    outcomeTarget: line.outcomeTarget,
    outcomesAchieved: line.outcomesAchieved,
    ratios: financeRatios(line),
  };
}

/**
 * `origins` says where the reader found each value, so every [MISSING]
 * comment names the right cell whatever rows the officer inserted, sorted
 * or reordered; without them (a partnership not read from a workbook) the
 * blueprint's own layout is used.
 */
export function viewModel(
  partnership: Partnership,
  kind: DocumentKind,
  mode: "draft" | "final",
  origins?: ReadOrigins,
) {
  const { details } = partnership;
  const place: Place = { context: { kind, arrangement: details.arrangement }, origins };
  const shares = contributionShares(partnership.partners);
  const pooled = details.arrangement === "Formal agreement with pooled fund";
  const formal = pooled || details.arrangement === "Formal agreement without pooled fund";
  const hostIndex = partnership.partners.findIndex(
    (p) => p.shortName !== "" && p.shortName === details.hostPartner,
  );
  const host = partnership.partners[hostIndex];
  const totals = financeTotals(partnership.finance);
  // One RAG everywhere: against each period's expected value, as the workbook rates it.
  const rags = latestRags(partnership);
  const contributions = pooledFundTotal(partnership.partners);
  const f = detailFields(details, place);
  const partnerViews = partnership.partners.map((p, i) =>
    partnerView(p, i, shares[i] ?? null, details.hostPartner, place),
  );
  const parties = partyGroups(partnership.partners).map((group, i) =>
    partyView(group, i, partnership.partners, partnerViews, place),
  );
  const nonParties = nonPartyRows(partnership.partners).map((i) => partnerViews[i] as PartnerView);
  const leadCommissioning = details.leadCommissioning === true;
  const integratedProvision = details.integratedProvision === true;
  const functions = (partnership.functions ?? []).map((fn, i) => functionView(fn, i, place));
  const budgets = totals.budget;
  const location = (table: RecordTable) => formatLocation(tableLocation(table, origins));
  return {
    kind,
    draft: mode === "draft",
    pooled,
    formal,
    details: {
      name: f.text("name"),
      arrangement: f.text("arrangement"),
      serviceArea: f.text("serviceArea"),
      vision: f.text("vision"),
      hostPartner: f.text("hostPartner"),
      /** The host's organisation name, falling back to the short name the workbook gives. */
      hostPartnerName: host
        ? recordFields("Partners", hostIndex, host.shortName, place).text(
            "organisation",
            // The legal body hosts the fund, not its department (issue 10).
            legalBodyOf(host) === "" ? null : legalBodyOf(host),
          )
        : f.text("hostPartner"),
      startDate: f.value("startDate"),
      endDate: f.value("endDate"),
      reviewDate: f.value("reviewDate"),
      governingBody: f.text("governingBody"),
      chair: f.text("chair"),
      viceChair: f.text("viceChair"),
      quorum: f.value("quorum"),
      meetingFrequency: f.text("meetingFrequency"),
      decisionRule: f.text("decisionRule"),
      reportingLine: f.text("reportingLine"),
      pooledFundManager: f.text("pooledFundManager"),
      noticePeriodMonths: f.value("noticePeriodMonths"),
      documentVersion: f.text("documentVersion"),
      documentStatus: f.text("documentStatus"),
      documentDate: f.value("documentDate"),
      /** Blank (not a gap) until the agreement is signed: "THIS AGREEMENT is dated" is left to fill in. */
      agreementDate: details.agreementDate ?? null,
      leadCommissioner: f.text("leadCommissioner"),
      leadCommissionerName: organisationOf(
        partnership.partners,
        details.leadCommissioner ?? "",
        f.text("leadCommissioner"),
      ),
      paymentTerms: f.text("paymentTerms"),
      unallocatedContributions: f.text("unallocatedContributions"),
      informationSharingAgreement: f.text("informationSharingAgreement"),
      dataProtectionImpactAssessment: f.text("dataProtectionImpactAssessment"),
    },
    partners: partnerViews,
    /** The agreement's parties: eligible legal bodies, one per body (issue 10). */
    parties,
    /** Organisations on the board that are not parties (they take part through its terms of reference). */
    nonParties,
    /** The partners subject to the Freedom of Information Act, by organisation. */
    publicAuthorities: partnerViews.filter((p) => p.publicAuthority),
    otherBodies: partnerViews.filter((p) => !p.publicAuthority),
    leadCommissioning,
    integratedProvision,
    /** The flexibilities used, in words: "a pooled fund (regulation 7) and lead commissioning (regulation 5)". */
    // Data, not template prose: "pooled fund" here is the Regulations' phrase, not the defined term.
    flexibilities: dataText(
      joinWithAnd(
        [
          pooled ? `a ${FLEXIBILITIES.pooledFund}` : "",
          leadCommissioning ? FLEXIBILITIES.leadCommissioning : "",
          integratedProvision ? FLEXIBILITIES.integratedProvision : "",
        ].filter(Boolean),
      ),
    ),
    functions,
    nhsFunctions: functions.filter((_, i) => partnership.functions?.[i]?.kind === "NHS function"),
    healthRelatedFunctions: functions.filter(
      (_, i) => partnership.functions?.[i]?.kind === "Health-related function",
    ),
    /** Contributions against service-line budgets: the finance schedule explains any difference. */
    reconciliation: {
      contributions,
      budgets,
      difference: contributions - budgets,
      balanced: Math.abs(contributions - budgets) < 0.5,
      contributionsExceedBudgets: contributions - budgets >= 0.5,
    },
    votingPartners: partnership.partners.filter((p) => p.votingMember).length,
    /** Whether the quorum can ask for a member from each side of a health and social care partnership. */
    hasNhsPartner: parties.some((p) => p.nhs),
    hasCouncilPartner: parties.some((p) => p.council),
    contributions,
    values: partnership.values.map((v, i) => {
      const fields = recordFields("Values", i, `value ${i + 1}`, place);
      return { value: fields.text("value", v.value), meaning: fields.text("meaning", v.meaning) };
    }),
    objectives: partnership.objectives.map((o, i) =>
      objectiveView(o, i, partnership.indicators, place, rags),
    ),
    indicators: partnership.indicators.map((indicator, i) =>
      indicatorView(indicator, i, place, rags[i] ?? "No data"),
    ),
    periods: partnership.periods.map(dataText),
    latestPeriod: dataText(partnership.periods[partnership.periods.length - 1] ?? ""),
    finance: partnership.finance.map((line, i) => financeView(line, i, place)),
    financeTotals: totals,
    /** Totals of outputs and outcomes, only across lines counting the same thing. */
    financeUnits: {
      outputs: outputUnitTotals(partnership.finance),
      outcomes: outcomeUnitTotals(partnership.finance),
    },
    locations: {
      partners: location("Partners"),
      objectives: location("Objectives"),
      indicators: location("Indicators"),
      finance: location("Finance"),
      values: location("Values"),
      functions: location("Functions"),
      unallocated: formatLocation(detailLocation("unallocatedContributions", origins)),
    },
  };
}

/** The legal body a short name stands for, or the short name's own gap when it matches no partner. */
function organisationOf(partners: readonly Partner[], shortName: string, fallback: Text): Text {
  const partner = partners.find((p) => p.shortName !== "" && p.shortName === shortName);
  return partner ? dataText(legalBodyOf(partner)) : fallback;
}

export type ViewModel = ReturnType<typeof viewModel>;

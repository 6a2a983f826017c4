import { readdirSync, readFileSync } from "node:fs";
import { isEligibleBody } from "../../../core/model/legal.js";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { examplePartnership } from "../../../core/example/partnership.js";
import { parseInstrument, parseInstruments } from "../../../core/instruments/parse.js";
import type { GridInstrument, Instrument } from "../../../core/instruments/types.js";
import {
  direction,
  financeRatios,
  itemStats,
  ragStatus,
  scoresInOrder,
  smartScore,
} from "../../../core/measures/index.js";
import { isValidIsoDate } from "../../../core/model/dates.js";
import { indicatorsOverTime, objectivesPastDue, planOf } from "../../../core/measures/over-time.js";
import { reportsIn } from "../../../core/measures/periods.js";
import {
  INDICATOR_TYPES,
  POLARITIES,
  RAG_STATUSES,
  SECTORS,
  type Partnership,
} from "../../../core/model/types.js";

const dir = fileURLToPath(new URL("../../../templates/instruments/", import.meta.url));
const { instruments } = parseInstruments(
  readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => ({ name, text: readFileSync(dir + name, "utf8") })),
);
const example = examplePartnership(instruments);
const shortNames = example.partners.map((p) => p.shortName);

describe("the example partnership", () => {
  it("is the same on every call, and a fresh value each time", () => {
    const again = examplePartnership(instruments);
    expect(again).toEqual(example);
    expect(again).not.toBe(example);
    again.indicators[0]?.values.splice(0, 1, 999);
    expect(examplePartnership(instruments)).toEqual(example);
  });

  it("has every detail filled in, with valid dates in a sensible order", () => {
    const details = example.details;
    for (const [field, value] of Object.entries(details)) {
      // Not signed yet: the agreement's date stays blank until it is (issue 10).
      if (field === "agreementDate") continue;
      expect(value, field).not.toBeNull();
      expect(value, field).not.toBe("");
    }
    expect(details.arrangement).toBe("Formal agreement with pooled fund");
    for (const date of [
      details.startDate,
      details.endDate,
      details.reviewDate,
      details.documentDate,
    ]) {
      expect(isValidIsoDate(date ?? "")).toBe(true);
    }
    const order = [details.documentDate, details.startDate, details.reviewDate, details.endDate];
    expect([...order].sort()).toEqual(order);
    expect(new Set(order).size).toBe(4);
    expect(shortNames).toContain(details.hostPartner);
    expect(details.quorum).toBeLessThanOrEqual(
      example.partners.filter((p) => p.votingMember).length,
    );
  });

  it("has at least six partners from the sectors an older people's partnership needs", () => {
    expect(example.partners.length).toBeGreaterThanOrEqual(6);
    expect(new Set(shortNames).size).toBe(shortNames.length);
    const sectors = new Set(example.partners.map((p) => p.sector));
    for (const sector of SECTORS.filter((s) => s !== "Other")) expect(sectors).toContain(sector);
    for (const partner of example.partners) {
      for (const field of [
        "organisation",
        "representative",
        "role",
        "addressForNotices",
        ...(isEligibleBody(partner.bodyType) ? (["signatoryName", "signatoryTitle"] as const) : []),
      ] as const) {
        // Only the parties (NHS bodies and local authorities) sign the agreement (issue 10).
        expect(partner[field], `${partner.shortName} ${field}`).not.toBe("");
      }
    }
    const cash = example.partners.filter((p) => (p.contribution ?? 0) > 0);
    const inKindOnly = example.partners.filter(
      (p) => p.contribution === null && p.inKindContribution !== "",
    );
    expect(cash.length).toBeGreaterThanOrEqual(3);
    expect(inKindOnly.length).toBeGreaterThanOrEqual(2);
    expect(example.partners.some((p) => !p.votingMember)).toBe(true);
  });

  it("has values with meanings", () => {
    expect(example.values.length).toBeGreaterThanOrEqual(6);
    for (const value of example.values) {
      expect(value.value).not.toBe("");
      expect(value.meaning).not.toBe("");
    }
  });

  it("has six objectives with unique ids, real lead partners, a quick win and one failing SMART", () => {
    const ids = example.objectives.map((o) => o.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    for (const objective of example.objectives) expect(shortNames).toContain(objective.leadPartner);
    expect(example.objectives.some((o) => o.quickWin)).toBe(true);
    expect(example.objectives.some((o) => smartScore(o.smart) < 5)).toBe(true);
    expect(example.objectives.some((o) => smartScore(o.smart) === 5)).toBe(true);
    for (const o of example.objectives) if (o.dueDate) expect(isValidIsoDate(o.dueDate)).toBe(true);
  });

  it("has 24 months of indicators covering every type, polarity, RAG status and direction", () => {
    expect(example.periods).toHaveLength(24);
    expect(example.periods[0]).toBe("Apr 2024");
    expect(example.periods.at(-1)).toBe("Mar 2026");
    expect(planOf(example)).toEqual({ start: "2024-04-01", length: "month", count: 24 });
    const indicators = example.indicators;
    expect(indicators.length).toBeGreaterThanOrEqual(20);
    expect(new Set(indicators.map((i) => i.id)).size).toBe(indicators.length);
    const objectiveIds = example.objectives.map((o) => o.id);
    for (const indicator of indicators) {
      expect(objectiveIds).toContain(indicator.objectiveId);
      expect(indicator.values).toHaveLength(example.periods.length);
      expect(indicator.tolerance).toBeGreaterThan(0);
      expect(indicator.tolerance).toBeLessThan(1);
      expect(indicator.owner).not.toBe("");
      expect(indicator.source).not.toBe("");
    }
    for (const objective of objectiveIds) {
      expect(
        indicators.some((i) => i.objectiveId === objective),
        objective,
      ).toBe(true);
    }
    expect(new Set(indicators.map((i) => i.type))).toEqual(new Set(INDICATOR_TYPES));
    expect(new Set(indicators.map((i) => i.polarity))).toEqual(new Set(POLARITIES));
    expect(new Set(indicators.map(ragStatus))).toEqual(new Set(RAG_STATUSES));
    expect(new Set(indicators.map(direction))).toEqual(
      new Set(["Improving", "Worsening", "No change", ""]),
    );
    const latest = indicators.map((i) => i.values.at(-1) ?? null);
    expect(latest.some((v) => v === null) && latest.some((v) => v !== null)).toBe(true);
    const counts = indicators.map((i) => i.values.filter((v) => v !== null).length);
    expect(counts).toContain(0);
    expect(counts).toContain(1);
    // Percentages are fractions, as the sheet stores them.
    for (const i of indicators.filter((x) => x.unit === "%")) {
      for (const v of [...i.values, i.target, i.baseline])
        if (v !== null) expect(v).toBeLessThanOrEqual(1);
    }
  });

  it("reports quarterly indicators in each quarter's last month and annual ones in March", () => {
    const plan = planOf(example);
    if (plan === null) throw new Error("the example's periods carry no dates");
    for (const indicator of example.indicators) {
      const frequency = indicator.frequency ?? "Monthly";
      indicator.values.forEach((value, index) => {
        if (value !== null) expect(reportsIn(plan, index, frequency), indicator.id).toBe(true);
      });
    }
  });

  it("shows every SPC signal and verdict, a trajectory, an overdue return and Red twice running", () => {
    const asAt = "2026-05-01";
    const judged = new Map(indicatorsOverTime(example, asAt).map((j) => [j.id, j]));
    const monthly = example.indicators.filter((i) => i.frequency === "Monthly");
    expect(monthly.length).toBeGreaterThanOrEqual(4);
    for (const indicator of monthly) {
      expect(indicator.values.filter((v) => v !== null).length).toBeGreaterThanOrEqual(23);
    }
    const spcOf = (id: string) => judged.get(id)?.spc ?? null;
    expect(spcOf("I25")?.variation).toBe("improvement");
    expect(spcOf("I25")?.assurance).toBe("inconsistent");
    expect(spcOf("I26")?.variation).toBe("concern");
    expect(spcOf("I26")?.assurance).toBe("fail");
    expect(spcOf("I27")?.variation).toBe("common");
    expect(spcOf("I27")?.assurance).toBe("pass");
    expect(spcOf("I28")?.variation).toBe("neutral_high");
    expect(spcOf("I28")?.assurance).toBeNull();
    // Each signal appears: I27's outage beyond the lower limit, I25's shift, I26's trend, I28's near-limit pair.
    const used = (id: string) =>
      example.indicators.find((i) => i.id === id)?.values.filter((v) => v !== null) ?? [];
    const i27 = spcOf("I27");
    expect(used("I27").filter((v) => i27 !== null && v < i27.lower)).toEqual([0.78]);
    expect(spcOf("I25")?.special.slice(-9)).toEqual(Array(9).fill(true));
    expect(spcOf("I26")?.special.slice(14, 22)).toEqual(Array(8).fill(true));
    expect(spcOf("I28")?.special.slice(-3)).toEqual([false, true, true]);
    // Quarterly indicators have too few values for SPC.
    expect(spcOf("I1")).toBeNull();

    expect(example.targets?.some((t) => t.indicatorId === "I26")).toBe(true);
    expect(judged.get("I26")?.expected.at(-1)).toBe(17);
    expect(judged.get("I26")?.redTwice).toBe(true);
    expect(judged.get("I26")?.rag).toBe("Red");
    expect(judged.get("I27")?.overdue).toEqual(["Mar 2026"]);
    // A quarter's return is due six weeks after it ends: March's not yet on 1 May.
    expect(judged.get("I1")?.overdue).toEqual([]);

    const past = objectivesPastDue(example, asAt);
    // O6 has no due date.
    expect(past.map((o) => o.objectiveId)).toEqual(["O1", "O2", "O3", "O4", "O5"]);
    expect(past[2]?.indicators.find((i) => i.indicatorId === "I9")).toEqual({
      indicatorId: "I9",
      period: "Sep 2025",
      met: false,
    });
  });

  it("has finance lines for real partners, including blank and zero ratios", () => {
    expect(example.finance.length).toBeGreaterThanOrEqual(8);
    for (const line of example.finance) expect(shortNames).toContain(line.leadPartner);
    const ratios = example.finance.map((line) => ({ line, ratios: financeRatios(line) }));
    const noOutputs = ratios.find((r) => r.line.outputs === 0);
    expect(noOutputs?.ratios.unitCost).toBeNull();
    const noOutcomes = ratios.find((r) => r.line.outcomesAchieved === 0);
    expect(noOutcomes?.ratios.effectiveness).toBe(0);
    expect(noOutcomes?.ratios.costPerOutcome).toBeNull();
    expect(ratios.some((r) => (r.ratios.variance ?? 0) > 0)).toBe(true);
    expect(ratios.some((r) => (r.ratios.variance ?? 0) < 0)).toBe(true);
  });
});

/** Checks every assessment against its instrument; used for shipped and made-up instruments. */
function checkAssessments(partnership: Partnership, list: readonly Instrument[]): void {
  const names = partnership.partners.map((p) => p.shortName);
  expect(partnership.assessments.map((a) => a.instrumentId)).toEqual(list.map((i) => i.id));
  for (const instrument of list) {
    const assessment = partnership.assessments.find((a) => a.instrumentId === instrument.id);
    if (!assessment) throw new Error(`no assessment for ${instrument.id}`);
    if (instrument.kind === "grid") {
      expect(assessment.entries).toEqual([]);
      const expected = instrument.sections.flatMap((s) =>
        s.statements.map((t) => ({ section: s.name, statement: t.text })),
      );
      expect(assessment.items.map(({ section, statement }) => ({ section, statement }))).toEqual(
        expected,
      );
      for (const item of assessment.items) {
        expect(Object.keys(item.scores).sort()).toEqual([...names].sort());
        for (const score of Object.values(item.scores)) {
          expect(Number.isInteger(score)).toBe(true);
          expect(score).toBeGreaterThanOrEqual(instrument.scale.min);
          expect(score).toBeLessThanOrEqual(instrument.scale.max);
        }
      }
      const stats = assessment.items.map((item) =>
        itemStats(scoresInOrder(item, names), instrument),
      );
      const lowest = instrument.bands.at(-1)?.verdict;
      expect(
        stats.some((s) => (s.spread ?? 0) >= instrument.disagreementSpread),
        instrument.id,
      ).toBe(true);
      expect(
        stats.some((s) => s.verdict === lowest),
        instrument.id,
      ).toBe(true);
    } else {
      expect(assessment.items).toEqual([]);
      const inputs = instrument.columns.filter((c) => c.type !== "formula");
      expect(assessment.entries.length).toBeGreaterThanOrEqual(instrument.rows.length);
      // The register's own rows come first, with their text unchanged.
      instrument.rows.forEach((row, i) => {
        for (const [header, value] of Object.entries(row)) {
          if (value !== null) expect(assessment.entries[i]?.[header]).toBe(value);
        }
      });
      for (const entry of assessment.entries) {
        expect(Object.keys(entry)).toEqual(inputs.map((c) => c.header));
        for (const column of inputs) {
          const value = entry[column.header];
          if (value === null || value === undefined) continue;
          if (column.type === "number") expect(typeof value).toBe("number");
          if (column.type === "date") expect(isValidIsoDate(String(value))).toBe(true);
          if (column.type === "choice") expect(column.options).toContain(value);
        }
      }
    }
  }
}

describe("the example's assessments", () => {
  it("score every statement of every grid, by every partner, within the scale", () => {
    checkAssessments(example, instruments);
  });

  it("fill the registers with owners, partners and KPIs that exist", () => {
    const entries = (id: string) =>
      example.assessments.find((a) => a.instrumentId === id)?.entries ?? [];
    const indicatorIds = example.indicators.map((i) => i.id);
    expect(entries("benefits")).toHaveLength(10);
    for (const benefit of entries("benefits")) {
      expect(shortNames).toContain(benefit.Owner);
      expect(benefit.Priority).not.toBeNull();
      if (benefit["Linked KPI"] !== null) expect(indicatorIds).toContain(benefit["Linked KPI"]);
    }
    const pitfalls = entries("pitfalls");
    expect(pitfalls.length).toBeGreaterThan(7);
    for (const risk of pitfalls) {
      expect(shortNames).toContain(risk.Owner);
      expect(risk.Mitigation).not.toBeNull();
      for (const score of [risk.Likelihood, risk.Impact]) {
        expect(score).toBeGreaterThanOrEqual(1);
        expect(score).toBeLessThanOrEqual(5);
      }
    }
    const ledger = entries("bank_account");
    expect(ledger.length).toBeGreaterThanOrEqual(10);
    for (const entry of ledger) expect(shortNames).toContain(entry.Partner);
    const dates = ledger.map((e) => String(e.Date));
    expect(dates).toEqual([...dates].sort());
    expect(new Set(ledger.map((e) => e["Credit or debit"]))).toEqual(new Set(["Credit", "Debit"]));
  });

  it("cover only the instruments asked for, and made-up instruments too", () => {
    const tiny = parseInstrument(
      "tiny.yaml",
      [
        "id: tiny",
        "title: Tiny",
        "sheet: Tiny",
        "source: Test",
        "instructions: Score it.",
        "kind: grid",
        "scale: {min: 1, max: 3, labels: {1: Low, 2: Middle, 3: High}}",
        "sections: [{name: Only, statements: [The only statement]}]",
        "bands: [{min: 2.5, verdict: Good}, {min: 1, verdict: Poor}]",
        "disagreement_spread: 2",
      ].join("\n"),
    ).instrument as GridInstrument;
    expect(tiny).not.toBeNull();
    const pitfalls = instruments.filter((i) => i.id === "pitfalls");
    const list = [tiny, ...pitfalls];
    const partnership = examplePartnership(list);
    checkAssessments(partnership, list);
    expect(examplePartnership([]).assessments).toEqual([]);
  });
});

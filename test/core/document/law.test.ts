import { describe, expect, it } from "vitest";
import { finalDocumentGaps } from "../../../core/document/final-gaps.js";
import { eligibilityProblems } from "../../../core/document/legal-checks.js";
import { partyGroups } from "../../../core/document/parties.js";
import { regulationCoverage } from "../../../core/document/regulation-coverage.js";
import { viewModel } from "../../../core/document/view-model.js";
import type { Partnership } from "../../../core/model/types.js";
import { docxParts, docxText } from "../../support/docx-text.js";
import { build, completeExample, example, templates } from "./fixtures.js";

/** Issue 10, "The law, right": who the parties are, the flexibilities, regulation 7(3). */

const HEAVY = 120_000;

async function text(kind: "agreement" | "terms-of-reference", partnership: Partnership) {
  const result = await build(kind, partnership);
  expect(result.bytes, JSON.stringify(result.problems)).not.toBeNull();
  return docxText(result.bytes ?? new Uint8Array());
}

const errors = (problems: readonly { severity: string; message: string }[]) =>
  problems.filter((p) => p.severity === "error").map((p) => p.message);

describe("parties to a section 75 agreement", () => {
  it(
    "names only the NHS bodies and local authorities, by legal body, as the example's parties",
    async () => {
      const partnership = await example();
      const parties = partyGroups(partnership.partners).map((g) => g.legalBody);
      expect(parties).toEqual([
        "NHS Northvale Integrated Care Board",
        "Northvale Community Health NHS Trust",
        "Northvale County Council",
        "Eastbrook District Council",
      ]);
      const printed = await text("agreement", partnership);
      expect(printed).toContain("(3)\tNORTHVALE COUNTY COUNCIL of County Hall");
      expect(printed).not.toContain("NORTHVALE COUNTY COUNCIL (ADULT SOCIAL CARE)");
      expect(printed).not.toMatch(/^\(\d\)\tAGE WELL NORTHVALE/m);
      // The voluntary and user-led organisations take part through the Board, not as parties.
      expect(printed).toContain("The following organisations are not parties to this Agreement.");
      expect(printed).toMatch(/\| Age Well Northvale \| Voluntary sector \| Denise Okoro \|/);
      expect(printed).not.toContain("Signed for and on behalf of Age Well Northvale");
      expect(eligibilityProblems(partnership, "agreement")).toEqual([]);
    },
    HEAVY,
  );

  it(
    "makes two departments of one council a single party, with their contributions added",
    async () => {
      const partnership = await example();
      const council = partnership.partners.find((p) => p.shortName === "County Council");
      if (!council) throw new Error("the example has a County Council");
      partnership.partners.push({
        ...council,
        organisation: "Northvale County Council (Public Health)",
        shortName: "Public Health",
        contribution: 400_000,
        inKindContribution: "",
      });
      const groups = partyGroups(partnership.partners);
      expect(groups.map((g) => g.legalBody)).toHaveLength(4);
      const view = viewModel(partnership, "agreement", "draft");
      const party = view.parties.find((p) => String(p.name).includes("Northvale County Council"));
      expect(party?.contribution).toBe(3_500_000);
      const printed = await text("agreement", partnership);
      expect(printed.match(/^\(\d\)\tNORTHVALE COUNTY COUNCIL of/gm)).toHaveLength(1);
      expect(printed.match(/common seal of Northvale County Council/g)).toHaveLength(1);
    },
    HEAVY,
  );

  it(
    "refuses a final agreement without an NHS body, or without a local authority",
    async () => {
      const noNhs = await completeExample();
      noNhs.partners = noNhs.partners.filter(
        (p) => !["Northvale ICB", "Community Trust"].includes(p.shortName),
      );
      expect(errors(eligibilityProblems(noNhs, "agreement"))).toEqual([
        expect.stringContaining("needs an NHS body among its parties"),
      ]);
      const noCouncil = await completeExample();
      noCouncil.details.hostPartner = "Northvale ICB";
      noCouncil.partners = noCouncil.partners.filter((p) => p.bodyType !== "Local authority");
      expect(errors(eligibilityProblems(noCouncil, "agreement"))).toEqual([
        expect.stringContaining("needs a local authority among its parties"),
      ]);
      const final = await build("agreement", noCouncil, { mode: "final" });
      expect(final.bytes).toBeNull();
      expect(errors(final.problems)).toContainEqual(
        expect.stringContaining("needs a local authority among its parties"),
      );
      // Terms of reference are not an agreement: no party rules apply.
      expect(eligibilityProblems(noCouncil, "terms-of-reference")).toEqual([]);
    },
    HEAVY,
  );

  it(
    "reports a charity named as a party at its Agreement party cell, and check counts it as an error",
    async () => {
      const partnership = await completeExample();
      const index = partnership.partners.findIndex((p) => p.shortName === "Age Well");
      const ageWell = partnership.partners[index];
      if (!ageWell) throw new Error("the example has Age Well");
      ageWell.agreementParty = "Yes";
      const [problem] = eligibilityProblems(partnership, "agreement");
      expect(problem).toMatchObject({
        severity: "error",
        sheet: "Partners",
        cell: `O${5 + index}`,
      });
      expect(problem?.message).toContain("Age Well Northvale is named as a party");
      expect(problem?.message).toContain("cannot be a party to a section 75 agreement");
      const gaps = finalDocumentGaps({ partnership, templates });
      expect(gaps.legal.map((p) => p.message)).toContainEqual(
        expect.stringContaining("Age Well Northvale is named as a party"),
      );
      // A draft is still made, with the problem as a warning, so the team can see the text.
      const draft = await build("agreement", partnership);
      expect(draft.bytes).not.toBeNull();
      expect(draft.problems).toContainEqual(
        expect.objectContaining({ severity: "warning", cell: `O${5 + index}` }),
      );
    },
    HEAVY,
  );

  it(
    "says in the terms of reference which partners are subject to the Freedom of Information Act",
    async () => {
      const partnership = await example();
      partnership.details.arrangement = "Informal";
      const printed = await text("terms-of-reference", partnership);
      const foi = printed
        .split("\n")
        .find((l) => l.includes("public authorities subject to the Freedom"));
      expect(foi).toContain("NHS Northvale Integrated Care Board");
      expect(foi).not.toContain("Age Well Northvale");
      expect(printed).toContain(
        "Age Well Northvale, Northvale Care Providers Association and Northvale Carers Forum are not public authorities under that Act.",
      );
    },
    HEAVY,
  );
});

describe("the arrangement's flexibilities", () => {
  it(
    "prints the lead commissioning and integrated provision clauses only when the workbook uses them",
    async () => {
      const partnership = await example();
      const both = await text("agreement", partnership);
      expect(both).toContain(
        "a pooled fund (regulation 7), lead commissioning (regulation 5) and integrated provision (regulation 6)",
      );
      expect(both).toMatch(/^5\.\tLead commissioning$/m);
      expect(both).toMatch(/^6\.\tIntegrated provision$/m);
      expect(both).toContain('"Lead Commissioner" has the meaning given in clause 5;');

      partnership.details.leadCommissioning = false;
      partnership.details.integratedProvision = false;
      partnership.details.arrangement = "Formal agreement without pooled fund";
      const neither = await text("agreement", partnership);
      expect(neither).not.toMatch(/^\d+\.\tLead commissioning$/m);
      expect(neither).not.toContain("Lead Commissioner");
      expect(neither).not.toMatch(/^\d+\.\tIntegrated provision$/m);
      expect(neither).not.toContain("Pooled Fund");
      expect(neither).toMatch(/^5\.\tGovernance$/m);

      partnership.details.integratedProvision = true;
      const one = await text("agreement", partnership);
      expect(one).toContain("the Partners use integrated provision (regulation 6).");
      expect(one).toMatch(/^5\.\tIntegrated provision$/m);
    },
    HEAVY,
  );
});

describe("regulation 7(3) of SI 2000/617", () => {
  it("finds each item's clauses from the tags, and lists what nothing covers", () => {
    const markup = [
      "# Aims {#aims}",
      "## Aim.",
      "%% satisfies: 7(3)(a)",
      "# Money {#money}",
      "%% satisfies: 7(3)(b), 7(3)(g)",
      "%% regulation-7-3-note",
    ].join("\n");
    const coverage = regulationCoverage(markup, { pooled: true, draft: true });
    expect([...coverage.covered.entries()]).toEqual([
      ["a", ["aims"]],
      ["b", ["money"]],
      ["g", ["money"]],
    ]);
    expect(coverage.missing).toEqual(["c", "d", "e", "f"]);
    const note = coverage.markup.split("\n").at(-1) ?? "";
    expect(note).toMatch(/^> NOTE: Regulation 7\(3\)/);
    expect(note).toContain("(a) the agreed aims and outcomes: [[clause:aims]]");
    expect(note).toContain(
      "(c) the NHS functions and health-related functions covered: NOT COVERED",
    );
    // A final, or an agreement with no pooled fund, gets no note.
    expect(regulationCoverage(markup, { pooled: true, draft: false }).markup).not.toContain("NOTE");
    expect(regulationCoverage(markup, { pooled: false, draft: true }).markup).not.toContain("NOTE");
    expect(
      regulationCoverage("%% satisfies: 7(3)(h)", { pooled: true, draft: true }).issues,
    ).toHaveLength(1);
  });

  it(
    "covers (a) to (g) in the example, and refuses a final pooled fund agreement with no functions, naming (c) and (d)",
    async () => {
      const complete = await completeExample();
      expect(finalDocumentGaps({ partnership: complete, templates }).legal).toEqual([]);
      expect((await build("agreement", complete, { mode: "final" })).bytes).not.toBeNull();

      complete.functions = [];
      const refused = await build("agreement", complete, { mode: "final" });
      expect(refused.bytes).toBeNull();
      const message = errors(refused.problems).find((m) => m.includes("regulation 7(3)"));
      expect(message).toContain("(c) the NHS functions and health-related functions covered");
      expect(message).toContain("(d) the persons and the kinds of services covered");
      expect(message).not.toContain("(a)");
      expect(message).toContain("a final agreement is refused");
      // Without a pooled fund, regulation 7(3) does not apply.
      complete.details.arrangement = "Formal agreement without pooled fund";
      expect(
        finalDocumentGaps({ partnership: complete, templates }).legal.filter((p) =>
          p.message.includes("7(3)"),
        ),
      ).toEqual([]);
    },
    HEAVY,
  );
});

describe("the agreement is the contract, not a monitoring report", () => {
  it(
    "leaves the date blank until the workbook records the signing, and shows no latest values, RAG or spend",
    async () => {
      const partnership = await example();
      const unsigned = await text("agreement", partnership);
      expect(unsigned).toContain("THIS AGREEMENT is dated ........................ 20.....");
      const schedules = unsigned.slice(unsigned.indexOf("Schedule 1\n"));
      expect(schedules).not.toContain("Latest");
      expect(schedules).not.toMatch(/\| (Green|Amber|Red) \|/);
      expect(schedules).not.toContain("Spend to date");
      expect(schedules).not.toContain("Actual spend");
      expect(schedules).toContain(
        "| ID | Indicator | Type | Better | Baseline | Target | Tolerance | Frequency |",
      );
      // The contributions and the service-line budgets are reconciled in words.
      expect(schedules).toContain(
        "The Contributions in paragraph 2 of Schedule 1 total £8,300,000 and the budgets of the service lines total",
      );
      expect(schedules).toContain("is held by the Host Partner as a contingency");

      partnership.details.agreementDate = "2024-03-28";
      const signed = await text("agreement", partnership);
      expect(signed).toContain("THIS AGREEMENT is dated 28 March 2024.");
    },
    HEAVY,
  );
});

describe("more of the law", () => {
  it("refuses a pooled fund contribution from an organisation that is not a party, at its cell", async () => {
    const partnership = await completeExample();
    const index = partnership.partners.findIndex((p) => p.shortName === "Carers Forum");
    const forum = partnership.partners[index];
    if (!forum) throw new Error("the example has the Carers Forum");
    forum.contribution = 10_000;
    expect(eligibilityProblems(partnership, "agreement")).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: `J${5 + index}`,
        message: expect.stringContaining(
          "Northvale Carers Forum is not a party to the agreement, so it cannot pay into the pooled fund",
        ),
      }),
    ]);
  });

  it(
    "puts the regulation 7(3) coverage, clause by clause, in a drafting note of the draft",
    async () => {
      const result = await build("agreement", await example());
      const parts = await docxParts(result.bytes ?? new Uint8Array());
      const comments = parts.get("word/comments.xml") ?? "";
      expect(comments).toContain("Regulation 7(3) of the Regulations");
      expect(comments).toContain("(a) the agreed aims and outcomes: clause 3.1, clause 13.1");
      expect(comments).toContain(
        "(c) the NHS functions and health-related functions covered: clause 4.1, paragraph 1 of Schedule 5, paragraph 2 of Schedule 5",
      );
      expect(comments).toContain(
        "(g) how the pooled fund is managed and monitored: clause 9.4, clause 13.1.",
      );
      expect(comments).not.toContain("NOT COVERED");
    },
    HEAVY,
  );
});

describe("the Functions sheet against the parties and flexibilities", () => {
  it("refuses a non-party's function, and warns of a flexibility the Partnership sheet does not use", async () => {
    const partnership = await completeExample();
    const functions = partnership.functions ?? [];
    const first = functions[0];
    if (!first) throw new Error("the example has functions");
    functions.push({ ...first, partner: "Age Well" });
    partnership.details.leadCommissioning = false;
    const problems = eligibilityProblems(partnership, "agreement");
    const lead = functions.findIndex((fn) => fn.flexibility === "Lead commissioning");
    expect(problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "Functions",
        cell: `G${5 + lead}`,
        message: expect.stringContaining("exercised through lead commissioning"),
      }),
      expect.objectContaining({
        severity: "error",
        sheet: "Functions",
        cell: `A${5 + functions.length - 1}`,
        message: expect.stringContaining("Age Well is not a party to the agreement"),
      }),
    ]);
  });
});

import { isAgreementParty, legalBodyOf, legalStanding } from "../model/legal.js";
import type { Problem } from "../model/problem.js";
import type { ReadOrigins } from "../model/origins.js";
import type { Partnership } from "../model/types.js";
import type { DocumentKind } from "./kinds.js";
import { recordLocation, tableLocation, type WorkbookLocation } from "./locations.js";
import { partiesCover } from "./parties.js";
import { describeItem, type Regulation73Item } from "./regulation-coverage.js";

/** Said after every message here: what these problems do. */
export const REFUSED = "a final agreement is refused until this is put right";

function at(where: WorkbookLocation, message: string, hint: string): Problem {
  return { severity: "error", sheet: where.sheet, cell: where.cell, message, hint };
}

/**
 * Who may be a party to section 75 arrangements (NHS Act 2006, s75): an
 * agreement needs an NHS body and a local authority among its parties, and
 * no other body may be one; the functions covered must be the parties'.
 * Errors, because a final agreement that breaks these is void in law, not
 * merely untidy; a Functions row naming a flexibility the agreement does
 * not use is a warning (the schedule and the clauses disagree).
 */
export function eligibilityProblems(
  partnership: Partnership,
  kind: DocumentKind,
  origins?: ReadOrigins,
): Problem[] {
  if (kind !== "agreement") return [];
  const problems: Problem[] = [];
  const partners = partnership.partners;
  const table = tableLocation("Partners", origins);
  const cover = partiesCover(partners);
  if (!cover.nhs)
    problems.push(
      at(
        table,
        `A section 75 agreement needs an NHS body among its parties (an integrated care board, NHS trust, NHS foundation trust or NHS England), and none of the Partners is one: ${REFUSED}`,
        "Set each partner's Body type on the Partners sheet, and add the NHS body that is a party.",
      ),
    );
  if (!cover.council)
    problems.push(
      at(
        table,
        `A section 75 agreement needs a local authority among its parties, and none of the Partners is one: ${REFUSED}`,
        "Set each partner's Body type on the Partners sheet, and add the local authority that is a party.",
      ),
    );
  partners.forEach((partner, index) => {
    if (partner.agreementParty !== "Yes" || legalStanding(partner) !== "Other") return;
    const name = legalBodyOf(partner) || partner.shortName;
    problems.push(
      at(
        recordLocation("Partners", index, "agreementParty", origins),
        `${name} is named as a party, but a ${(partner.bodyType ?? partner.sector ?? "body").toLowerCase()} body cannot be a party to a section 75 agreement (only NHS bodies and local authorities can): ${REFUSED}`,
        "Set Agreement party to No: it then takes part through the board's terms of reference. Or correct its Body type.",
      ),
    );
  });
  const pooledFund = partnership.details.arrangement === "Formal agreement with pooled fund";
  partners.forEach((partner, index) => {
    if (!pooledFund || isAgreementParty(partner) || (partner.contribution ?? 0) === 0) return;
    problems.push(
      at(
        recordLocation("Partners", index, "contribution", origins),
        `${partner.organisation || partner.shortName} is not a party to the agreement, so it cannot pay into the pooled fund: ${REFUSED}`,
        "Clear its Contribution (£) (it may give in kind, or be paid under a contract), or make the payment through a party.",
      ),
    );
  });
  (partnership.functions ?? []).forEach((fn, index) => {
    const owner = partners.find((p) => p.shortName !== "" && p.shortName === fn.partner);
    if (fn.partner !== "" && owner && !isAgreementParty(owner)) {
      problems.push(
        at(
          recordLocation("Functions", index, "partner", origins),
          `${fn.partner} is not a party to the agreement, so its functions cannot be covered by it (only NHS functions and health-related functions of local authorities can): ${REFUSED}`,
          "Name the party whose function it is, or take the row off the Functions sheet.",
        ),
      );
    }
    const flag =
      fn.flexibility === "Lead commissioning"
        ? partnership.details.leadCommissioning === true
        : fn.flexibility === "Integrated provision"
          ? partnership.details.integratedProvision === true
          : fn.flexibility === "Pooled fund"
            ? pooledFund
            : true;
    if (!flag) {
      problems.push({
        ...at(
          recordLocation("Functions", index, "flexibility", origins),
          `Function ${index + 1} is exercised through ${fn.flexibility.toLowerCase()}, which the Partnership sheet does not say the agreement uses`,
          "Set the flexibility to Yes on the Partnership sheet (or choose the arrangement with a pooled fund), or change the row's Flexibility.",
        ),
        severity: "warning",
      });
    }
  });
  const host = partners.findIndex(
    (p) => p.shortName !== "" && p.shortName === partnership.details.hostPartner,
  );
  const pooled = partnership.details.arrangement === "Formal agreement with pooled fund";
  if (pooled && host >= 0 && !isAgreementParty(partners[host] as (typeof partners)[number])) {
    problems.push(
      at(
        recordLocation("Partners", host, "bodyType", origins),
        `The host partner ${partnership.details.hostPartner} is not a party to the agreement, so it cannot host the pooled fund: ${REFUSED}`,
        "Choose a host partner that is an NHS body or a local authority (Partnership sheet, Host partner).",
      ),
    );
  }
  return problems;
}

/** One problem per regulation 7(3) item a pooled-fund agreement leaves uncovered, at the main template. */
export function coverageProblems(missing: readonly Regulation73Item[], file: string): Problem[] {
  if (missing.length === 0) return [];
  return [
    {
      severity: "error",
      sheet: file,
      cell: "",
      message: `The agreement has a pooled fund but does not specify what regulation 7(3) of SI 2000/617 requires: ${missing.map(describeItem).join("; ")}: ${REFUSED}`,
      hint: missing.includes("c")
        ? "Fill in the Functions sheet (the functions, persons and services covered), or add a clause tagged %% satisfies: 7(3)(…) to the templates."
        : "Add a clause tagged %% satisfies: 7(3)(…) to the templates, or restore the one an {{#if}} left out.",
    },
  ];
}

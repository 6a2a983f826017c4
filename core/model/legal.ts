/**
 * Who may be a party to section 75 arrangements, and what the law asks of
 * each kind of body (NHS Act 2006, s75; SI 2000/617). Only NHS bodies and
 * local authorities can be parties; everyone else takes part through the
 * board's terms of reference. Kept apart from types.ts because the rules,
 * not only the vocabulary, live here.
 */

/** What kind of legal body a partner organisation belongs to. */
export const BODY_TYPES = [
  "Integrated care board",
  "NHS trust",
  "NHS foundation trust",
  "NHS England",
  "Local authority",
  "Voluntary sector",
  "Housing association",
  "Independent sector",
  "Service user or carer group",
  "Other",
] as const;
export type BodyType = (typeof BODY_TYPES)[number];

/** "NHS bodies" in section 75's sense. */
export const NHS_BODY_TYPES: readonly BodyType[] = [
  "Integrated care board",
  "NHS trust",
  "NHS foundation trust",
  "NHS England",
];

export function isNhsBody(type: BodyType | null | undefined): boolean {
  return type !== null && type !== undefined && NHS_BODY_TYPES.includes(type);
}

export function isLocalAuthority(type: BodyType | null | undefined): boolean {
  return type === "Local authority";
}

/** May be a party to a section 75 agreement. */
export function isEligibleBody(type: BodyType | null | undefined): boolean {
  return isNhsBody(type) || isLocalAuthority(type);
}

/**
 * Subject to the Freedom of Information Act 2000 by Schedule 1 to that Act.
 * Charities, housing associations and companies are not (unless designated),
 * so an FOI statement names only these.
 */
export function isPublicAuthority(type: BodyType | null | undefined): boolean {
  return isEligibleBody(type);
}

/** Whether a Partners row says the body is a party, is not, or leaves it to the body type. */
export const PARTY_CHOICES = ["Yes", "No"] as const;
export type PartyChoice = (typeof PARTY_CHOICES)[number];

/** The flexibilities of section 75 an agreement may use, in any combination. */
export const FLEXIBILITIES = {
  pooledFund: "pooled fund (regulation 7)",
  leadCommissioning: "lead commissioning (regulation 5)",
  integratedProvision: "integrated provision (regulation 6)",
} as const;

/** Whether a function is an NHS body's or a local authority's (SI 2000/617, regs 5 and 6). */
export const FUNCTION_KINDS = ["NHS function", "Health-related function"] as const;
export type FunctionKind = (typeof FUNCTION_KINDS)[number];

/** One row of the Functions table: a function the arrangements cover. */
export interface DelegatedFunction {
  /** Short name of the partner whose function it is. */
  partner: string;
  kind: FunctionKind | null;
  /** The function in words ("Community health services for adults"). */
  function: string;
  /** The statute or regulation that confers it ("Care Act 2014, ss 8 and 18"). */
  statutoryBasis: string;
  /** The persons covered ("Adults aged 65 and over registered with a Northvale GP"). */
  persons: string;
  /** The kinds of services covered. */
  services: string;
  /** Which flexibility it is exercised under ("Pooled fund", "Lead commissioning"…). */
  flexibility: string;
}

/** What a partner's body may be in law: an NHS body, a local authority, another body, or not yet said. */
export type LegalStanding = "NHS body" | "Local authority" | "Other" | null;

interface Described {
  bodyType?: BodyType | null;
  sector: string | null;
}

/**
 * A partner's standing, from its body type; a workbook made before body
 * types existed falls back to its sector (an "NHS" or "Local authority"
 * sector says as much), so older workbooks still name their parties.
 */
export function legalStanding(partner: Described): LegalStanding {
  const type = partner.bodyType ?? null;
  if (type !== null)
    return isNhsBody(type) ? "NHS body" : isLocalAuthority(type) ? "Local authority" : "Other";
  if (partner.sector === "NHS") return "NHS body";
  if (partner.sector === "Local authority") return "Local authority";
  return partner.sector ? "Other" : null;
}

/** Whether the partner's body is a party to the agreement: the workbook's Yes/No, else its standing. */
export function isAgreementParty(
  partner: Described & { agreementParty?: PartyChoice | null },
): boolean {
  if (partner.agreementParty === "Yes") return true;
  if (partner.agreementParty === "No") return false;
  const standing = legalStanding(partner);
  return standing === "NHS body" || standing === "Local authority";
}

/** The legal body a partner belongs to: two departments of one council are one party. */
export function legalBodyOf(partner: { legalBody?: string; organisation: string }): string {
  return (partner.legalBody ?? "").trim() || partner.organisation.trim();
}

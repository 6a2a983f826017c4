import { isAgreementParty, legalBodyOf, legalStanding } from "../model/legal.js";
import type { Partner } from "../model/types.js";

/**
 * The agreement's parties are legal bodies, not the partner rows: two
 * departments of one council are one party, and a charity on the board is
 * no party at all (it takes part through the terms of reference). This
 * groups the rows that are parties by legal body, in the order each body
 * first appears.
 */
export interface PartyGroup {
  /** The legal body's name, as the agreement names the party. */
  legalBody: string;
  /** Indexes into the partners list of the rows that make up this party. */
  rows: number[];
}

export function partyGroups(partners: readonly Partner[]): PartyGroup[] {
  const groups = new Map<string, PartyGroup>();
  partners.forEach((partner, index) => {
    if (!isAgreementParty(partner)) return;
    const body = legalBodyOf(partner);
    const key = body.toLowerCase() || `row ${index}`;
    const group = groups.get(key);
    if (group) group.rows.push(index);
    else groups.set(key, { legalBody: body, rows: [index] });
  });
  return [...groups.values()];
}

/** The rows that take part only through the board (not parties to the agreement). */
export function nonPartyRows(partners: readonly Partner[]): number[] {
  return partners.flatMap((partner, index) => (isAgreementParty(partner) ? [] : [index]));
}

/** Whether the parties include an NHS body and a local authority, as section 75 requires. */
export function partiesCover(partners: readonly Partner[]): { nhs: boolean; council: boolean } {
  const parties = partners.filter((p) => isAgreementParty(p));
  return {
    nhs: parties.some((p) => legalStanding(p) === "NHS body"),
    council: parties.some((p) => legalStanding(p) === "Local authority"),
  };
}

import { NEEDED_IN, PLAUSIBLE, type ColumnSpec } from "../columns.js";
import type { CellInput, Operation } from "../operations.js";
import { rowOf } from "../record-row.js";
import { tableSheetOperations } from "../table-sheet.js";
import { SECTORS, type Partner } from "../../model/types.js";
import { BODY_TYPES, PARTY_CHOICES } from "../../model/legal.js";

export const PARTNERS_SHEET = "Partners";
export const PARTNERS_TABLE = "Partners";

export type PartnerField = keyof Partner;

export const PARTNER_COLUMNS: ColumnSpec<PartnerField>[] = [
  {
    header: "Organisation",
    field: "organisation",
    need: "documents",
    kind: "text",
    width: 34,
    description: "Legal name of the organisation.",
  },
  {
    header: "Short name",
    field: "shortName",
    need: "always",
    kind: "text",
    width: 14,
    description: "Unique short name; heads the partner's score column in every assessment grid.",
  },
  {
    header: "Sector",
    field: "sector",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    kind: "choice",
    width: 22,
    options: SECTORS,
    description: "Which sector the partner belongs to.",
  },
  {
    header: "Representative",
    field: "representative",
    need: "documents",
    kind: "text",
    width: 24,
    description: "Named member of the partnership board.",
  },
  {
    header: "Role",
    field: "role",
    kind: "text",
    width: 22,
    description: "Role on the board (for example Chair, member, adviser).",
  },
  {
    header: "Voting member",
    field: "votingMember",
    kind: "yesNo",
    width: 10,
    description: "Yes if the representative votes on board decisions.",
  },
  {
    header: "Address for notices",
    field: "addressForNotices",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    kind: "longText",
    width: 36,
    description: "Postal address for formal notices under the agreement.",
  },
  {
    header: "Signatory name",
    field: "signatoryName",
    label: "Signatory",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    kind: "text",
    width: 22,
    description: "Who signs the agreement for this partner.",
  },
  {
    header: "Signatory title",
    field: "signatoryTitle",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    kind: "text",
    width: 26,
    description: "The signatory's post.",
  },
  {
    header: "Contribution (£)",
    field: "contribution",
    plausible: PLAUSIBLE.money,
    kind: "money",
    width: 16,
    description: "Cash contribution to the pooled fund for the year.",
  },
  {
    header: "In-kind contribution",
    field: "inKindContribution",
    kind: "longText",
    width: 30,
    description: "Staff, premises or services provided instead of cash.",
  },
  {
    header: "Share of pooled fund",
    kind: "formula",
    width: 12,
    format: "0.0%",
    formula:
      '=IF(OR(NOT(ISNUMBER([@[Contribution (£)]])),SUM(Partners[Contribution (£)])=0),"",[@[Contribution (£)]]/SUM(Partners[Contribution (£)]))',
    description:
      "Contribution ÷ total contributions: the basis for sharing overspends and underspends.",
  },
  // Issue 10: who the agreement's parties are. Added after the existing columns so
  // every cell address officers and messages already use stays where it was.
  {
    header: "Legal body",
    field: "legalBody",
    kind: "text",
    width: 34,
    description:
      "The legal entity the partner belongs to (the council, not its department); blank if the organisation is itself the legal body.",
  },
  {
    header: "Body type",
    field: "bodyType",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    kind: "choice",
    width: 24,
    options: BODY_TYPES,
    description:
      "Only NHS bodies (ICBs, NHS trusts, NHS foundation trusts, NHS England) and local authorities can be parties to a section 75 agreement.",
  },
  {
    header: "Agreement party",
    field: "agreementParty",
    kind: "choice",
    width: 12,
    options: PARTY_CHOICES,
    description:
      "Blank: a party if its body type may be one. No: takes part through the board only. Yes on a body that may not be a party is an error.",
  },
  {
    header: "Signatory authority",
    field: "signatoryAuthority",
    kind: "longText",
    width: 30,
    description:
      "The authority the signatory signs under (for example a scheme of delegation or a cabinet resolution).",
  },
  {
    header: "Executes under seal",
    field: "seals",
    kind: "yesNo",
    width: 10,
    description: "Yes if the body executes the agreement by affixing its common seal.",
  },
];

export function partnerRow(partner: Partner): Record<string, CellInput> {
  return rowOf(PARTNER_COLUMNS, partner);
}

export function partnersSheet(partners: readonly Partner[]): Operation[] {
  return tableSheetOperations({
    sheet: PARTNERS_SHEET,
    table: PARTNERS_TABLE,
    title: "Partners",
    instructions:
      "One row per partner organisation. Short names head the score columns of every assessment grid, so keep them short and unique.",
    tabColor: "#2E75B6",
    columns: PARTNER_COLUMNS,
    rows: partners.map(partnerRow),
    freezeColumns: 2,
  });
}

import type { ColumnSpec } from "../columns.js";
import type { CellInput, Operation } from "../operations.js";
import { tableSheetOperations } from "../table-sheet.js";
import { SECTORS, type Partner } from "../../model/types.js";

export const PARTNERS_SHEET = "Partners";
export const PARTNERS_TABLE = "Partners";

export const PARTNER_COLUMNS: ColumnSpec[] = [
  {
    header: "Organisation",
    kind: "text",
    width: 34,
    required: true,
    description: "Legal name of the organisation.",
  },
  {
    header: "Short name",
    kind: "text",
    width: 14,
    required: true,
    description: "Unique short name; heads the partner's score column in every assessment grid.",
  },
  {
    header: "Sector",
    kind: "choice",
    width: 22,
    options: SECTORS,
    description: "Which sector the partner belongs to.",
  },
  {
    header: "Representative",
    kind: "text",
    width: 24,
    description: "Named member of the partnership board.",
  },
  {
    header: "Role",
    kind: "text",
    width: 22,
    description: "Role on the board (for example Chair, member, adviser).",
  },
  {
    header: "Voting member",
    kind: "yesNo",
    width: 10,
    description: "Yes if the representative votes on board decisions.",
  },
  {
    header: "Address for notices",
    kind: "longText",
    width: 36,
    description: "Postal address for formal notices under the agreement.",
  },
  {
    header: "Signatory name",
    kind: "text",
    width: 22,
    description: "Who signs the agreement for this partner.",
  },
  { header: "Signatory title", kind: "text", width: 26, description: "The signatory's post." },
  {
    header: "Contribution (£)",
    kind: "money",
    width: 16,
    description: "Cash contribution to the pooled fund for the year.",
  },
  {
    header: "In-kind contribution",
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
];

function yesNo(value: boolean): string {
  return value ? "Yes" : "No";
}

export function partnerRow(partner: Partner): Record<string, CellInput> {
  return {
    Organisation: partner.organisation,
    "Short name": partner.shortName,
    Sector: partner.sector,
    Representative: partner.representative,
    Role: partner.role,
    "Voting member": yesNo(partner.votingMember),
    "Address for notices": partner.addressForNotices,
    "Signatory name": partner.signatoryName,
    "Signatory title": partner.signatoryTitle,
    "Contribution (£)": partner.contribution,
    "In-kind contribution": partner.inKindContribution,
  };
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

import { cellAddress } from "../address.js";
import {
  FIRST_DATA_ROW,
  FORMATS,
  listOf,
  NEEDED_IN,
  YES_NO,
  type ColumnSpec,
  type FieldNeed,
  type Plausible,
} from "../columns.js";
import type { CellInput, Operation } from "../operations.js";
import { columnValidation, tableSheetOperations, type TableSheetSpec } from "../table-sheet.js";
import { ARRANGEMENT_TYPES, type PartnershipDetails } from "../../model/types.js";
import { isoToSerial } from "../../model/dates.js";
import { PARTNER_COLUMNS } from "./partners.js";

export const PARTNERSHIP_SHEET = "Partnership";
export const PARTNERSHIP_TABLE = "Partnership";

export type FieldKind =
  "text" | "longText" | "date" | "integer" | "arrangement" | "partner" | "yesNo";

/** One row of the Partnership table: the same facts a column spec gives for a column. */
export interface PartnershipField extends FieldNeed {
  /** The model field the row's Value fills. */
  field: keyof PartnershipDetails;
  /** The text in the Field column, which the reader finds the row by. */
  label: string;
  kind: FieldKind;
  notes: string;
  plausible?: Plausible;
}

/**
 * The rows of the Partnership table, in order. Labels are part of the
 * contract; `need` says which documents print the value (see NeedContext).
 */
export const PARTNERSHIP_FIELDS: readonly PartnershipField[] = [
  {
    field: "name",
    label: "Name",
    kind: "text",
    need: "documents",
    notes: "The partnership's full name.",
  },
  {
    field: "arrangement",
    label: "Type of arrangement",
    kind: "arrangement",
    need: "documents",
    notes: "Informal or advisory: terms of reference. Formal: a partnership agreement.",
  },
  {
    field: "serviceArea",
    label: "Service area",
    kind: "text",
    need: "documents",
    notes: "For example: older people's services.",
  },
  {
    field: "vision",
    label: "Vision",
    kind: "longText",
    need: "documents",
    notes: "What will be different for service users once the vision is achieved.",
  },
  {
    field: "hostPartner",
    label: "Host partner",
    kind: "partner",
    need: "documents",
    notes: "Short name of the partner hosting the pooled fund (formal agreements).",
  },
  {
    field: "startDate",
    label: "Start date",
    kind: "date",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    notes: "dd/mm/yyyy",
  },
  {
    field: "endDate",
    label: "End date",
    kind: "date",
    notes: "dd/mm/yyyy; blank if open-ended.",
  },
  {
    field: "reviewDate",
    label: "Review date",
    kind: "date",
    need: "documents",
    notes: "dd/mm/yyyy",
  },
  {
    field: "governingBody",
    label: "Governing body name",
    kind: "text",
    need: "documents",
    notes: "For example: Northvale Partnership Board.",
  },
  {
    field: "chair",
    label: "Chair",
    kind: "text",
    need: "documents",
    notes: "Name and organisation.",
  },
  {
    field: "viceChair",
    label: "Vice-chair",
    kind: "text",
    notes: "Name and organisation.",
  },
  {
    field: "quorum",
    need: "documents",
    plausible: { min: 1, max: 1000 },
    label: "Quorum",
    kind: "integer",
    notes: "Members needed for a quorate meeting.",
  },
  {
    field: "meetingFrequency",
    label: "Meeting frequency",
    kind: "text",
    need: "documents",
    notes: "For example: every two months.",
  },
  {
    field: "decisionRule",
    label: "Decision-making rule",
    kind: "longText",
    need: "documents",
    notes: "For example: consensus, then a simple majority of voting members.",
  },
  {
    field: "reportingLine",
    label: "Reporting line",
    kind: "longText",
    need: "documents",
    notes: "Who the board reports to.",
  },
  {
    field: "pooledFundManager",
    label: "Pooled fund manager",
    kind: "text",
    need: "documents",
    neededIn: NEEDED_IN.pooledAgreements,
    notes: "Name and post (pooled fund arrangements).",
  },
  {
    field: "noticePeriodMonths",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    plausible: { min: 0, max: 120 },
    label: "Notice period (months)",
    kind: "integer",
    notes: "Written notice a partner gives to withdraw.",
  },
  {
    field: "documentVersion",
    label: "Document version",
    kind: "text",
    need: "documents",
    neededIn: NEEDED_IN.termsOfReference,
    notes: "For example: 0.3",
  },
  {
    field: "documentStatus",
    label: "Document status",
    kind: "text",
    notes: "For example: Draft for legal review.",
  },
  {
    field: "documentDate",
    label: "Document date",
    kind: "date",
    need: "documents",
    notes: "The date printed on documents; dd/mm/yyyy.",
  },
  // Issue 10: the law of the agreement. Added after the existing rows so every
  // Value cell keeps its address.
  {
    field: "leadCommissioning",
    label: "Lead commissioning (regulation 5)",
    kind: "yesNo",
    notes: "Yes if one partner commissions services for the others (SI 2000/617, regulation 5).",
  },
  {
    field: "leadCommissioner",
    label: "Lead commissioner",
    kind: "partner",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    notes: "Short name of the partner that commissions for the others (lead commissioning).",
  },
  {
    field: "integratedProvision",
    label: "Integrated provision (regulation 6)",
    kind: "yesNo",
    notes: "Yes if one partner provides services for the others (SI 2000/617, regulation 6).",
  },
  {
    field: "paymentTerms",
    label: "Contributions paid",
    kind: "longText",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    notes:
      "When contributions are paid, for example: quarterly in advance on 1 April, 1 July, 1 October and 1 January.",
  },
  {
    field: "informationSharingAgreement",
    label: "Information sharing agreement",
    kind: "text",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    notes: "Name and date of the information sharing agreement the partners work to.",
  },
  {
    field: "dataProtectionImpactAssessment",
    label: "Data protection impact assessment",
    kind: "text",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    notes: "Name and date of the DPIA for the arrangements.",
  },
  {
    field: "unallocatedContributions",
    label: "Contributions not in service lines",
    kind: "longText",
    notes:
      "Where the contributions and the service lines' budgets differ: what the difference pays for. The finance schedule prints it.",
  },
  {
    field: "agreementDate",
    label: "Agreement signed on",
    kind: "date",
    notes:
      "dd/mm/yyyy; leave blank until the last party signs (the agreement's date stays blank until then).",
  },
];

export const PARTNERSHIP_COLUMNS: ColumnSpec[] = [
  {
    header: "Field",
    kind: "text",
    width: 26,
    description: "What the row records (do not rename).",
  },
  { header: "Value", kind: "longText", width: 60, description: "The partnership's answer." },
  { header: "Notes", kind: "longText", width: 60, description: "Guidance and your own notes." },
];

/** The Value cell of a field, for messages and drafting notes ("Partnership!B9"). */
export function partnershipFieldCell(key: keyof PartnershipDetails): string {
  const index = PARTNERSHIP_FIELDS.findIndex((f) => f.field === key);
  return cellAddress(FIRST_DATA_ROW + index, 2);
}

function valueCell(field: PartnershipField, details: PartnershipDetails | null): CellInput {
  if (!details) return null;
  const value = details[field.field];
  if (value === null || value === undefined || value === "") return null;
  if (field.kind === "yesNo") return value ? "Yes" : "No";
  return field.kind === "date" ? isoToSerial(String(value)) : value;
}

/** Value cells that get a dropdown, described as the column they behave like. */
const FIELD_VALIDATION: Partial<Record<FieldKind, ColumnSpec>> = {
  arrangement: {
    header: "Value",
    kind: "choice",
    width: 0,
    description: "",
    options: ARRANGEMENT_TYPES,
  },
  yesNo: {
    header: "Value",
    kind: "choice",
    width: 0,
    description: "",
    options: YES_NO,
  },
  partner: {
    header: "Value",
    kind: "text",
    width: 0,
    description: "",
    listFrom: listOf("Partners", "Partners", PARTNER_COLUMNS, "Short name"),
  },
};

export function partnershipSheet(details: PartnershipDetails | null): Operation[] {
  const spec: TableSheetSpec = {
    sheet: PARTNERSHIP_SHEET,
    table: PARTNERSHIP_TABLE,
    title: "The partnership",
    instructions:
      "Direction first: fill in the Value column (yellow). The type of arrangement decides which document the partnership needs.",
    tabColor: "#1F4E79",
    columns: PARTNERSHIP_COLUMNS,
    rows: PARTNERSHIP_FIELDS.map((field) => ({
      Field: field.label,
      Value: valueCell(field, details),
      Notes: field.notes,
    })),
  };
  const ops = tableSheetOperations(spec);
  PARTNERSHIP_FIELDS.forEach((field, index) => {
    const cell = cellAddress(FIRST_DATA_ROW + index, 2);
    const sheet = PARTNERSHIP_SHEET;
    if (field.kind === "date")
      ops.push({ kind: "numberFormat", sheet, range: cell, format: FORMATS.date });
    if (field.kind === "integer")
      ops.push({ kind: "numberFormat", sheet, range: cell, format: FORMATS.integer });
    const validated = FIELD_VALIDATION[field.kind];
    if (validated) ops.push(...columnValidation(sheet, cell, validated));
  });
  // The Field column is part of the contract: it reads like a label, not an input.
  ops.push({
    kind: "role",
    sheet: PARTNERSHIP_SHEET,
    range: `A${FIRST_DATA_ROW}:A${FIRST_DATA_ROW + PARTNERSHIP_FIELDS.length - 1}`,
    role: "label",
  });
  ops.push({
    kind: "role",
    sheet: PARTNERSHIP_SHEET,
    range: `C${FIRST_DATA_ROW}:C${FIRST_DATA_ROW + PARTNERSHIP_FIELDS.length - 1}`,
    role: "note",
  });
  return ops;
}

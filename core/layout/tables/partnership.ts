import { cellAddress } from "../address.js";
import { FIRST_DATA_ROW, FORMATS, listOf, type ColumnSpec } from "../columns.js";
import type { CellInput, Operation } from "../operations.js";
import { columnValidation, tableSheetOperations, type TableSheetSpec } from "../table-sheet.js";
import { ARRANGEMENT_TYPES, type PartnershipDetails } from "../../model/types.js";
import { isoToSerial } from "../../model/dates.js";
import { PARTNER_COLUMNS } from "./partners.js";

export const PARTNERSHIP_SHEET = "Partnership";
export const PARTNERSHIP_TABLE = "Partnership";

export type FieldKind = "text" | "longText" | "date" | "integer" | "arrangement" | "partner";

export interface PartnershipField {
  key: keyof PartnershipDetails;
  field: string;
  kind: FieldKind;
  required: boolean;
  notes: string;
}

/** The rows of the Partnership table, in order. Field labels are part of the contract. */
export const PARTNERSHIP_FIELDS: readonly PartnershipField[] = [
  {
    key: "name",
    field: "Name",
    kind: "text",
    required: true,
    notes: "The partnership's full name.",
  },
  {
    key: "arrangement",
    field: "Type of arrangement",
    kind: "arrangement",
    required: true,
    notes: "Informal or advisory: terms of reference. Formal: a partnership agreement.",
  },
  {
    key: "serviceArea",
    field: "Service area",
    kind: "text",
    required: true,
    notes: "For example: older people's services.",
  },
  {
    key: "vision",
    field: "Vision",
    kind: "longText",
    required: true,
    notes: "What will be different for service users once the vision is achieved.",
  },
  {
    key: "hostPartner",
    field: "Host partner",
    kind: "partner",
    required: false,
    notes: "Short name of the partner hosting the pooled fund (formal agreements).",
  },
  { key: "startDate", field: "Start date", kind: "date", required: true, notes: "dd/mm/yyyy" },
  {
    key: "endDate",
    field: "End date",
    kind: "date",
    required: false,
    notes: "dd/mm/yyyy; blank if open-ended.",
  },
  { key: "reviewDate", field: "Review date", kind: "date", required: true, notes: "dd/mm/yyyy" },
  {
    key: "governingBody",
    field: "Governing body name",
    kind: "text",
    required: true,
    notes: "For example: Northvale Partnership Board.",
  },
  { key: "chair", field: "Chair", kind: "text", required: true, notes: "Name and organisation." },
  {
    key: "viceChair",
    field: "Vice-chair",
    kind: "text",
    required: false,
    notes: "Name and organisation.",
  },
  {
    key: "quorum",
    field: "Quorum",
    kind: "integer",
    required: true,
    notes: "Members needed for a quorate meeting.",
  },
  {
    key: "meetingFrequency",
    field: "Meeting frequency",
    kind: "text",
    required: true,
    notes: "For example: every two months.",
  },
  {
    key: "decisionRule",
    field: "Decision-making rule",
    kind: "longText",
    required: true,
    notes: "For example: consensus, then a simple majority of voting members.",
  },
  {
    key: "reportingLine",
    field: "Reporting line",
    kind: "longText",
    required: true,
    notes: "Who the board reports to.",
  },
  {
    key: "pooledFundManager",
    field: "Pooled fund manager",
    kind: "text",
    required: false,
    notes: "Name and post (pooled fund arrangements).",
  },
  {
    key: "noticePeriodMonths",
    field: "Notice period (months)",
    kind: "integer",
    required: false,
    notes: "Written notice a partner gives to withdraw.",
  },
  {
    key: "documentVersion",
    field: "Document version",
    kind: "text",
    required: false,
    notes: "For example: 0.3",
  },
  {
    key: "documentStatus",
    field: "Document status",
    kind: "text",
    required: false,
    notes: "For example: Draft for legal review.",
  },
  {
    key: "documentDate",
    field: "Document date",
    kind: "date",
    required: false,
    notes: "The date printed on documents; dd/mm/yyyy.",
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
  const index = PARTNERSHIP_FIELDS.findIndex((f) => f.key === key);
  return cellAddress(FIRST_DATA_ROW + index, 2);
}

function valueCell(field: PartnershipField, details: PartnershipDetails | null): CellInput {
  if (!details) return null;
  const value = details[field.key];
  if (value === null || value === "") return null;
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
      Field: field.field,
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

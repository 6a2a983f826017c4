import { FIRST_DATA_ROW } from "../layout/columns.js";
import { PARTNERSHIP_FIELDS } from "../layout/tables/partnership.js";
import { ARRANGEMENT_TYPES, type PartnershipDetails } from "../model/types.js";
import { emptyPartnership } from "../model/empty.js";
import { isBlank, type TableReader } from "./table-reader.js";

/**
 * The Partnership table is a Field / Value list: rows are found by their
 * Field label, so officers may reorder them or add their own rows.
 */
export function readDetails(reader: TableReader): PartnershipDetails {
  const details = emptyPartnership(0).details;
  if (!reader.requireHeaders(["Field", "Value"])) return details;
  const rowOf = new Map<string, number>();
  for (let row = 0; row < reader.rowCount; row++) {
    const label = reader.text(row, "Field").toLowerCase();
    if (label && !rowOf.has(label)) rowOf.set(label, row);
  }
  const record = details as unknown as Record<string, unknown>;
  for (const field of PARTNERSHIP_FIELDS) {
    const row = rowOf.get(field.field.toLowerCase());
    const severity = field.required ? ("warning" as const) : false;
    if (row === undefined) {
      reader.report(
        "warning",
        `A${FIRST_DATA_ROW}`,
        `The Field "${field.field}" is missing from the Partnership table`,
        "Add a row with that Field label and fill in its Value.",
      );
      continue;
    }
    if (severity && isBlank(reader.raw(row, "Value"))) {
      reader.report(
        severity,
        reader.address(row, "Value"),
        `${field.field} is blank`,
        "Fill it in: documents show it as [MISSING] until you do.",
      );
      continue;
    }
    switch (field.kind) {
      case "date":
        record[field.key] = reader.date(row, "Value", severity);
        break;
      case "integer": {
        const value = reader.number(row, "Value", severity);
        if (value !== null && (!Number.isInteger(value) || value < 0)) {
          reader.report(
            "error",
            reader.address(row, "Value"),
            `${field.field} must be a whole number, got ${value}`,
          );
          record[field.key] = null;
        } else record[field.key] = value;
        break;
      }
      case "arrangement":
        record[field.key] = reader.choice(row, "Value", ARRANGEMENT_TYPES, severity);
        break;
      default:
        record[field.key] = reader.text(row, "Value", severity);
    }
  }
  return details;
}

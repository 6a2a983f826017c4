import { cellAddress } from "../layout/address.js";
import { PARTNERSHIP_COLUMNS, PARTNERSHIP_FIELDS } from "../layout/tables/partnership.js";
import { ARRANGEMENT_TYPES, type PartnershipDetails } from "../model/types.js";
import { emptyPartnership } from "../model/empty.js";
import type { ReadOrigins } from "../model/origins.js";
import { resolveHeaders } from "./headers.js";
import { checkPlausible } from "./read-record.js";
import { isBlank, type TableReader } from "./table-reader.js";

const [FIELD, VALUE] = PARTNERSHIP_COLUMNS.map((c) => c.header) as [string, string, string];

/** The Field and Value columns are the table's whole point: without either, nothing reads. */
const EXPECTED = PARTNERSHIP_COLUMNS.map((c) => ({
  header: c.header,
  need: c.header === FIELD || c.header === VALUE ? ("always" as const) : ("optional" as const),
}));

/**
 * The Partnership table is a Field / Value list: rows are found by their
 * Field label, so officers may reorder them or add their own rows. Blank
 * values are not reported here: what the documents need is decided by the
 * documents (see core/document/final-gaps.ts), what a blank means elsewhere
 * by the field's spec.
 */
export function readDetails(reader: TableReader): {
  details: PartnershipDetails;
  origins: ReadOrigins["details"];
} {
  const details = emptyPartnership(0).details;
  const origins: ReadOrigins["details"] = {};
  const absent = resolveHeaders(reader, EXPECTED);
  if (absent.has(FIELD) || absent.has(VALUE)) return { details, origins };
  const rowOf = new Map<string, number>();
  for (let row = 0; row < reader.rowCount; row++) {
    const label = reader.text(row, FIELD).toLowerCase();
    if (label && !rowOf.has(label)) rowOf.set(label, row);
  }
  const record = details as unknown as Record<string, unknown>;
  for (const field of PARTNERSHIP_FIELDS) {
    const row = rowOf.get(field.label.toLowerCase());
    if (row === undefined) {
      reader.report(
        "warning",
        cellAddress(reader.table.headerRow + reader.rowCount + 1, reader.table.firstColumn),
        `The Field "${field.label}" is missing from the Partnership table`,
        "Add a row with that Field label (extend the table) and fill in its Value.",
      );
      continue;
    }
    origins[field.field] = reader.origin(row, VALUE);
    if (isBlank(reader.raw(row, VALUE))) {
      if (field.field === "arrangement")
        reader.report(
          "warning",
          reader.address(row, VALUE),
          `${field.label} is blank`,
          "It decides the document: terms of reference for informal and advisory partnerships, an agreement for formal ones. Until it is set, documents are terms of reference.",
        );
      continue;
    }
    record[field.field] = reader.named(VALUE, field.label, () => {
      switch (field.kind) {
        case "date":
          return reader.date(row, VALUE);
        case "integer": {
          const value = reader.number(row, VALUE);
          if (value === null) return null;
          if (!Number.isInteger(value)) {
            reader.report(
              "error",
              reader.address(row, VALUE),
              `${field.label} must be a whole number, got ${value}`,
            );
            return null;
          }
          const range = field.plausible;
          return range && !checkPlausible(reader, row, VALUE, value, range, false, field.label)
            ? null
            : value;
        }
        case "arrangement":
          return reader.choice(row, VALUE, ARRANGEMENT_TYPES);
        case "yesNo":
          return reader.yesNo(row, VALUE, false);
        default:
          return reader.text(row, VALUE);
      }
    });
  }
  return { details, origins };
}

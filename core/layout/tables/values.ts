import type { ColumnSpec } from "../columns.js";
import type { Operation } from "../operations.js";
import { rowOf } from "../record-row.js";
import { tableSheetOperations } from "../table-sheet.js";
import type { PartnershipValue } from "../../model/types.js";

export const VALUES_SHEET = "Values";
export const VALUES_TABLE = "Values";

export type ValueField = keyof PartnershipValue;

export const VALUE_COLUMNS: ColumnSpec<ValueField>[] = [
  {
    header: "Value",
    field: "value",
    need: "always",
    kind: "text",
    width: 30,
    description: "A shared value or principle, in a few words.",
  },
  {
    header: "What it means in practice",
    field: "meaning",
    kind: "longText",
    width: 80,
    description: "How partners will act on it.",
  },
];

export function valuesSheet(values: readonly PartnershipValue[]): Operation[] {
  return tableSheetOperations({
    sheet: VALUES_SHEET,
    table: VALUES_TABLE,
    title: "Values and principles",
    instructions:
      "The shared values and principles that underpin the partnership's work; involve service users and carers in choosing them.",
    tabColor: "#548235",
    columns: VALUE_COLUMNS,
    rows: values.map((v) => rowOf(VALUE_COLUMNS, v)),
  });
}

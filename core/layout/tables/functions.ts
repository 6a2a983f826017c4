import { listOf, NEEDED_IN, type ColumnSpec } from "../columns.js";
import type { Operation } from "../operations.js";
import { rowOf } from "../record-row.js";
import { tableSheetOperations } from "../table-sheet.js";
import { FUNCTION_KINDS, type DelegatedFunction } from "../../model/legal.js";
import { PARTNER_COLUMNS, PARTNERS_SHEET, PARTNERS_TABLE } from "./partners.js";

export const FUNCTIONS_SHEET = "Functions";
export const FUNCTIONS_TABLE = "Functions";

export type FunctionField = keyof DelegatedFunction;

/** How a function is exercised under the arrangements: the flexibilities of SI 2000/617. */
export const FLEXIBILITY_CHOICES = [
  "Pooled fund",
  "Lead commissioning",
  "Integrated provision",
] as const;

/**
 * The functions the arrangements cover: regulation 7(3)(c) and (d) ask a
 * pooled-fund agreement to name them, and the persons and services covered.
 * The agreement prints them as its schedule of functions.
 */
export const FUNCTION_COLUMNS: ColumnSpec<FunctionField>[] = [
  {
    header: "Partner",
    field: "partner",
    need: "always",
    kind: "text",
    width: 16,
    listFrom: listOf(PARTNERS_SHEET, PARTNERS_TABLE, PARTNER_COLUMNS, "Short name"),
    description: "Short name of the partner whose function it is.",
  },
  {
    header: "Kind of function",
    field: "kind",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    kind: "choice",
    width: 22,
    options: FUNCTION_KINDS,
    description: "An NHS body's function, or a local authority's health-related function.",
  },
  {
    header: "Function",
    field: "function",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    kind: "longText",
    width: 40,
    description: "The function in words.",
  },
  {
    header: "Statutory basis",
    field: "statutoryBasis",
    kind: "longText",
    width: 30,
    description: "The Act or regulation that confers the function.",
  },
  {
    header: "Persons covered",
    field: "persons",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    kind: "longText",
    width: 34,
    description: "Who the function is exercised for under the arrangements.",
  },
  {
    header: "Services covered",
    field: "services",
    need: "documents",
    neededIn: NEEDED_IN.agreements,
    kind: "longText",
    width: 34,
    description: "The kinds of services covered.",
  },
  {
    header: "Flexibility",
    field: "flexibility",
    kind: "choice",
    width: 20,
    options: FLEXIBILITY_CHOICES,
    description: "Pooled fund (regulation 7), lead commissioning (5) or integrated provision (6).",
  },
];

export function functionsSheet(functions: readonly DelegatedFunction[]): Operation[] {
  return tableSheetOperations({
    sheet: FUNCTIONS_SHEET,
    table: FUNCTIONS_TABLE,
    title: "Functions covered",
    instructions:
      "One row per NHS function or health-related local authority function the arrangements cover, with the persons and services covered. The agreement prints this as its schedule of functions.",
    tabColor: "#7030A0",
    columns: FUNCTION_COLUMNS,
    rows: functions.map((fn) => rowOf(FUNCTION_COLUMNS, fn)),
  });
}

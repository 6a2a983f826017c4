import { cellAddress } from "../layout/address.js";
import { FIRST_DATA_ROW, type ColumnSpec } from "../layout/columns.js";
import { FINANCE_COLUMNS, FINANCE_SHEET } from "../layout/tables/finance.js";
import { INDICATOR_INPUT_COLUMNS, INDICATORS_SHEET } from "../layout/tables/indicators.js";
import { OBJECTIVE_COLUMNS, OBJECTIVES_SHEET } from "../layout/tables/objectives.js";
import { PARTNER_COLUMNS, PARTNERS_SHEET } from "../layout/tables/partners.js";
import {
  PARTNERSHIP_FIELDS,
  PARTNERSHIP_SHEET,
  partnershipFieldCell,
} from "../layout/tables/partnership.js";
import { VALUES_SHEET } from "../layout/tables/values.js";
import type { PartnershipDetails } from "../model/types.js";

/**
 * Where a value lives in the workbook, for drafting notes and final-mode
 * problems ("Partnership!B9"). The addresses come from the blueprint's own
 * layout, so they stay right when the blueprint changes.
 */
export interface WorkbookLocation {
  sheet: string;
  cell: string;
}

export function formatLocation(location: WorkbookLocation): string {
  return location.cell ? `${location.sheet}!${location.cell}` : location.sheet;
}

export function detailLocation(key: keyof PartnershipDetails): WorkbookLocation {
  return { sheet: PARTNERSHIP_SHEET, cell: partnershipFieldCell(key) };
}

/** The label officers see in the Field column ("Host partner"). */
export function detailLabel(key: keyof PartnershipDetails): string {
  return PARTNERSHIP_FIELDS.find((f) => f.key === key)?.field ?? key;
}

function rowCell(sheet: string, columns: readonly ColumnSpec[], index: number, header: string) {
  const column = columns.findIndex((c) => c.header === header);
  return { sheet, cell: column < 0 ? "" : cellAddress(FIRST_DATA_ROW + index, column + 1) };
}

export const locate = {
  partner: (index: number, header: string): WorkbookLocation =>
    rowCell(PARTNERS_SHEET, PARTNER_COLUMNS, index, header),
  objective: (index: number, header: string): WorkbookLocation =>
    rowCell(OBJECTIVES_SHEET, OBJECTIVE_COLUMNS, index, header),
  indicator: (index: number, header: string): WorkbookLocation =>
    rowCell(INDICATORS_SHEET, INDICATOR_INPUT_COLUMNS, index, header),
  finance: (index: number, header: string): WorkbookLocation =>
    rowCell(FINANCE_SHEET, FINANCE_COLUMNS, index, header),
  /** A whole table that has no rows yet: its first data row. */
  firstRow: (sheet: string): WorkbookLocation => ({ sheet, cell: cellAddress(FIRST_DATA_ROW, 1) }),
  values: (): WorkbookLocation => ({ sheet: VALUES_SHEET, cell: cellAddress(FIRST_DATA_ROW, 1) }),
};

import { cellAddress } from "../layout/address.js";
import { columnOfField, FIRST_DATA_ROW, type ColumnSpec } from "../layout/columns.js";
import { FINANCE_COLUMNS, FINANCE_SHEET } from "../layout/tables/finance.js";
import { FUNCTION_COLUMNS, FUNCTIONS_SHEET } from "../layout/tables/functions.js";
import { INDICATOR_INPUT_COLUMNS, INDICATORS_SHEET } from "../layout/tables/indicators.js";
import { OBJECTIVE_COLUMNS, OBJECTIVES_SHEET } from "../layout/tables/objectives.js";
import { PARTNER_COLUMNS, PARTNERS_SHEET } from "../layout/tables/partners.js";
import {
  PARTNERSHIP_FIELDS,
  PARTNERSHIP_SHEET,
  partnershipFieldCell,
} from "../layout/tables/partnership.js";
import { VALUE_COLUMNS, VALUES_SHEET } from "../layout/tables/values.js";
import type { CellOrigin, ReadOrigins, RecordTable } from "../model/origins.js";
import type { PartnershipDetails } from "../model/types.js";

/**
 * Where a value lives in the workbook, for drafting notes and final-mode
 * problems ("Partnership!B9"): where the reader found it (its origins), or,
 * for a partnership built without reading a workbook (the example), where
 * the blueprint lays it out.
 */
export type WorkbookLocation = CellOrigin;

export function formatLocation(location: WorkbookLocation): string {
  return location.cell ? `${location.sheet}!${location.cell}` : location.sheet;
}

export function detailLocation(
  key: keyof PartnershipDetails,
  origins?: ReadOrigins,
): WorkbookLocation {
  return origins?.details[key] ?? { sheet: PARTNERSHIP_SHEET, cell: partnershipFieldCell(key) };
}

/** The label officers see in the Field column ("Host partner"). */
export function detailLabel(key: keyof PartnershipDetails): string {
  return PARTNERSHIP_FIELDS.find((f) => f.field === key)?.label ?? key;
}

/** Each record table's sheet and columns, as the blueprint lays them out. */
export const RECORD_LAYOUT: Record<RecordTable, { sheet: string; columns: readonly ColumnSpec[] }> =
  {
    Partners: { sheet: PARTNERS_SHEET, columns: PARTNER_COLUMNS },
    Values: { sheet: VALUES_SHEET, columns: VALUE_COLUMNS },
    Objectives: { sheet: OBJECTIVES_SHEET, columns: OBJECTIVE_COLUMNS },
    // Period columns vary in number, so only the columns before them have a fixed place.
    Indicators: { sheet: INDICATORS_SHEET, columns: INDICATOR_INPUT_COLUMNS },
    Finance: { sheet: FINANCE_SHEET, columns: FINANCE_COLUMNS },
    Functions: { sheet: FUNCTIONS_SHEET, columns: FUNCTION_COLUMNS },
  };

const ORIGINS_OF: Record<RecordTable, (origins: ReadOrigins) => ReadOrigins["partners"]> = {
  Partners: (o) => o.partners,
  Values: (o) => o.values,
  Objectives: (o) => o.objectives,
  Indicators: (o) => o.indicators,
  Finance: (o) => o.finance,
  Functions: (o) => o.functions ?? [],
};

/** The cell of record `index`'s `field`: the reader's origin, else the blueprint position. */
export function recordLocation(
  table: RecordTable,
  index: number,
  field: string,
  origins?: ReadOrigins,
): WorkbookLocation {
  const found = origins ? ORIGINS_OF[table](origins)[index] : undefined;
  const origin = found?.fields[field];
  if (origin) return origin;
  const { sheet, columns } = RECORD_LAYOUT[table];
  const { index: column } = columnOfField(columns, field);
  if (found) return { sheet: found.sheet, cell: "" };
  if (column < 0) return { sheet, cell: "" };
  return { sheet, cell: cellAddress(FIRST_DATA_ROW + index, column + 1) };
}

/** Where a table's first row goes, for a list with no rows yet. */
export function tableLocation(table: RecordTable, origins?: ReadOrigins): WorkbookLocation {
  return (
    origins?.tables[table] ?? {
      sheet: RECORD_LAYOUT[table].sheet,
      cell: cellAddress(FIRST_DATA_ROW, 1),
    }
  );
}

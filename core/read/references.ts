import { cellAddress } from "../layout/address.js";
import { PARTNERSHIP_TABLE, partnershipFieldCell } from "../layout/tables/partnership.js";
import type { Problem } from "../model/problem.js";
import type { Partnership } from "../model/types.js";
import type { CellValue, WorkbookCells } from "./cells.js";

/** Where the n-th cell holding `value` sits in a table's column, for messages. */
function locate(
  cells: WorkbookCells,
  table: string,
  header: string,
  value: string,
  occurrence = 0,
): { sheet: string; cell: string } {
  const found = cells.tables.find((t) => t.name.toLowerCase() === table.toLowerCase());
  if (!found) return { sheet: table, cell: "" };
  const column = found.headers.findIndex(
    (h) =>
      String(h ?? "")
        .trim()
        .toLowerCase() === header.toLowerCase(),
  );
  if (column < 0) return { sheet: found.sheet, cell: "" };
  let seen = 0;
  for (let row = 0; row < found.rows.length; row++) {
    const cell: CellValue = found.rows[row]?.[column] ?? null;
    if (cell !== null && String(cell).trim() === value) {
      if (seen === occurrence)
        return {
          sheet: found.sheet,
          cell: cellAddress(found.headerRow + 1 + row, found.firstColumn + column),
        };
      seen += 1;
    }
  }
  return { sheet: found.sheet, cell: "" };
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}

/** Checks that need the whole partnership: unique IDs and references between tables. */
export function checkReferences(partnership: Partnership, cells: WorkbookCells): Problem[] {
  const problems: Problem[] = [];
  const error = (where: { sheet: string; cell: string }, message: string, hint?: string) =>
    problems.push({ severity: "error", ...where, message, ...(hint ? { hint } : {}) });

  const unique = (table: string, header: string, values: string[], what: string) => {
    for (const value of duplicates(values)) {
      error(
        locate(cells, table, header, value, 1),
        `${what} "${value}" is used more than once`,
        `Each ${what} must be unique: change one of them.`,
      );
    }
  };
  unique(
    "Partners",
    "Short name",
    partnership.partners.map((p) => p.shortName),
    "Short name",
  );
  unique(
    "Objectives",
    "ID",
    partnership.objectives.map((o) => o.id),
    "Objective ID",
  );
  unique(
    "Indicators",
    "ID",
    partnership.indicators.map((i) => i.id),
    "Indicator ID",
  );
  for (const period of duplicates(partnership.periods)) {
    error(
      { sheet: "Indicators", cell: "" },
      `The period heading "${period}" appears twice`,
      "Give every period column its own label.",
    );
  }

  const partners = new Set(partnership.partners.map((p) => p.shortName));
  const objectives = new Set(partnership.objectives.map((o) => o.id));
  const knownPartner = (table: string, name: string) => {
    if (name && !partners.has(name)) {
      error(
        locate(cells, table, "Lead partner", name),
        `Lead partner "${name}" is not a short name in the Partners table`,
        "Pick the partner from the cell's dropdown, or add the partner first.",
      );
    }
  };
  for (const objective of partnership.objectives) knownPartner("Objectives", objective.leadPartner);
  for (const line of partnership.finance) knownPartner("Finance", line.leadPartner);
  for (const indicator of partnership.indicators) {
    if (indicator.objectiveId && !objectives.has(indicator.objectiveId)) {
      error(
        locate(cells, "Indicators", "Objective", indicator.objectiveId),
        `Objective "${indicator.objectiveId}" does not exist in the Objectives table`,
        "Pick an objective ID from the cell's dropdown.",
      );
    }
  }
  const host = partnership.details.hostPartner;
  if (host && !partners.has(host)) {
    error(
      { sheet: PARTNERSHIP_TABLE, cell: partnershipFieldCell("hostPartner") },
      `Host partner "${host}" is not a short name in the Partners table`,
      "Pick the host from the cell's dropdown.",
    );
  }
  const { startDate, endDate } = partnership.details;
  if (startDate && endDate && endDate < startDate) {
    error(
      { sheet: PARTNERSHIP_TABLE, cell: partnershipFieldCell("endDate") },
      `End date ${endDate} is before start date ${startDate}`,
    );
  }
  return problems;
}

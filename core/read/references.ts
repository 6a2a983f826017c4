import { PARTNERSHIP_SHEET, partnershipFieldCell } from "../layout/tables/partnership.js";
import type { CellOrigin, ReadOrigins, RecordOrigin } from "../model/origins.js";
import type { Problem } from "../model/problem.js";
import type { Partnership, PartnershipDetails } from "../model/types.js";

/** Every record after the first that repeats a value, with its index. */
function repeats(values: readonly string[]): { value: string; index: number }[] {
  const seen = new Set<string>();
  const found: { value: string; index: number }[] = [];
  values.forEach((value, index) => {
    if (!value) return;
    if (seen.has(value)) found.push({ value, index });
    seen.add(value);
  });
  return found;
}

/** True when a table has records but none was read with `field`: its column is missing. */
function lostColumn(records: readonly RecordOrigin[], field: string): boolean {
  return records.length > 0 && records.every((r) => r.fields[field] === undefined);
}

/** A record's field cell as the reader found it; the record's sheet when unknown. */
function at(origins: readonly RecordOrigin[], index: number, field: string, sheet: string) {
  const record = origins[index];
  return record?.fields[field] ?? { sheet: record?.sheet ?? sheet, cell: "" };
}

function detailAt(origins: ReadOrigins, field: keyof PartnershipDetails): CellOrigin {
  return origins.details[field] ?? { sheet: PARTNERSHIP_SHEET, cell: partnershipFieldCell(field) };
}

/**
 * Checks that need the whole partnership: unique IDs and references between
 * tables. Each problem sits at the cell the reader read the value from.
 */
export function checkReferences(partnership: Partnership, origins: ReadOrigins): Problem[] {
  const problems: Problem[] = [];
  const error = (where: CellOrigin, message: string, hint?: string) =>
    problems.push({ severity: "error", ...where, message, ...(hint ? { hint } : {}) });

  const unique = (
    records: readonly RecordOrigin[],
    sheet: string,
    field: string,
    values: string[],
    what: string,
  ) => {
    for (const { value, index } of repeats(values)) {
      error(
        at(records, index, field, sheet),
        `${what} "${value}" is used more than once`,
        `Each ${what} must be unique: change one of them.`,
      );
    }
  };
  unique(
    origins.partners,
    "Partners",
    "shortName",
    partnership.partners.map((p) => p.shortName),
    "Short name",
  );
  unique(
    origins.objectives,
    "Objectives",
    "id",
    partnership.objectives.map((o) => o.id),
    "Objective ID",
  );
  unique(
    origins.indicators,
    "Indicators",
    "id",
    partnership.indicators.map((i) => i.id),
    "Indicator ID",
  );
  for (const { value } of repeats(partnership.periods)) {
    error(
      { sheet: "Indicators", cell: "" },
      `The period heading "${value}" appears twice`,
      "Give every period column its own label.",
    );
  }

  const partners = new Set(partnership.partners.map((p) => p.shortName));
  const objectives = new Set(partnership.objectives.map((o) => o.id));
  // A key column the reader could not find (reported at its header) makes every reference dangle.
  const partnersKnown = !lostColumn(origins.partners, "shortName");
  const objectivesKnown = !lostColumn(origins.objectives, "id");
  const knownPartner = (records: readonly RecordOrigin[], sheet: string, names: string[]) =>
    names.forEach((name, index) => {
      if (partnersKnown && name && !partners.has(name)) {
        error(
          at(records, index, "leadPartner", sheet),
          `Lead partner "${name}" is not a short name in the Partners table`,
          "Pick the partner from the cell's dropdown, or add the partner first.",
        );
      }
    });
  knownPartner(
    origins.objectives,
    "Objectives",
    partnership.objectives.map((o) => o.leadPartner),
  );
  knownPartner(
    origins.finance,
    "Finance",
    partnership.finance.map((l) => l.leadPartner),
  );
  partnership.indicators.forEach((indicator, index) => {
    if (objectivesKnown && indicator.objectiveId && !objectives.has(indicator.objectiveId)) {
      error(
        at(origins.indicators, index, "objectiveId", "Indicators"),
        `Objective "${indicator.objectiveId}" does not exist in the Objectives table`,
        "Pick an objective ID from the cell's dropdown.",
      );
    }
  });
  const host = partnership.details.hostPartner;
  if (partnersKnown && host && !partners.has(host)) {
    error(
      detailAt(origins, "hostPartner"),
      `Host partner "${host}" is not a short name in the Partners table`,
      "Pick the host from the cell's dropdown.",
    );
  }
  const { startDate, endDate } = partnership.details;
  if (startDate && endDate && endDate < startDate) {
    error(detailAt(origins, "endDate"), `End date ${endDate} is before start date ${startDate}`);
  }
  return problems;
}

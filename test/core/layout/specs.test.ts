import { describe, expect, it } from "vitest";
import type { ColumnSpec } from "../../../core/layout/columns.js";
import { workbookSchema, schemaText } from "../../../core/layout/schema.js";
import { FINANCE_COLUMNS } from "../../../core/layout/tables/finance.js";
import {
  INDICATOR_INPUT_COLUMNS,
  INDICATOR_NOTE_COLUMNS,
  INDICATOR_SPC_COLUMNS,
} from "../../../core/layout/tables/indicators.js";
import { OBJECTIVE_COLUMNS } from "../../../core/layout/tables/objectives.js";
import { PARTNER_COLUMNS } from "../../../core/layout/tables/partners.js";
import { PARTNERSHIP_FIELDS } from "../../../core/layout/tables/partnership.js";
import { VALUE_COLUMNS } from "../../../core/layout/tables/values.js";
import { smallPartnership } from "../../support/small-partnership.js";

const fields = (columns: readonly ColumnSpec[]) =>
  columns
    .filter((c) => c.kind !== "formula")
    .map((c) => c.field)
    .sort();

describe("one spec per field", () => {
  const p = smallPartnership();

  it("names a model field for every input column, and every model field has a column", () => {
    expect(fields(PARTNER_COLUMNS)).toEqual(Object.keys(p.partners[0]!).sort());
    expect(fields(VALUE_COLUMNS)).toEqual(Object.keys(p.values[0]!).sort());
    expect(fields(FINANCE_COLUMNS)).toEqual(Object.keys(p.finance[0]!).sort());
    const objective = p.objectives[0]!;
    expect(fields(OBJECTIVE_COLUMNS)).toEqual(
      [
        ...Object.keys(objective).filter((k) => k !== "smart"),
        ...Object.keys(objective.smart).map((k) => `smart.${k}`),
      ].sort(),
    );
    // targetDate and the SPC settings are optional in the model (absent means the default), so the fixture leaves them out.
    expect(
      fields([...INDICATOR_INPUT_COLUMNS, ...INDICATOR_SPC_COLUMNS, ...INDICATOR_NOTE_COLUMNS]),
    ).toEqual(
      [
        ...Object.keys(p.indicators[0]!).filter((k) => k !== "values"),
        "targetDate",
        "spcBaselinePoints",
        "spcRebaseAt",
      ].sort(),
    );
    expect(PARTNERSHIP_FIELDS.map((f) => f.field).sort()).toEqual(Object.keys(p.details).sort());
  });

  it("says in the schema what needs each field", () => {
    const schema = workbookSchema([]);
    const partners = schema.tables.find((t) => t.table === "Partners");
    expect(partners?.columns.find((c) => c.header === "Signatory name")).toMatchObject({
      field: "signatoryName",
      need: "documents",
      neededIn: "agreements",
    });
    expect(partners?.columns.find((c) => c.header === "Short name")?.need).toBe("always");
    expect(partners?.columns.find((c) => c.header === "Contribution (£)")?.plausible).toEqual({
      min: 0,
      max: 10_000_000_000,
    });
    const text = schemaText(schema);
    expect(text).toMatch(/Signatory name {2}\[text; needed by agreements\]/);
    expect(text).toMatch(
      /Field "Pooled fund manager" {2}\[text; needed by agreements with a pooled fund\]/,
    );
    expect(text).toMatch(/Contribution \(£\) {2}\[money; from 0 to 10,000,000,000\]/);
  });
});

import { describe, expect, it } from "vitest";
import { DirectSheets } from "../../../adapters/exceljs/direct-sheets.js";
import { examplePartnership } from "../../../core/example/partnership.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import type { Operation } from "../../../core/layout/operations.js";
import { exampleInstruments } from "../../support/example.js";

/**
 * Which sheets the writer holds itself. That the bytes are exceljs's is
 * fast-writer.test.ts's work; this checks the big sheets take that path.
 */
describe("the sheets the writer holds itself", () => {
  it("are the example's table sheets; sheets with charts stay with exceljs", async () => {
    const instruments = await exampleInstruments();
    const direct = new DirectSheets(buildOperations(examplePartnership(instruments), instruments));
    for (const sheet of ["Indicators", "RAG history", "Targets", "Finance", "Objectives"])
      expect(direct.of(sheet), sheet).toBeDefined();
    for (const sheet of ["SPC", "Summary"]) expect(direct.of(sheet), sheet).toBeUndefined();
  });

  it("leave a sheet with an empty formula to exceljs, which writes it as text", () => {
    const ops: Operation[] = [
      { kind: "addSheet", sheet: "Plain", tabColor: "336699" },
      { kind: "addSheet", sheet: "Odd", tabColor: "336699" },
      {
        kind: "writeBlock",
        sheet: "Plain",
        address: "A1",
        cells: [["a", 1, true, { formula: "=1" }]],
      },
      { kind: "writeBlock", sheet: "Odd", address: "A1", cells: [[{ formula: "=" }]] },
      { kind: "merge", sheet: "Plain", range: "A2:B2" },
    ];
    const direct = new DirectSheets(ops);
    expect(direct.of("Plain")).toBeDefined();
    expect(direct.of("Odd")).toBeUndefined();
    expect(direct.of("Missing")).toBeUndefined();
  });
});

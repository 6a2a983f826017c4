import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { readPartnership } from "../../../core/read/reader.js";
import type { CellValue, WorkbookCells } from "../../../core/read/cells.js";
import { cellsFromOperations } from "../../support/cells-from-operations.js";
import { miniGrid, miniLedger, smallPartnership } from "../../support/small-partnership.js";
import { exampleWorkbookCells, exampleInstruments } from "../../support/example.js";

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.string({ minLength: 6000, maxLength: 9000 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(
    "tbc",
    "31/03/2027",
    "Yes",
    "Green",
    "=SUM(A1)",
    "{{constructor}}",
    "<script>",
    "£1,250",
    "10%",
  ),
  fc.constantFrom("#DIV/0!", "#REF!", "#VALUE!", "#N/A", "#NAME?").map((error) => ({ error })),
);

type Mutation =
  | { kind: "set"; table: number; row: number; column: number; value: CellValue }
  | { kind: "deleteRow"; table: number; row: number }
  | { kind: "deleteColumn"; table: number; column: number }
  | { kind: "renameHeader"; table: number; column: number; name: string }
  | { kind: "dropTable"; table: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("set" as const),
      table: fc.nat(),
      row: fc.nat(),
      column: fc.nat(),
      value: cellValue,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("deleteRow" as const),
      table: fc.nat(),
      row: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("deleteColumn" as const),
      table: fc.nat(),
      column: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("renameHeader" as const),
      table: fc.nat(),
      column: fc.nat(),
      name: fc.string(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropTable" as const), table: fc.nat() }) },
);

function mutate(cells: WorkbookCells, m: Mutation): WorkbookCells {
  const tables = cells.tables.map((t) => ({
    ...t,
    headers: [...t.headers],
    rows: t.rows.map((r) => [...r]),
  }));
  const table = tables[m.table % Math.max(tables.length, 1)];
  if (!table) return cells;
  const width = Math.max(table.headers.length, 1);
  switch (m.kind) {
    case "set": {
      const row = table.rows[m.row % Math.max(table.rows.length, 1)];
      if (row) row[m.column % width] = m.value;
      break;
    }
    case "deleteRow":
      table.rows.splice(m.row % Math.max(table.rows.length, 1), 1);
      break;
    case "deleteColumn": {
      const at = m.column % width;
      table.headers.splice(at, 1);
      for (const row of table.rows) row.splice(at, 1);
      break;
    }
    case "renameHeader":
      table.headers[m.column % width] = m.name;
      break;
    case "dropTable":
      tables.splice(tables.indexOf(table), 1);
      break;
  }
  return { ...cells, tables };
}

function readsSafely(base: WorkbookCells, instruments: Parameters<typeof readPartnership>[1]) {
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => {
      const cells = mutations.reduce(mutate, base);
      const { partnership, problems } = readPartnership(cells, instruments);
      expect(Array.isArray(partnership.indicators)).toBe(true);
      for (const problem of problems) {
        expect(typeof problem.sheet).toBe("string");
        expect(problem.message.length).toBeGreaterThan(0);
        expect(problem.message).not.toMatch(/\[object Object\]/);
      }
    }),
    { numRuns: 300 },
  );
}

describe("the reader never throws on mutated workbooks", () => {
  it("small partnership: returns a partnership or located problems", () => {
    readsSafely(cellsFromOperations(buildOperations(smallPartnership(), [miniGrid, miniLedger])), [
      miniGrid,
      miniLedger,
    ]);
  });
  it("example partnership: returns a partnership or located problems", async () => {
    readsSafely(await exampleWorkbookCells(), await exampleInstruments());
  });
});

import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FormulaTexts } from "../../../adapters/exceljs/formula-texts.js";
import { FIXED_ENTRY_DATE, finishTables } from "../../../adapters/exceljs/table-parts.js";
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import { takeModel, writtenParts } from "../../../adapters/exceljs/written-parts.js";
import { zipBytes } from "../../../adapters/exceljs/zip-writer.js";
import { examplePartnership } from "../../../core/example/partnership.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import type { CellInput, CellRole, Operation } from "../../../core/layout/operations.js";
import { emptyPartnership } from "../../../core/model/empty.js";
import { syntheticPartnership } from "../../../bench/synthetic.js";
import { exampleInstruments } from "../../support/example.js";
import { newWorkbook, oldFinish, oracleWorkbookBytes } from "./exceljs-writer-oracle.js";

/**
 * The fast writer (styles shared, formulas as tokens, rows written by
 * sheet-rows.ts, one zip pass) against exceljs writing the same workbook
 * itself (exceljs-writer-oracle.ts): the same bytes, whatever the cells hold.
 */

function same(actual: Uint8Array, expected: Uint8Array): void {
  expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
}

describe("the fast writer writes what exceljs wrote, byte for byte", () => {
  it("for the example, a blank workbook and a synthetic one with unit formats", async () => {
    const instruments = await exampleInstruments();
    for (const partnership of [
      examplePartnership(instruments),
      emptyPartnership(3),
      syntheticPartnership(30, 12, 8, instruments),
    ]) {
      const ops = buildOperations(partnership, instruments);
      same(await workbookBytes(ops), await oracleWorkbookBytes(ops));
    }
  }, 120_000);

  it("for any cells, formulas, styles, formats, merges and row heights", async () => {
    await fc.assert(
      fc.asyncProperty(operationsArbitrary(), async (ops) => {
        same(await workbookBytes(ops), await oracleWorkbookBytes(ops));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("reports a bad operation as a rejected promise, as before, never as a throw", async () => {
    let pending: Promise<Uint8Array> | undefined;
    expect(() => {
      pending = workbookBytes([{ kind: "writeBlock", sheet: "Nope", address: "A1", cells: [[1]] }]);
    }).not.toThrow();
    await expect(pending).rejects.toThrow("Operation on sheet Nope before it was added");
  });

  it("refuses overlapping merges as exceljs does", async () => {
    const ops: Operation[] = [
      { kind: "addSheet", sheet: "One", tabColor: "336699" },
      { kind: "merge", sheet: "One", range: "A1:C1" },
      { kind: "merge", sheet: "One", range: "C1:D2" },
    ];
    await expect(workbookBytes(ops)).rejects.toThrow("Cannot merge already merged cells");
    await expect(oracleWorkbookBytes(ops)).rejects.toThrow("Cannot merge already merged cells");
  });

  it("leaves a sheet with cells it does not write (dates, rich text, cached results) to exceljs", async () => {
    const rich = { richText: [{ text: "rich " }, { text: "text", font: { bold: true } }] };
    const fill = (workbook: ExcelJS.Workbook, formula: (text: string) => string) => {
      const mixed = workbook.addWorksheet("Mixed");
      mixed.getCell("A1").value = { formula: formula(`"<a>"&'b'`) };
      mixed.getCell("B1").value = new Date(Date.UTC(2026, 2, 31));
      mixed.getCell("C1").value = rich;
      mixed.getCell("D1").value = { formula: formula("1+1"), result: 2 };
      const plain = workbook.addWorksheet("Plain");
      plain.getCell("A1").value = { formula: formula(`"<a>"&'b'`) };
      plain.getCell("B2").value = 0.1;
    };
    const formulas = new FormulaTexts();
    const fast = newWorkbook();
    fill(fast, (text) => formulas.token(text));
    const parts = await writtenParts(takeModel({ workbook: fast }), formulas);
    finishTables(parts, new Map());

    const reference = newWorkbook();
    fill(reference, (text) => text);
    same(zipBytes(parts, FIXED_ENTRY_DATE), await oldFinish(reference, new Map()));
  });
});

const ROLES: CellRole[] = ["title", "instruction", "header", "input", "formula", "label", "note"];
const FORMATS = ["0", "0.0%", '"£"#,##0', "dd/mm/yyyy", "@", "0;[Red]-0"];

/** Text as cells get it: XML specials, control characters, quotes, non-Latin and astral characters. */
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      "<",
      ">",
      "&",
      '"',
      "'",
      "\u0000",
      "\u0001",
      "\t",
      "\n",
      "\r",
      "\u000B",
      "\u007F",
    ),
    fc.constantFrom("a", "Z", " ", "=", "[", "]", "#", "@", "é", "£", "Ω", "中", "🙂"),
    fc.integer({ min: 0x20, max: 0x2fff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 12,
});

const cell: fc.Arbitrary<CellInput> = fc.oneof(
  text,
  fc.oneof(
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 0.1, 1e21, 1.5e-7),
  ),
  fc.boolean(),
  fc.constant(null),
  text.map((t) => ({ formula: `=${t}` })),
);

const column = fc.integer({ min: 1, max: 6 });
const row = fc.integer({ min: 1, max: 12 });
const letter = (c: number) => String.fromCharCode(64 + c);
const range = fc
  .tuple(row, column, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }))
  .map(([r, c, h, w]) => `${letter(c)}${r}:${letter(Math.min(c + w, 8))}${r + h}`);

/** One sheet's operations: a block (sometimes a table over it), then styles, formats, a merge and heights in any order. */
function sheetOperations(sheet: string): fc.Arbitrary<Operation[]> {
  const block = fc
    .tuple(
      row,
      column,
      fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
    )
    .map(([r, c, cells]): Operation => {
      const width = Math.max(...cells.map((line) => line.length));
      return {
        kind: "writeBlock",
        sheet,
        address: `${letter(c)}${r}`,
        cells: cells.map((line) => [...line, ...Array<CellInput>(width - line.length).fill(null)]),
      };
    });
  const table = fc
    .tuple(
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 4 }),
      text,
      // Input cells left empty: the table still has a cell there.
      fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    )
    .map(([columns, rows, formula, blank]): Operation[] => {
      const headers = Array.from({ length: columns }, (_, i) => `H${i + 1}`);
      const body = Array.from({ length: rows }, (_, r) =>
        headers.map((_, i): CellInput =>
          i === columns - 1 ? { formula: `=${formula}` } : blank[r * 3 + i] ? null : i,
        ),
      );
      return [
        { kind: "writeBlock", sheet, address: "J20", cells: [headers, ...body] },
        {
          kind: "addTable",
          sheet,
          name: `T_${sheet}`,
          range: `J20:${String.fromCharCode(73 + columns)}${20 + rows}`,
          columns: headers.map((name, i) =>
            i === columns - 1 ? { name, formula: `=${formula}` } : { name },
          ),
          style: "TableStyleMedium2",
        },
      ];
    });
  const styling = fc.oneof(
    fc
      .tuple(range, fc.constantFrom(...ROLES))
      .map(([r, role]): Operation => ({ kind: "role", sheet, range: r, role })),
    fc
      .tuple(range, fc.constantFrom(...FORMATS))
      .map(([r, format]): Operation => ({ kind: "numberFormat", sheet, range: r, format })),
    range.map((r): Operation => ({ kind: "merge", sheet, range: r })),
    fc
      .array(fc.tuple(row, fc.constantFrom(15, 15.75, 30, 42.6)), { maxLength: 3 })
      .map((rows): Operation => ({
        kind: "rowHeights",
        sheet,
        rows: rows.map(([r, points]) => ({ row: r, points, autofit: true })),
      })),
  );
  return fc
    .tuple(
      block,
      fc.option(table, { nil: undefined }),
      fc.array(styling, { maxLength: 8 }),
      // A block written last, sometimes into a merged range (its value goes to the first cell).
      fc.option(block, { nil: undefined }),
    )
    .map(([first, tableOps, rest, late]) => {
      // One merge at most, wherever it falls: exceljs refuses overlapping merges.
      let merged = false;
      const styled = rest.filter((op) => op.kind !== "merge" || (!merged && (merged = true)));
      return [
        { kind: "addSheet", sheet, tabColor: "336699" },
        first,
        ...(tableOps ?? []),
        ...styled,
        ...(late ? [late] : []),
      ];
    });
}

function operationsArbitrary(): fc.Arbitrary<Operation[]> {
  return fc
    .tuple(sheetOperations("One"), fc.option(sheetOperations("Two"), { nil: undefined }))
    .map(([one, two]) => [...one, ...(two ?? [])]);
}

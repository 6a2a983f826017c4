/**
 * The Office.js interpreter lays out exactly what the blueprint says: every
 * constant with its type, every formula (table formula columns as calculated
 * columns), number formats, styles, widths, frozen panes, validation and
 * conditional formats.
 */
import { describe, expect, it } from "vitest";
import { parseCellAddress } from "../../../core/layout/address.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { isFormula, type Operation } from "../../../core/layout/operations.js";
import { roleStyle } from "../../../core/layout/styles.js";
import { examplePartnership } from "../../../core/example/partnership.js";
import { parseRect } from "../../../addin/excel/a1.js";
import { applyOperations } from "../../../addin/excel/apply-operations.js";
import { charactersToPoints } from "../../../addin/excel/column-width.js";
import { compileSteps, Phase } from "../../../addin/excel/compile-steps.js";
import { createFakeExcel, type FakeExcel } from "../../../addin/preview/fake-excel/index.js";
import { cellKey } from "../../../addin/preview/fake-excel/state.js";
import { styleAt } from "../../../addin/preview/fake-excel/style-at.js";
import { testInstruments } from "../support/partnerships.js";

async function built(): Promise<{ excel: FakeExcel; ops: Operation[] }> {
  const instruments = await testInstruments();
  const ops = buildOperations(examplePartnership(instruments), instruments);
  const excel = createFakeExcel();
  await applyOperations(excel.newContext().context, ops);
  return { excel, ops };
}

describe("applyOperations", () => {
  it("writes every constant with its type and every formula as the blueprint gives it", async () => {
    const { excel, ops } = await built();
    let checked = 0;
    for (const op of ops) {
      if (op.kind !== "writeBlock") continue;
      const sheet = excel.state.findSheet(op.sheet);
      const start = parseCellAddress(op.address);
      op.cells.forEach((row, i) =>
        row.forEach((cell, j) => {
          const actual = sheet?.cells.get(cellKey(start.row + i, start.column + j));
          if (isFormula(cell)) expect(actual?.formula, `${op.sheet}!${i},${j}`).toBe(cell.formula);
          else
            expect(
              actual?.value ?? null,
              `${op.sheet} row ${start.row + i} col ${start.column + j}`,
            ).toEqual(cell === "" ? null : cell);
          checked += 1;
        }),
      );
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("creates each table over its written range, with the formula of a formula column in every data row", async () => {
    const { excel, ops } = await built();
    for (const op of ops) {
      if (op.kind !== "addTable") continue;
      const table = excel.state.findTable(op.name);
      expect(table?.sheet.name).toBe(op.sheet);
      expect(table?.rect).toEqual(parseRect(op.range));
      expect(table?.style).toBe(op.style);
      op.columns.forEach((column, j) => {
        if (!column.formula || !table) return;
        for (let r = table.rect.top + 1; r <= table.rect.bottom; r++) {
          expect(table.sheet.cells.get(cellKey(r, table.rect.left + j))?.formula).toBe(
            column.formula,
          );
        }
      });
    }
  });

  it("applies number formats, cell roles, widths, frozen panes, validation and conditional formats", async () => {
    const { excel, ops } = await built();
    // Roles are layered in order, so a cell looks like the last role whose range holds it.
    const roles = ops.filter((op) => op.kind === "role");
    const lastRole = new Map<string, Operation>();
    for (const op of roles) {
      const { top, left } = parseRect(op.range);
      const last = [...roles].reverse().find((other) => {
        const r = parseRect(other.range);
        return (
          other.sheet === op.sheet &&
          r.top <= top &&
          top <= r.bottom &&
          r.left <= left &&
          left <= r.right
        );
      });
      if (last) lastRole.set(`${op.sheet}!${top}:${left}`, last);
    }
    for (const op of ops) {
      const sheet = excel.state.findSheet(op.sheet);
      if (!sheet) throw new Error(`missing sheet ${op.sheet}`);
      switch (op.kind) {
        case "numberFormat": {
          const rect = parseRect(op.range);
          expect(sheet.cells.get(cellKey(rect.bottom, rect.right))?.numberFormat).toBe(op.format);
          break;
        }
        case "role": {
          const rect = parseRect(op.range);
          if (lastRole.get(`${op.sheet}!${rect.top}:${rect.left}`) !== op) break;
          const style = roleStyle(op.role);
          const seen = styleAt(sheet.formats, rect.top, rect.left);
          expect(seen.bold).toBe(style.bold);
          expect(seen.italic, `${op.sheet}!${op.range} ${op.role}`).toBe(style.italic);
          break;
        }
        case "columnWidths":
          op.widths.forEach((w, i) =>
            expect(sheet.columnWidths.get(i + 1)).toBe(charactersToPoints(w)),
          );
          break;
        case "freeze":
          expect(sheet.freeze).toEqual({ rows: op.rows, columns: op.columns });
          break;
        case "listValidation":
        case "numberValidation": {
          const found = sheet.validations.find(
            (v) =>
              v.rect.top === parseRect(op.range).top && v.rect.left === parseRect(op.range).left,
          );
          expect(found, `${op.sheet}!${op.range}`).toBeDefined();
          if (op.kind === "listValidation") {
            const source = "values" in op.source ? op.source.values.join(",") : op.source.formula;
            expect(found?.rule.list?.source).toBe(source);
          }
          expect(found?.errorAlert?.message).toBe(op.message);
          break;
        }
        case "colorScale":
          expect(
            sheet.conditionalFormats.some(
              (f) => f.type === "ColorScale" && f.criteria?.minimum.color === op.low.color,
            ),
          ).toBe(true);
          break;
        case "textHighlight":
          expect(
            sheet.conditionalFormats.some(
              (f) =>
                f.type === "CellValue" &&
                f.rule?.formula1 === `="${op.text}"` &&
                f.fill === op.fill,
            ),
          ).toBe(true);
          break;
        default:
          break;
      }
    }
    expect(excel.state.findSheet("Partnership")?.tabColor).toMatch(/^#/);
  });

  it("keeps text that Excel would turn into a number, date or formula as text", async () => {
    const excel = createFakeExcel();
    await applyOperations(excel.newContext().context, [
      { kind: "addSheet", sheet: "T", tabColor: "#000000" },
      {
        kind: "writeBlock",
        sheet: "T",
        address: "A1",
        cells: [
          [
            "1.1",
            "2026-04-01",
            "=not a formula",
            "TRUE",
            "'quoted",
            5,
            true,
            null,
            { formula: "=1+1" },
          ],
        ],
      },
    ]);
    const { context } = excel.newContext();
    const range = context.workbook.worksheets
      .getItem("T")
      .getRange("A1:I1")
      .load("values, formulas");
    await context.sync();
    expect(range.values).toEqual([
      ["1.1", "2026-04-01", "=not a formula", "TRUE", "'quoted", 5, true, "", null],
    ]);
    expect(range.formulas[0]?.[8]).toBe("=1+1");
  });

  it("orders the work: sheets, formats, constants, tables, formulas, then rules", async () => {
    const instruments = await testInstruments();
    const steps = compileSteps(buildOperations(examplePartnership(instruments), instruments));
    const phases = steps.map((s) => s.phase);
    expect(phases).toEqual([...phases].sort((a, b) => a - b));
    expect(phases[0]).toBe(Phase.Sheets);
    expect(phases.includes(Phase.Formulas)).toBe(true);
  });
});

/**
 * Issue 7 §6, on the blueprint: percentages and pounds show in their unit,
 * text stays inside its cell, rows are tall enough for it, headers break only
 * at spaces, wide sheets print readably, and overspends are the red ones.
 */
import { describe, expect, it } from "vitest";
import { examplePartnership } from "../../../core/example/partnership.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { FORMATS, HEADER_ROW } from "../../../core/layout/columns.js";
import { isFormula, type Operation } from "../../../core/layout/operations.js";
import { MIN_READABLE_SCALE, scaleToFit } from "../../../core/layout/print.js";
import { roleStyle } from "../../../core/layout/styles.js";
import {
  linesHeight,
  longestWordWidth,
  textWidth,
  wrappedLines,
} from "../../../core/layout/text-measure.js";
import { unitNumberFormat } from "../../../core/layout/unit-formats.js";
import type { Partnership } from "../../../core/model/types.js";
import { exampleInstruments } from "../../support/example.js";
import { sheetNames, sheetView, type SheetView } from "./sheet-view.js";

let built: Promise<{ partnership: Partnership; ops: Operation[] }> | undefined;
function example() {
  built ??= exampleInstruments().then((instruments) => {
    const partnership = examplePartnership(instruments);
    return { partnership, ops: buildOperations(partnership, instruments) };
  });
  return built;
}

/** The column under `header` in the table whose header row is row 4. */
function columnOf(view: SheetView, header: string): number {
  for (const cell of view.cells.values())
    if (cell.row === HEADER_ROW && cell.value === header) return cell.column;
  throw new Error(`${view.name} has no header ${header}`);
}

/** Every text cell with the font its role gives it. */
function textCells(view: SheetView) {
  return [...view.cells.values()].flatMap((cell) => {
    if (typeof cell.value !== "string" || cell.value === "") return [];
    const merge = view.mergeAt(cell.row, cell.column);
    if (merge && (merge.top !== cell.row || merge.left !== cell.column)) return [];
    const role = view.roleAt(cell.row, cell.column);
    const style = role ? roleStyle(role) : null;
    const font = { size: style?.size ?? 11, bold: style?.bold ?? false };
    return [{ ...cell, text: cell.value, role, wrap: style?.wrap ?? false, font, merge }];
  });
}

/** The colour a number format gives a value: Excel picks the section by sign. */
function isRed(format: string, value: number): boolean {
  const sections = format.split(";");
  const section =
    value > 0
      ? sections[0]
      : value < 0
        ? (sections[1] ?? sections[0])
        : (sections[2] ?? sections[0]);
  return (section ?? "").includes("[Red]");
}

describe("units: indicators in % and £ show as percentages and pounds", () => {
  it("reads a unit as percent or pounds, and anything else as the column's own format", () => {
    for (const unit of ["%", " % ", "% of carers", "Percent", "percentage"])
      expect(unitNumberFormat(unit), unit).toBe(FORMATS.percent);
    for (const unit of ["£", "£ per episode", "pounds"])
      expect(unitNumberFormat(unit), unit).toBe(FORMATS.pounds);
    for (const unit of ["days", "patients a day", "per 100,000", "", null, undefined])
      expect(unitNumberFormat(unit), String(unit)).toBeNull();
  });

  it("formats baseline, target, every period, Latest and Previous of each row by its unit", async () => {
    const { partnership, ops } = await example();
    const view = sheetView(ops, "Indicators");
    const measured = ["Baseline", "Target", ...partnership.periods, "Latest", "Previous"].map((h) =>
      columnOf(view, h),
    );
    const seen = { "%": 0, "£": 0, other: 0 };
    partnership.indicators.forEach((indicator, i) => {
      const row = HEADER_ROW + 1 + i;
      const expected =
        indicator.unit === "%"
          ? FORMATS.percent
          : indicator.unit === "£"
            ? FORMATS.pounds
            : FORMATS.number;
      for (const column of measured)
        expect(view.formatAt(row, column), `${indicator.id} column ${column}`).toBe(expected);
      // The tolerance is a percentage whatever the unit.
      expect(view.formatAt(row, columnOf(view, "Tolerance (%)"))).toBe(FORMATS.percent);
      seen[indicator.unit === "%" || indicator.unit === "£" ? indicator.unit : "other"] += 1;
    });
    expect(seen["%"]).toBeGreaterThanOrEqual(5);
    expect(seen["£"]).toBeGreaterThanOrEqual(1);
    expect(seen.other).toBeGreaterThanOrEqual(5);
  });
});

describe("text stays readable inside its cell", () => {
  it("no text cell runs over a filled neighbour: long text wraps instead", async () => {
    const { ops } = await example();
    const overflowing: string[] = [];
    for (const name of sheetNames(ops)) {
      const view = sheetView(ops, name);
      for (const cell of textCells(view)) {
        if (cell.wrap) continue;
        const right = cell.merge ? cell.merge.right : cell.column;
        if (view.at(cell.row, right + 1) === null) continue;
        if (textWidth(cell.text, cell.font) > view.widthAt(cell.row, cell.column))
          overflowing.push(`${name}!R${cell.row}C${cell.column}: ${cell.text.slice(0, 30)}`);
      }
    }
    expect(overflowing).toEqual([]);
  });

  it("every row is tall enough for its wrapped text", async () => {
    const { ops } = await example();
    let sized = 0;
    for (const name of sheetNames(ops)) {
      const view = sheetView(ops, name);
      for (const cell of textCells(view)) {
        if (!cell.wrap) continue;
        const lines = wrappedLines(cell.text, view.widthAt(cell.row, cell.column), cell.font);
        if (lines === 1) continue;
        sized += 1;
        const height = view.heights.get(cell.row)?.points ?? 15;
        expect(height, `${name} row ${cell.row}`).toBeGreaterThanOrEqual(
          linesHeight(lines, cell.font.size),
        );
      }
    }
    // The vision, the decision rule, objectives, indicators' commentary, statements...
    expect(sized).toBeGreaterThan(50);
  });

  it("long text in the cells the issue names wraps: vision, decision rule, objectives", async () => {
    const { ops } = await example();
    const partnership = sheetView(ops, "Partnership");
    const objectives = sheetView(ops, "Objectives");
    for (const [view, label] of [
      [partnership, "Vision"],
      [partnership, "Decision-making rule"],
    ] as const) {
      const row = [...view.cells.values()].find((c) => c.column === 1 && c.value === label)?.row;
      expect(row, label).toBeDefined();
      const role = view.roleAt(row ?? 0, 2);
      expect(role && roleStyle(role).wrap, label).toBe(true);
      expect(view.heights.get(row ?? 0)?.points ?? 15, label).toBeGreaterThan(15);
    }
    const objective = columnOf(objectives, "Objective");
    const role = objectives.roleAt(HEADER_ROW + 1, objective);
    expect(role && roleStyle(role).wrap).toBe(true);
  });

  it("keeps headers whole: every column is wider than its header's longest word", async () => {
    const { ops } = await example();
    const header = roleStyle("header");
    const font = { size: header.size, bold: header.bold };
    let checked = 0;
    for (const name of sheetNames(ops)) {
      const view = sheetView(ops, name);
      for (const cell of textCells(view)) {
        if (cell.role !== "header" || cell.row !== HEADER_ROW) continue;
        checked += 1;
        const width = view.widthAt(cell.row, cell.column);
        expect(width, `${name}: ${cell.text}`).toBeGreaterThan(
          longestWordWidth(cell.text, font) + 1,
        );
        const lines = wrappedLines(cell.text, width, font);
        if (lines > 1)
          expect(view.heights.get(HEADER_ROW)?.points, `${name} header row`).toBeGreaterThanOrEqual(
            linesHeight(lines, header.size),
          );
      }
    }
    expect(checked).toBeGreaterThan(100);
    // "Community Trust" heads a score column: the word Community must fit.
    const grid = sheetView(ops, "Vision tests");
    expect(grid.widthAt(HEADER_ROW, columnOf(grid, "Community Trust"))).toBeGreaterThan(
      longestWordWidth("Community", font) + 1,
    );
  });

  it("wraps each table sheet's instruction line across the table, not in column A", async () => {
    const { ops } = await example();
    for (const name of ["Partnership", "Values", "Objectives", "Indicators", "Finance"]) {
      const view = sheetView(ops, name);
      const merge = view.mergeAt(2, 1);
      expect(merge, name).toBeDefined();
      expect((merge?.right ?? 1) - (merge?.left ?? 1), name).toBeGreaterThanOrEqual(1);
      expect(roleStyle(view.roleAt(2, 1) ?? "label").wrap, name).toBe(true);
      const text = String(view.at(2, 1));
      const lines = wrappedLines(text, view.widthAt(2, 1), { size: 11, bold: false });
      expect(lines, name).toBeLessThanOrEqual(3);
      if (lines > 1) expect(view.heights.get(2)?.autofit, name).toBe(false);
    }
  });
});

describe("printing", () => {
  it("prints wide sheets at a readable scale with their ID and name columns repeated", async () => {
    const { ops } = await example();
    expect(sheetView(ops, "Indicators").page).toMatchObject({
      landscape: true,
      fitToWidth: false,
      scale: 80,
      titleRows: "4:4",
      titleColumns: "A:C",
    });
    expect(sheetView(ops, "Objectives").page).toMatchObject({
      fitToWidth: false,
      titleColumns: "A:B",
    });
    for (const name of ["Partnership", "Values"])
      expect(sheetView(ops, name).page, name).toMatchObject({ fitToWidth: true, titleColumns: "" });
  });

  it("never shrinks a table sheet below a readable scale to fit it on one page", async () => {
    const { ops } = await example();
    for (const name of sheetNames(ops)) {
      if (!ops.some((o) => o.kind === "addTable" && o.sheet === name)) continue;
      if (name === "Summary") continue;
      const view = sheetView(ops, name);
      if (view.page?.fitToWidth === false) {
        expect(view.page.scale, name).toBeGreaterThanOrEqual(MIN_READABLE_SCALE * 100);
        continue;
      }
      expect(scaleToFit(view.widths, view.page?.landscape ?? true), name).toBeGreaterThanOrEqual(
        MIN_READABLE_SCALE,
      );
    }
  });
});

describe("variance: overspends are red", () => {
  it("shows a forecast overspend (forecast above budget, a positive variance) in red, an underspend and on budget not", async () => {
    const { ops } = await example();
    const finance = sheetView(ops, "Finance");
    // The formula subtracts the full-year budget from the forecast outturn, never from spend to date.
    const formula = finance.at(HEADER_ROW + 1, columnOf(finance, "Forecast variance (£)"));
    expect(isFormula(formula ?? "") && (formula as { formula: string }).formula).toMatch(
      /Forecast outturn \(£\)\]\]-.*Budget \(£\)\]\]\)$/,
    );
    const summary = sheetView(ops, "Summary");
    const summaryRow = (label: string) =>
      [...summary.cells.values()].find((c) => c.column === 1 && c.value === label)?.row ?? 0;
    const formats = [
      finance.formatAt(HEADER_ROW + 1, columnOf(finance, "Forecast variance (£)")),
      finance.formatAt(HEADER_ROW + 1, columnOf(finance, "Forecast variance (%)")),
      finance.formatAt(HEADER_ROW + 1, columnOf(finance, "Economy (% vs benchmark)")),
      summary.formatAt(summaryRow("Forecast variance (£)"), 2),
      summary.formatAt(summaryRow("Forecast variance (%)"), 2),
    ];
    for (const format of formats) {
      expect(format).not.toBeNull();
      expect(isRed(format ?? "", 12_300), `${format} overspend`).toBe(true);
      expect(isRed(format ?? "", -25_000), `${format} underspend`).toBe(false);
      expect(isRed(format ?? "", 0), `${format} on budget`).toBe(false);
    }
  });
});

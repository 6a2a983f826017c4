/** Range and what hangs off it: format, data validation, conditional formats. */
import { quoteSheet } from "../../../core/layout/address.js";
import {
  overlaps,
  parseRect,
  rectAddress,
  rectColumns,
  rectRows,
  type Rect,
} from "../../excel/a1.js";
import {
  FakeClientObject,
  FakeCollection,
  type FakeContextCore,
  type PropertySpec,
} from "./context.js";
import { invalidArgument } from "./errors.js";
import { checkFormula, coerceTyped } from "./formulas.js";
import { FakeRangeAreas } from "./range-areas.js";
import { cellKey, type FakeConditionalFormat, type FakeSheet, type FormatLayer } from "./state.js";

export interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

/** Reading or writing every cell of a whole-column range would be absurd; Excel users never do. */
const MAX_CELL_GRID = 2_000_000;

type Grid = unknown[][];

function checkGrid(target: RangeTarget, grid: unknown, what: string): Grid {
  const rows = rectRows(target.rect);
  const columns = rectColumns(target.rect);
  if (
    !Array.isArray(grid) ||
    grid.length !== rows ||
    grid.some((r) => !Array.isArray(r) || r.length !== columns)
  ) {
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} for ${rectAddress(target.rect)}).`,
    );
  }
  return grid as Grid;
}

function readGrid(
  target: RangeTarget,
  cellValue: (row: number, column: number) => unknown,
): unknown[][] {
  const { rect } = target;
  if (rectRows(rect) * rectColumns(rect) > MAX_CELL_GRID)
    throw invalidArgument("Range too large to read.");
  const grid: unknown[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: unknown[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(cellValue(r, c));
    grid.push(row);
  }
  return grid;
}

function cellAt(sheet: FakeSheet, row: number, column: number) {
  const key = cellKey(row, column);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = { value: null, formula: null, numberFormat: null };
    sheet.cells.set(key, cell);
  }
  return cell;
}

/** Writes `values` or `formulas`: a string starting with "=" becomes a formula; null leaves a cell as it is. */
function writeContents(
  context: FakeContextCore,
  target: RangeTarget,
  grid: unknown,
  what: string,
): void {
  const cells = checkGrid(target, grid, what);
  const { rect, sheet } = target;
  cells.forEach((row, i) =>
    row.forEach((input, j) => {
      if (input === null || input === undefined) return;
      const r = rect.top + i;
      const c = rect.left + j;
      const where = `${sheet.name}!${rectAddress({ top: r, left: c, bottom: r, right: c })}`;
      const cell = cellAt(sheet, r, c);
      if (typeof input === "string" && input.startsWith("=") && input.length > 1) {
        checkFormula(context.state, input, where);
        cell.formula = input;
        cell.value = null;
      } else if (typeof input === "string") {
        cell.formula = null;
        cell.value = input === "" ? null : coerceTyped(input, cell.numberFormat);
      } else if (typeof input === "number" || typeof input === "boolean") {
        if (typeof input === "number" && !Number.isFinite(input))
          throw invalidArgument(`Not a number: ${input}`, where);
        cell.formula = null;
        cell.value = input;
      } else {
        throw invalidArgument(`A cell cannot hold ${JSON.stringify(input)}`, where);
      }
    }),
  );
}

function addLayer(target: RangeTarget, layer: Omit<FormatLayer, "rect">): void {
  target.sheet.formats.push({ rect: target.rect, ...layer });
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContextCore, locate: () => RangeTarget | null, description = "range") {
    super(context, locate, description);
    this.install();
  }

  protected properties(): Record<string, PropertySpec<RangeTarget>> {
    const context = this.context;
    return {
      address: { get: (t) => `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}` },
      rowIndex: { get: (t) => t.rect.top - 1 },
      columnIndex: { get: (t) => t.rect.left - 1 },
      rowCount: { get: (t) => rectRows(t.rect) },
      columnCount: { get: (t) => rectColumns(t.rect) },
      values: {
        // Formula cells read as null: the fake computes nothing (see formulas.ts).
        get: (t) =>
          readGrid(t, (r, c) => {
            const cell = t.sheet.cells.get(cellKey(r, c));
            if (!cell) return "";
            return cell.formula !== null ? null : (cell.value ?? "");
          }),
        set: (t, v) => writeContents(context, t, v, "values"),
      },
      formulas: {
        get: (t) =>
          readGrid(t, (r, c) => {
            const cell = t.sheet.cells.get(cellKey(r, c));
            return cell?.formula ?? cell?.value ?? "";
          }),
        set: (t, v) => writeContents(context, t, v, "formulas"),
      },
      numberFormat: {
        get: (t) =>
          readGrid(t, (r, c) => t.sheet.cells.get(cellKey(r, c))?.numberFormat ?? "General"),
        set: (t, v) => {
          const grid = checkGrid(t, v, "numberFormat");
          grid.forEach((row, i) =>
            row.forEach((format, j) => {
              if (format === null) return;
              if (typeof format !== "string")
                throw invalidArgument("A number format must be text.");
              cellAt(t.sheet, t.rect.top + i, t.rect.left + j).numberFormat = format;
            }),
          );
        },
      },
    };
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.context, () => this.target());
  }

  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.context, () => this.target());
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.context, () => this.target());
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      const r = t.rect.top + row;
      const c = t.rect.left + column;
      return { sheet: t.sheet, rect: { top: r, left: c, bottom: r, right: c } };
    });
  }

  /** The rows just under the range; Excel refuses rows past its last one. */
  getRowsBelow(count = 1): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.target();
      if (rect.bottom + count > 1_048_576) throw invalidArgument("There are no rows below.");
      const rows = { top: rect.bottom + 1, bottom: rect.bottom + count };
      return { sheet, rect: { ...rect, ...rows } };
    });
  }

  /**
   * The range's formula cells as areas (one per run down a column), or a
   * null object when there are none. The reader asks for formulas only, so
   * the fake refuses the other kinds rather than answer them wrongly.
   */
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): FakeRangeAreas {
    if (cellType !== "Formulas" || (cellValueType !== undefined && cellValueType !== "All"))
      throw invalidArgument(`The fake Excel finds formula cells only, not ${cellType}.`);
    return new FakeRangeAreas(this.context, () => {
      const { sheet, rect } = this.target();
      const rects: Rect[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        for (let r = rect.top; r <= rect.bottom; r++) {
          if (!sheet.cells.get(cellKey(r, c))?.formula) continue;
          const last = rects[rects.length - 1];
          if (last && last.left === c && last.bottom === r - 1) last.bottom = r;
          else rects.push({ top: r, left: c, bottom: r, right: c });
        }
      }
      return rects.length ? { sheet, rects } : null;
    });
  }

  /** The merged areas that touch the range (ExcelApi 1.13), or a null object when none do. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const { sheet, rect } = this.target();
      const rects = sheet.merges.filter((m) => overlaps(m, rect));
      return rects.length ? { sheet, rects } : null;
    });
  }

  /** Merges the range into one cell; as in Excel, never inside a table, and never twice over. */
  merge(across = false): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      if (across)
        throw invalidArgument("The fake Excel merges whole ranges only (across = false).");
      const table = this.context.state.tables.find(
        (t) => t.sheet === sheet && overlaps(t.rect, rect),
      );
      if (table) throw invalidArgument(`Cannot merge cells inside the table ${table.name}.`);
      if (sheet.merges.some((m) => overlaps(m, rect)))
        throw invalidArgument(`${rectAddress(rect)} overlaps a merged range.`);
      sheet.merges.push(rect);
    }, across);
  }

  select(): void {
    this.context.enqueue(() => {
      const t = this.target();
      this.context.state.activeSheet = t.sheet;
      this.context.state.selection = { sheet: t.sheet.name, address: rectAddress(t.rect) };
    });
  }

  /** Clears contents and formats ("All"), or only "Contents" / "Formats". */
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      for (const [key, cell] of sheet.cells) {
        const [r, c] = key.split(":").map(Number);
        if (
          r === undefined ||
          c === undefined ||
          r < rect.top ||
          r > rect.bottom ||
          c < rect.left ||
          c > rect.right
        )
          continue;
        if (applyTo !== "Formats") {
          cell.value = null;
          cell.formula = null;
        }
        if (applyTo !== "Contents") cell.numberFormat = null;
        if (cell.value === null && cell.formula === null && cell.numberFormat === null)
          sheet.cells.delete(key);
      }
      if (applyTo !== "Contents") {
        sheet.formats.push({
          rect,
          fill: null,
          fontColor: "#000000",
          bold: false,
          italic: false,
          wrap: false,
        });
      }
    }, applyTo);
  }
}

export class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContextCore, locate: () => RangeTarget | null) {
    super(context, locate, "range format");
    this.install();
  }

  protected properties(): Record<string, PropertySpec<RangeTarget>> {
    return {
      wrapText: { set: (t, v) => addLayer(t, { wrap: Boolean(v) }) },
      rowHeight: {
        set: (t, v) => {
          if (typeof v !== "number" || v < 0 || v > 409)
            throw invalidArgument("rowHeight must be from 0 to 409 points.");
          for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.rowHeights.set(r, v);
        },
      },
      columnWidth: {
        get: (t) => t.sheet.columnWidths.get(t.rect.left) ?? 48,
        set: (t, v) => {
          if (typeof v !== "number" || v < 0)
            throw invalidArgument("columnWidth must be a number of points.");
          for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, v);
        },
      },
      horizontalAlignment: { set: () => undefined },
      verticalAlignment: { set: () => undefined },
    };
  }

  /** Marks the rows as fitted to their text: the fake measures nothing, so it records the request. */
  autofitRows(): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, "autofit");
    });
  }

  get fill(): FakeRangeFill {
    return new FakeRangeFill(this.context, () => this.target());
  }

  get font(): FakeRangeFont {
    return new FakeRangeFont(this.context, () => this.target());
  }
}

function checkColor(value: unknown): string {
  if (typeof value !== "string" || !/^(#[0-9A-Fa-f]{6}|[a-z]+)$/.test(value)) {
    throw invalidArgument(`Not a colour: ${JSON.stringify(value)}`);
  }
  return value;
}

export class FakeRangeFill extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContextCore, locate: () => RangeTarget | null) {
    super(context, locate, "range fill");
    this.install();
  }

  protected properties(): Record<string, PropertySpec<RangeTarget>> {
    return { color: { set: (t, v) => addLayer(t, { fill: checkColor(v) }) } };
  }

  clear(): void {
    this.context.enqueue(() => addLayer(this.target(), { fill: null }));
  }
}

export class FakeRangeFont extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContextCore, locate: () => RangeTarget | null) {
    super(context, locate, "range font");
    this.install();
  }

  protected properties(): Record<string, PropertySpec<RangeTarget>> {
    return {
      color: { set: (t, v) => addLayer(t, { fontColor: checkColor(v) }) },
      bold: { set: (t, v) => addLayer(t, { bold: Boolean(v) }) },
      italic: { set: (t, v) => addLayer(t, { italic: Boolean(v) }) },
      size: { set: (t, v) => addLayer(t, { size: Number(v) }) },
      name: { set: () => undefined },
    };
  }
}

const RULE_KINDS = ["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"];

export class FakeDataValidation extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContextCore, locate: () => RangeTarget | null) {
    super(context, locate, "data validation");
    this.install();
  }

  protected properties(): Record<string, PropertySpec<RangeTarget>> {
    return {
      rule: {
        get: (t) => t.sheet.validations.find((v) => overlaps(v.rect, t.rect))?.rule ?? {},
        set: (t, v) => {
          const rule = v as Excel.DataValidationRule;
          const kinds = Object.keys(rule ?? {}).filter((k) => RULE_KINDS.includes(k));
          if (kinds.length !== 1)
            throw invalidArgument("A data validation rule needs exactly one kind.");
          if (rule.list && typeof rule.list.source !== "string")
            throw invalidArgument("A list's source must be text.");
          // Excel refuses a new rule over cells that already carry a different one (see the reference notes).
          if (t.sheet.validations.some((existing) => overlaps(existing.rect, t.rect))) {
            throw invalidArgument(
              `Cells in ${rectAddress(t.rect)} already have a validation rule: clear it first.`,
            );
          }
          t.sheet.validations.push({ rect: t.rect, rule, errorAlert: null });
        },
      },
      errorAlert: {
        set: (t, v) => {
          const validation = t.sheet.validations.find(
            (x) => x.rect === t.rect || rectAddress(x.rect) === rectAddress(t.rect),
          );
          if (!validation) throw invalidArgument("Set the rule before its error alert.");
          validation.errorAlert = v as Partial<Excel.DataValidationErrorAlert>;
        },
      },
    };
  }

  clear(): void {
    this.context.enqueue(() => {
      const t = this.target();
      // Clearing a part of a rule's range removes the rule where it overlaps; the fake drops it whole.
      t.sheet.validations = t.sheet.validations.filter((v) => !overlaps(v.rect, t.rect));
    });
  }
}

interface ConditionalFormatTarget {
  range: RangeTarget;
  format: FakeConditionalFormat;
}

export class FakeConditionalFormatCollection extends FakeCollection<
  FakeConditionalFormat,
  FakeConditionalFormat_
> {
  constructor(
    context: FakeContextCore,
    private readonly locateRange: () => RangeTarget | null,
  ) {
    super(
      context,
      () => {
        const range = locateRange();
        return range
          ? range.sheet.conditionalFormats.filter((f) => overlaps(f.rect, range.rect))
          : null;
      },
      "conditional formats",
    );
  }

  protected itemFor(target: FakeConditionalFormat): FakeConditionalFormat_ {
    return new FakeConditionalFormat_(this.context, () => {
      const range = this.locateRange();
      return range ? { range, format: target } : null;
    });
  }

  add(type: string): FakeConditionalFormat_ {
    if (type !== "ColorScale" && type !== "CellValue") {
      throw invalidArgument(
        `The fake Excel supports ColorScale and CellValue conditional formats, not ${type}.`,
      );
    }
    let created: ConditionalFormatTarget | null = null;
    this.context.enqueue(() => {
      const range = this.locateRange();
      if (!range) throw invalidArgument("No range for the conditional format.");
      const format: FakeConditionalFormat =
        type === "ColorScale"
          ? { rect: range.rect, type, criteria: null }
          : { rect: range.rect, type, rule: null, fill: null, fontColor: null };
      range.sheet.conditionalFormats.push(format);
      created = { range, format };
    }, type);
    return new FakeConditionalFormat_(this.context, () => created);
  }

  clearAll(): void {
    this.context.enqueue(() => {
      const range = this.locateRange();
      if (!range) return;
      range.sheet.conditionalFormats = range.sheet.conditionalFormats.filter(
        (f) => !overlaps(f.rect, range.rect),
      );
    });
  }
}

/** One conditional format; the trailing underscore keeps the name apart from the state type. */
export class FakeConditionalFormat_ extends FakeClientObject<ConditionalFormatTarget> {
  constructor(context: FakeContextCore, locate: () => ConditionalFormatTarget | null) {
    super(context, locate, "conditional format");
    this.install();
  }

  protected properties(): Record<string, PropertySpec<ConditionalFormatTarget>> {
    return { type: { get: (t) => t.format.type } };
  }

  get colorScale(): { criteria: Excel.ConditionalColorScaleCriteria } {
    const context = this.context;
    const target = () => this.target();
    return {
      set criteria(value: Excel.ConditionalColorScaleCriteria) {
        const copy = JSON.parse(JSON.stringify(value)) as Excel.ConditionalColorScaleCriteria;
        context.enqueue(() => {
          const { format } = target();
          if (format.type !== "ColorScale") throw invalidArgument("Not a colour scale.");
          if (!copy.minimum || !copy.maximum)
            throw invalidArgument("A colour scale needs a minimum and a maximum.");
          format.criteria = copy;
        }, copy);
      },
      get criteria(): Excel.ConditionalColorScaleCriteria {
        throw invalidArgument("Reading criteria is not supported by the fake.");
      },
    };
  }

  get cellValue(): {
    rule: Excel.ConditionalCellValueRule;
    format: { fill: { color: string }; font: { color: string } };
  } {
    const context = this.context;
    const target = () => this.target();
    const cellValue = (
      apply: (f: Extract<FakeConditionalFormat, { type: "CellValue" }>) => void,
      payload: unknown,
    ) =>
      context.enqueue(() => {
        const { format } = target();
        if (format.type !== "CellValue") throw invalidArgument("Not a cell value format.");
        apply(format);
      }, payload);
    return {
      set rule(value: Excel.ConditionalCellValueRule) {
        if (!value.operator || value.formula1 === undefined)
          throw invalidArgument("A cell value rule needs an operator and formula1.");
        const copy = { ...value };
        cellValue((f) => (f.rule = copy), copy);
      },
      get rule(): Excel.ConditionalCellValueRule {
        throw invalidArgument("Reading rules is not supported by the fake.");
      },
      format: {
        fill: {
          set color(value: string) {
            cellValue((f) => (f.fill = checkColor(value)), value);
          },
          get color(): string {
            throw invalidArgument("Reading colours is not supported by the fake.");
          },
        },
        font: {
          set color(value: string) {
            cellValue((f) => (f.fontColor = checkColor(value)), value);
          },
          get color(): string {
            throw invalidArgument("Reading colours is not supported by the fake.");
          },
        },
      },
    };
  }
}

/** Parses a worksheet-relative address into a rectangle, throwing as Excel would. */
export function rectOf(address: string): Rect {
  try {
    return parseRect(address);
  } catch {
    throw invalidArgument(`The address ${address} is not valid.`);
  }
}

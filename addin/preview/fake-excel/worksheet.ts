/** Worksheets, their collection and freeze panes. */
import { MAX_COLUMNS, MAX_ROWS } from "../../excel/a1.js";
import {
  FakeClientObject,
  FakeCollection,
  type FakeContextCore,
  type PropertySpec,
} from "./context.js";
import { FakeOfficeError, invalidArgument, itemAlreadyExists } from "./errors.js";
import { breakReferences, referencedSheets, renameSheetInFormulas } from "./formulas.js";
import { FakeRange, rectOf, type RangeTarget } from "./range.js";
import type { FakeSheet, FakeWorkbookState } from "./state.js";
import { FakeTableCollection } from "./table.js";
import { FakeChartCollection } from "./chart.js";

function checkSheetName(state: FakeWorkbookState, sheet: FakeSheet | null, name: unknown): string {
  if (
    typeof name !== "string" ||
    name.trim() === "" ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    /^'|'$/.test(name)
  ) {
    throw invalidArgument(`${JSON.stringify(name)} is not a valid sheet name.`);
  }
  const clash = state.findSheet(name);
  if (clash && clash !== sheet) throw itemAlreadyExists(`sheet ${name}`);
  return name;
}

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  constructor(context: FakeContextCore, locate: () => FakeSheet | null, description = "worksheet") {
    super(context, locate, description);
    this.install();
  }

  protected properties(): Record<string, PropertySpec<FakeSheet>> {
    const state = this.context.state;
    return {
      id: { get: (s) => String(s.id) },
      name: {
        get: (s) => s.name,
        set: (s, v) => {
          const name = checkSheetName(state, s, v);
          renameSheetInFormulas(state, s.name, name);
          s.name = name;
        },
      },
      tabColor: {
        get: (s) => s.tabColor,
        set: (s, v) => {
          if (typeof v !== "string" || !/^(#[0-9A-Fa-f]{6})?$/.test(v))
            throw invalidArgument(`Not a tab colour: ${String(v)}`);
          s.tabColor = v;
        },
      },
      position: {
        get: (s) => state.sheets.indexOf(s),
        set: (s, v) => {
          if (typeof v !== "number" || v < 0 || v >= state.sheets.length)
            throw invalidArgument(`No position ${String(v)}.`);
          state.sheets.splice(state.sheets.indexOf(s), 1);
          state.sheets.splice(v, 0, s);
        },
      },
      visibility: { get: () => "Visible" },
    };
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, (): RangeTarget => {
      const sheet = this.target();
      const rect = address
        ? rectOf(address)
        : { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS };
      return { sheet, rect };
    });
  }

  /** The smallest range holding every cell with content; null object when the sheet is empty. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const range = new FakeRange(
      this.context,
      (): RangeTarget | null => {
        const sheet = this.target();
        let rect: RangeTarget["rect"] | null = null;
        for (const [key, cell] of sheet.cells) {
          if (valuesOnly && cell.value === null && cell.formula === null) continue;
          const [r = 0, c = 0] = key.split(":").map(Number);
          rect = rect
            ? {
                top: Math.min(rect.top, r),
                left: Math.min(rect.left, c),
                bottom: Math.max(rect.bottom, r),
                right: Math.max(rect.right, c),
              }
            : { top: r, left: c, bottom: r, right: c };
        }
        return rect ? { sheet, rect } : null;
      },
      "used range",
    );
    range.trackNull();
    return range;
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, {
      kind: "sheet",
      sheet: () => this.targetOrNull(),
    });
  }

  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.context, () => this.target());
  }

  get pageLayout(): FakePageLayout {
    return new FakePageLayout(this.context, () => this.target());
  }

  get freezePanes(): FakeFreezePanes {
    return new FakeFreezePanes(this.context, () => this.target());
  }

  activate(): void {
    this.context.enqueue(() => {
      const state = this.context.state;
      state.activeSheet = this.target();
      if (state.selection && state.selection.sheet !== state.activeSheet.name)
        state.selection = null;
    });
  }

  /** Deletes the sheet and its tables; formulas that pointed at it become #REF!. */
  delete(): void {
    this.context.enqueue(() => {
      const sheet = this.target();
      const state = this.context.state;
      if (state.sheets.length === 1)
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      const tables = state.tables.filter((t) => t.sheet === sheet).map((t) => t.name.toLowerCase());
      state.sheets = state.sheets.filter((s) => s !== sheet);
      state.tables = state.tables.filter((t) => t.sheet !== sheet);
      if (state.activeSheet === sheet) state.activeSheet = state.sheets[0] ?? null;
      const lower = sheet.name.toLowerCase();
      breakReferences(
        state,
        (f) =>
          referencedSheets(f).some((n) => n.toLowerCase() === lower) ||
          tables.some((t) => f.toLowerCase().includes(`${t}[`)),
      );
    });
  }
}

/** The print settings the interpreter sets (write-only here: nothing reads them back). */
export class FakePageLayout {
  constructor(
    private readonly context: FakeContextCore,
    private readonly sheet: () => FakeSheet,
  ) {}

  set orientation(value: string) {
    if (value !== "Portrait" && value !== "Landscape")
      throw invalidArgument(`Not an orientation: ${value}`);
    this.context.enqueue(() => (this.sheet().page.orientation = value), value);
  }

  set paperSize(value: string) {
    this.context.enqueue(() => (this.sheet().page.paperSize = value), value);
  }

  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    if (value.scale !== undefined && value.horizontalFitToPages !== undefined)
      throw invalidArgument("zoom takes a scale or pages to fit, not both.");
    this.context.enqueue(() => {
      const page = this.sheet().page;
      page.fitToWidth = value.horizontalFitToPages ?? null;
      page.scale = value.scale ?? null;
    }, value);
  }

  setPrintTitleRows(rows: string): void {
    if (!/^\$\d+:\$\d+$/.test(rows)) throw invalidArgument(`Not a row range: ${rows}`);
    this.context.enqueue(() => (this.sheet().page.titleRows = rows), rows);
  }

  setPrintTitleColumns(columns: string): void {
    if (!/^\$[A-Z]{1,3}:\$[A-Z]{1,3}$/.test(columns))
      throw invalidArgument(`Not a column range: ${columns}`);
    this.context.enqueue(() => (this.sheet().page.titleColumns = columns), columns);
  }
}

export class FakeFreezePanes {
  constructor(
    private readonly context: FakeContextCore,
    private readonly sheet: () => FakeSheet,
  ) {}

  private set(rows: number, columns: number): void {
    this.context.enqueue(() => {
      this.sheet().freeze = { rows, columns };
    }, [rows, columns]);
  }

  freezeRows(count = 1): void {
    this.set(count, 0);
  }

  freezeColumns(count = 1): void {
    this.set(0, count);
  }

  /** Freezes the rows and columns above and left of the range's bottom-right corner. */
  freezeAt(frozen: string | FakeRange): void {
    this.context.enqueue(() => {
      const rect = typeof frozen === "string" ? rectOf(frozen) : frozen.target().rect;
      if (rect.top !== 1 || rect.left !== 1)
        throw invalidArgument("freezeAt expects a range starting at A1.");
      this.sheet().freeze = { rows: rect.bottom, columns: rect.right };
    });
  }

  unfreeze(): void {
    this.set(0, 0);
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeSheet, FakeWorksheet> {
  constructor(context: FakeContextCore) {
    super(context, () => context.state.sheets, "worksheets");
  }

  protected itemFor(target: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.context, () => target);
  }

  getItem(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(
      this.context,
      () => this.context.state.findSheet(name) ?? null,
      `worksheet ${name}`,
    );
    this.context.enqueue(() => sheet.target(), name);
    return sheet;
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(
      this.context,
      () => this.context.state.findSheet(name) ?? null,
      `worksheet ${name}`,
    );
    sheet.trackNull();
    return sheet;
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => this.context.state.activeSheet ?? this.context.state.sheets[0] ?? null,
    );
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.context.enqueue(() => {
      const state = this.context.state;
      created = state.addSheet(checkSheetName(state, null, name));
    }, name);
    return new FakeWorksheet(this.context, () => created, `new worksheet ${name}`);
  }
}

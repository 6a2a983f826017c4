/** Tables (ListObjects): added over written cells, found by name. */
import { overlaps, rectAddress, splitSheetAddress, type Rect } from "../../excel/a1.js";
import {
  FakeClientObject,
  FakeCollection,
  type FakeContextCore,
  type PropertySpec,
} from "./context.js";
import { invalidArgument, itemAlreadyExists, itemNotFound } from "./errors.js";
import { breakReferences, referencedTables, renameTableInFormulas } from "./formulas.js";
import { FakeRange, rectOf } from "./range.js";
import { cellKey, type FakeSheet, type FakeTable, type FakeWorkbookState } from "./state.js";
import { FakeWorksheet } from "./worksheet.js";

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;

function checkTableName(state: FakeWorkbookState, table: FakeTable, name: unknown): string {
  if (typeof name !== "string" || !TABLE_NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
    throw invalidArgument(`${JSON.stringify(name)} is not a valid table name.`);
  }
  const clash = state.findTable(name);
  if (clash && clash !== table) throw itemAlreadyExists(`table ${name}`);
  return name;
}

/** Header cells become unique text, as Excel makes them when a table is added. */
function settleHeaders(sheet: FakeSheet, rect: Rect): void {
  const seen = new Set<string>();
  for (let c = rect.left; c <= rect.right; c++) {
    const key = cellKey(rect.top, c);
    const cell = sheet.cells.get(key);
    let header = cell?.formula === null && cell.value !== null ? String(cell.value) : "";
    if (header === "") header = `Column${c - rect.left + 1}`;
    let unique = header;
    for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${header}${n}`;
    seen.add(unique.toLowerCase());
    sheet.cells.set(key, {
      value: unique,
      formula: null,
      numberFormat: cell?.numberFormat ?? null,
    });
  }
}

export class FakeTableObject extends FakeClientObject<FakeTable> {
  constructor(context: FakeContextCore, locate: () => FakeTable | null, description = "table") {
    super(context, locate, description);
    this.install();
  }

  protected properties(): Record<string, PropertySpec<FakeTable>> {
    const state = this.context.state;
    return {
      id: { get: (t) => String(t.id) },
      name: {
        get: (t) => t.name,
        set: (t, v) => {
          const name = checkTableName(state, t, v);
          renameTableInFormulas(state, t.name, name);
          t.name = name;
        },
      },
      style: { get: (t) => t.style, set: (t, v) => (t.style = String(v)) },
      showFilterButton: {
        get: (t) => t.showFilterButton,
        set: (t, v) => (t.showFilterButton = Boolean(v)),
      },
    };
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().sheet);
  }

  private part(rows: (rect: Rect) => Rect): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: rows(t.rect) };
    });
  }

  get rows(): FakeTableRows {
    return new FakeTableRows(this);
  }

  getRange(): FakeRange {
    return this.part((r) => r);
  }

  getHeaderRowRange(): FakeRange {
    return this.part((r) => ({ ...r, bottom: r.top }));
  }

  getDataBodyRange(): FakeRange {
    return this.part((r) => ({ ...r, top: r.top + 1 }));
  }

  /** Deletes the table and its cells; formulas that used it become #REF!. */
  delete(): void {
    this.context.enqueue(() => {
      const t = this.target();
      const state = this.context.state;
      state.tables = state.tables.filter((x) => x !== t);
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.cells.delete(cellKey(r, c));
      }
      const lower = t.name.toLowerCase();
      breakReferences(state, (f) => referencedTables(f).some((n) => n.toLowerCase() === lower));
    });
  }
}

export type TablesScope = { kind: "workbook" } | { kind: "sheet"; sheet: () => FakeSheet | null };

export class FakeTableCollection extends FakeCollection<FakeTable, FakeTableObject> {
  constructor(
    context: FakeContextCore,
    private readonly scope: TablesScope,
  ) {
    super(
      context,
      () => {
        if (scope.kind === "workbook") return context.state.tables;
        const sheet = scope.sheet();
        return sheet ? context.state.tables.filter((t) => t.sheet === sheet) : null;
      },
      "tables",
    );
  }

  protected itemFor(target: FakeTable): FakeTableObject {
    return new FakeTableObject(this.context, () => target);
  }

  private find(name: string): FakeTable | null {
    const table = this.context.state.findTable(name);
    if (!table) return null;
    if (this.scope.kind === "sheet" && table.sheet !== this.scope.sheet()) return null;
    return table;
  }

  getItem(name: string): FakeTableObject {
    const item = new FakeTableObject(this.context, () => this.find(name), `table ${name}`);
    this.context.enqueue(() => item.target(), name);
    return item;
  }

  getItemOrNullObject(name: string): FakeTableObject {
    const item = new FakeTableObject(this.context, () => this.find(name), `table ${name}`);
    item.trackNull();
    return item;
  }

  /** Adds a table over cells already written; the header row's text becomes the column names. */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTableObject {
    let created: FakeTable | null = null;
    const state = this.context.state;
    this.context.enqueue(
      () => {
        let sheet: FakeSheet | null | undefined;
        let rect: Rect;
        if (typeof address === "string") {
          const split = splitSheetAddress(address);
          sheet =
            split.sheet !== null
              ? state.findSheet(split.sheet)
              : this.scope.kind === "sheet"
                ? this.scope.sheet()
                : null;
          if (!sheet) throw itemNotFound(`sheet for ${address}`);
          rect = rectOf(split.address);
        } else {
          const target = address.target();
          sheet = target.sheet;
          rect = target.rect;
        }
        if (!hasHeaders)
          throw invalidArgument("The fake Excel only adds tables whose first row is the header.");
        if (rect.bottom === rect.top) rect = { ...rect, bottom: rect.top + 1 };
        const clash = state.tables.find((t) => t.sheet === sheet && overlaps(t.rect, rect));
        if (clash)
          throw invalidArgument(
            `A table can't overlap another table (${clash.name} at ${rectAddress(clash.rect)}).`,
          );
        settleHeaders(sheet, rect);
        let n = state.tables.length + 1;
        while (state.findTable(`Table${n}`)) n += 1;
        created = {
          id: state.newId(),
          name: `Table${n}`,
          sheet,
          rect,
          style: "TableStyleMedium2",
          showFilterButton: true,
        };
        state.tables.push(created);
      },
      typeof address === "string" ? address : "range",
    );
    return new FakeTableObject(this.context, () => created, "new table");
  }
}

/**
 * `table.rows.add`: rows appended below the table (the cells there must be
 * empty, as the fake does not shift cells down).
 */
export class FakeTableRows {
  constructor(private readonly table: FakeTableObject) {}

  add(index: number | null | undefined, values: (string | number | boolean)[][]): void {
    if (index !== null && index !== undefined)
      throw invalidArgument("The fake Excel only appends rows at the end.");
    const rows = values.map((r) => [...r]);
    this.table.context.enqueue(() => {
      const t = this.table.target();
      const width = t.rect.right - t.rect.left + 1;
      if (rows.some((r) => r.length !== width))
        throw invalidArgument("Each new row needs one value per table column.");
      const top = t.rect.bottom + 1;
      for (let i = 0; i < rows.length; i++) {
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          if (t.sheet.cells.has(cellKey(top + i, c)))
            throw invalidArgument("The cells below the table are not empty.");
        }
      }
      t.rect = { ...t.rect, bottom: t.rect.bottom + rows.length };
      rows.forEach((row, i) =>
        row.forEach((value, j) => {
          const above = t.sheet.cells.get(cellKey(top - 1, t.rect.left + j));
          // A calculated column fills itself into a new row, as in Excel.
          const formula = value === "" && above?.formula ? above.formula : null;
          t.sheet.cells.set(cellKey(top + i, t.rect.left + j), {
            value: formula || value === "" ? null : value,
            formula,
            numberFormat: above?.numberFormat ?? null,
          });
        }),
      );
    }, rows);
  }
}

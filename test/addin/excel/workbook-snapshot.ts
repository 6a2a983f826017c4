/**
 * What a fake workbook holds, as comparable plain data: every sheet's
 * contents, formats and settings in order, every table and the active sheet.
 * Two snapshots are equal when an officer could not tell the workbooks apart.
 */
import type { FakeExcel } from "../../../addin/preview/fake-excel/index.js";

export function workbookSnapshot(excel: FakeExcel): string {
  const { state } = excel;
  return JSON.stringify({
    sheets: state.sheets.map((s) => ({
      ...s,
      cells: [...s.cells].sort(([a], [b]) => a.localeCompare(b)),
      columnWidths: [...s.columnWidths],
    })),
    tables: state.tables.map((t) => ({ ...t, sheet: t.sheet.name })),
    active: state.activeSheet?.name ?? null,
    selection: state.selection,
  });
}

/** Adds a sheet holding a small table of the officer's own, as they would in Excel. */
export async function addUserTable(
  excel: FakeExcel,
  sheet: string,
  table: string | null,
): Promise<void> {
  const { context } = excel.newContext();
  const added = context.workbook.worksheets.add(sheet);
  added.getRange("A1:B3").values = [
    ["Item", "Amount"],
    ["Room hire", 120],
    ["Catering", 80],
  ];
  if (table !== null) added.tables.add("A1:B3", true).name = table;
  await context.sync();
}

/**
 * Makes the context's `n`th sync fail at the end of its batch, after everything
 * queued in it was applied: the worst moment, as Excel batches are not transactions.
 */
export function failOnSync(context: Excel.RequestContext, ...failing: number[]): void {
  const sync = context.sync.bind(context);
  let count = 0;
  context.sync = async <T>(passThrough?: T): Promise<T> => {
    count += 1;
    if (failing.includes(count))
      context.workbook.worksheets.getItem("Injected failure").load("name");
    return sync(passThrough) as Promise<T>;
  };
}

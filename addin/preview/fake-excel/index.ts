/**
 * A strict in-memory fake of the parts of the Excel JavaScript API the add-in
 * uses, so the real Office.js code runs in unit tests and in the preview page.
 *
 * Strict where Office.js is: property reads need `load` + `sync`, writes and
 * method calls are queued until `sync`, sizes of 2D arrays must match their
 * range, a table cannot overlap another, sheet and table names must be valid
 * and unique, and formulas may not name tables or sheets that do not exist.
 * It counts syncs and estimates each request's and response's JSON size, and
 * refuses a request over Excel for the web's 5 MB.
 *
 * It computes no formulas: a formula cell's `values` entry reads as null (as a
 * file saved without cached results would), blank cells read as "" as in
 * Excel. Typed text is coerced as Excel does (numbers, percentages and ISO
 * dates become numbers unless the cell is formatted "@").
 */
import { FakeContextCore, PAYLOAD_LIMIT_BYTES, type SyncStats } from "./context.js";
import { FakeWorkbookState } from "./state.js";
import { FakeTableCollection } from "./table.js";
import { FakeWorksheetCollection } from "./worksheet.js";

export { FakeWorkbookState } from "./state.js";
export { FakeOfficeError } from "./errors.js";
export type { SyncStats } from "./context.js";

export class FakeApplication {
  constructor(private readonly core: FakeContextCore) {}

  suspendApiCalculationUntilNextSync(): void {
    this.core.enqueue(() => {
      this.core.state.suspendCalls.calculation += 1;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.core.enqueue(() => {
      this.core.state.suspendCalls.screenUpdating += 1;
    });
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;

  constructor(core: FakeContextCore) {
    this.worksheets = new FakeWorksheetCollection(core);
    this.tables = new FakeTableCollection(core, { kind: "workbook" });
    this.application = new FakeApplication(core);
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  /** Office.js's object tracking is irrelevant here; kept so code calling it runs. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(private readonly core: FakeContextCore) {
    this.workbook = new FakeWorkbook(core);
    this.application = this.workbook.application;
  }

  get stats(): SyncStats {
    return this.core.stats;
  }

  sync(): Promise<void> {
    return this.core.sync();
  }
}

export interface FakeExcel {
  state: FakeWorkbookState;
  /** A fresh context on the shared workbook, typed as Office.js code expects it. */
  /** `requestLimitBytes` lowers the request limit alone, to make a large write fail on purpose. */
  newContext(options?: { requestLimitBytes?: number }): {
    context: Excel.RequestContext;
    stats: SyncStats;
  };
  /** Like `Excel.run`: a fresh context per batch of work. */
  run<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface FakeExcelOptions {
  /** Sheets the workbook starts with, as a new Excel workbook has "Sheet1". */
  sheets?: string[];
  payloadLimitBytes?: number;
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const state = new FakeWorkbookState();
  for (const name of options.sheets ?? ["Sheet1"]) state.addSheet(name);
  state.activeSheet = state.sheets[0] ?? null;
  const limit = options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES;
  const newContext = (contextOptions: { requestLimitBytes?: number } = {}) => {
    const core = new FakeContextCore(state, limit, contextOptions.requestLimitBytes ?? limit);
    // The fake implements only the members the add-in uses; the cast is the seam.
    const context = new FakeRequestContext(core) as unknown as Excel.RequestContext;
    return { context, stats: core.stats };
  };
  return {
    state,
    newContext,
    run: async (work) => {
      const { context } = newContext();
      const result = await work(context);
      await context.sync();
      return result;
    },
  };
}

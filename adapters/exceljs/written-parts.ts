import type ExcelJS from "exceljs";
import type { FormulaTexts } from "./formula-texts.js";
import { releaseRows } from "./cell-access.js";
import { DirectRows } from "./direct-cells.js";
import type { DirectSheets } from "./direct-sheets.js";
import { rowsWeWrite, rowsXml, type RowModel } from "./sheet-rows.js";

/**
 * The parts exceljs writes for a workbook, as text, in the order it writes
 * them, with the folder entries JSZip adds before a folder's first part:
 * what `workbook.xlsx.writeBuffer()` would zip, before it is zipped. The
 * finishing stages edit these, and the zip writer compresses them once
 * (writeBuffer compressed everything, and the finishing stage unzipped it
 * and zipped it again).
 *
 * The steps are exceljs 4.4's own `XLSX.write`, called in its order, on a
 * sink standing in for its zip (exceljs is pinned exactly in package.json);
 * test/adapters/exceljs/written-parts.test.ts checks the result against
 * writeBuffer's own zip, part by part. One step differs: exceljs writes each
 * worksheet without its rows, and the rows come from sheet-rows.ts, a row at
 * a time as the zip writer reads the part.
 */

export interface WrittenPart {
  /** Path in the package; a folder's ends with "/". */
  path: string;
  /** Text for XML parts (in pieces for worksheets), bytes for media; empty for folders. */
  content: string | Uint8Array | Iterable<string>;
}

/** The parts of exceljs's workbook model the rows writer needs. */
interface WorkbookModel {
  worksheets: { id: number; rows: RowModel[] | DirectRows }[];
}

/** The object exceljs's steps append parts to (its ZipWriter's `append`). */
interface PartSink {
  append(data: unknown, options: { name: string; base64?: boolean }): void;
}

type Step = (zip: PartSink, model: unknown) => Promise<unknown> | unknown;

/** exceljs's XLSX class as `write` uses it (untyped internals; see the file comment). */
interface XlsxSteps {
  prepareModel(model: unknown, options: object): void;
  addContentTypes: Step;
  addOfficeRels: Step;
  addWorkbookRels: Step;
  addWorksheets: Step;
  addSharedStrings: Step;
  addDrawings: Step;
  addTables: Step;
  addThemes: Step;
  addStyles: Step;
  addMedia: Step;
  addApp: Step;
  addCore: Step;
  addWorkbook: Step;
}

function bytesOf(data: unknown, name: string, base64: boolean): Uint8Array {
  if (base64 && typeof data === "string") {
    const binary = atob(data);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  }
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new Error(`exceljs wrote ${name} in a form the writer does not know`);
}

/** Collects parts as JSZip's `file(name, data)` would, folders first (JSZip's createFolders). */
class Parts implements PartSink {
  readonly list: WrittenPart[] = [];
  private readonly seen = new Set<string>();

  append(data: unknown, options: { name: string; base64?: boolean }): void {
    const { name } = options;
    this.folder(name);
    if (this.seen.has(name)) throw new Error(`exceljs wrote ${name} twice`);
    this.seen.add(name);
    const content =
      typeof data === "string" && !options.base64 ? data : bytesOf(data, name, !!options.base64);
    this.list.push({ path: name, content });
  }

  private folder(path: string): void {
    const slash = path.replace(/\/$/, "").lastIndexOf("/");
    if (slash <= 0) return;
    const folder = path.slice(0, slash + 1);
    if (this.seen.has(folder)) return;
    this.folder(folder);
    this.seen.add(folder);
    this.list.push({ path: folder, content: "" });
  }
}

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const EMPTY_SHEET_DATA = "<sheetData/>";

/** A worksheet exceljs wrote without its rows, with them: read as the zip writer reads it. */
function* withRows(
  xml: string,
  rows: Iterable<RowModel>,
  formulas: FormulaTexts,
  part: string,
): Generator<string> {
  const at = xml.indexOf(EMPTY_SHEET_DATA);
  if (at < 0 || xml.indexOf(EMPTY_SHEET_DATA, at + 1) >= 0)
    throw new Error(`${part}: exceljs wrote the sheet without one empty <sheetData/>`);
  yield xml.slice(0, at);
  yield "<sheetData>";
  yield* rowsXml(rows, formulas, part);
  yield "</sheetData>";
  yield xml.slice(at + EMPTY_SHEET_DATA.length);
}

/** What the parts are written from: exceljs's model of the workbook, and its writing steps. */
export interface WorkbookToWrite {
  model: WorkbookModel;
  xlsx: XlsxSteps;
}

/** exceljs's model of a worksheet, as SheetModels completes it for a direct sheet. */
interface SheetModel {
  rows: RowModel[] | DirectRows;
  dimensions: { expand(top: number, left: number, bottom: number, right: number): void };
}

/**
 * Each worksheet's model, taken once the sheet is complete, its rows let go
 * as soon as it is. Memory, for big workbooks: exceljs's own `model` getter
 * builds every sheet's model at the end, while every cell is still held,
 * and builds each twice (its `worksheets` and its `sheets`, which the
 * writer replaces with `worksheets` before reading it). Taken sheet by
 * sheet, cells and models are never all held at once. A direct sheet's rows
 * (direct-sheets.ts) are the writer's own, not in exceljs's model of it.
 */
export class SheetModels {
  private readonly byId = new Map<number, SheetModel>();

  constructor(private readonly direct?: DirectSheets) {}

  /** Takes a complete sheet's model; nothing may change the sheet after this. */
  take(worksheet: ExcelJS.Worksheet): void {
    const { id, name } = worksheet;
    if (this.byId.has(id)) throw new Error(`The model of ${name} was already taken`);
    const model = (worksheet as unknown as { model: SheetModel }).model;
    const cells = this.direct?.of(name);
    if (cells) {
      if (!Array.isArray(model.rows) || model.rows.length !== 0)
        throw new Error(`${name}: exceljs holds cells of a sheet the writer holds itself`);
      cells.expandDimensions(model.dimensions);
      model.rows = new DirectRows(cells);
    }
    this.byId.set(id, model);
    releaseRows(worksheet);
  }

  /** The sheet's model: the one taken, or taken now. */
  of(worksheet: ExcelJS.Worksheet): SheetModel {
    if (!this.byId.has(worksheet.id)) this.take(worksheet);
    const model = this.byId.get(worksheet.id);
    this.byId.delete(worksheet.id);
    if (!model) throw new Error(`No model of ${worksheet.name}`);
    return model;
  }
}

/**
 * Takes the workbook out of `built` and returns its model, with exceljs's
 * writing steps on an object that does not hold the workbook (the steps only
 * read the model). exceljs's `model` getter builds all but the sheets' models,
 * so the model is exceljs's own, field for field; the sheets' come from
 * `sheets` (see SheetModels).
 */
export function takeModel(
  built: { workbook?: ExcelJS.Workbook },
  sheets = new SheetModels(),
): WorkbookToWrite {
  const { workbook } = built;
  if (!workbook) throw new Error("The workbook's model was already taken");
  built.workbook = undefined;
  const sheetModels = workbook.worksheets.map((worksheet) => ({ model: sheets.of(worksheet) }));
  const modelGetter = Object.getOwnPropertyDescriptor(
    Object.getPrototypeOf(workbook),
    "model",
  )?.get;
  if (!modelGetter) throw new Error("exceljs's Workbook has no model getter");
  const withModels = Object.create(workbook, { worksheets: { value: sheetModels } }) as object;
  return {
    model: modelGetter.call(withModels) as WorkbookModel,
    xlsx: Object.create(Object.getPrototypeOf(workbook.xlsx) as object) as XlsxSteps,
  };
}

export async function writtenParts(
  { model, xlsx }: WorkbookToWrite,
  formulas: FormulaTexts,
): Promise<WrittenPart[]> {
  const zip = new Parts();
  // As in exceljs 4.4's XLSX.write, step for step (the Promise.all pairs too: they fix the order).
  xlsx.prepareModel(model, {});
  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  const rowsById = new Map<number, Iterable<RowModel>>();
  const sheets = model.worksheets.map((sheet) => {
    if (sheet.rows instanceof DirectRows) {
      rowsById.set(sheet.id, sheet.rows);
      return { ...sheet, rows: [] };
    }
    if (sheet.rows.length === 0 || !rowsWeWrite(sheet.rows)) return sheet;
    rowsById.set(sheet.id, sheet.rows);
    return { ...sheet, rows: [] };
  });
  await xlsx.addWorksheets(zip, { ...model, worksheets: sheets });
  await xlsx.addSharedStrings(zip, model);
  await xlsx.addDrawings(zip, model);
  await xlsx.addTables(zip, model);
  await Promise.all([xlsx.addThemes(zip, model), xlsx.addStyles(zip, model)]);
  await xlsx.addMedia(zip, model);
  await Promise.all([xlsx.addApp(zip, model), xlsx.addCore(zip, model)]);
  await xlsx.addWorkbook(zip, model);
  for (const part of zip.list) {
    const sheet = SHEET_PART.exec(part.path);
    if (!sheet || typeof part.content !== "string") continue;
    const rows = rowsById.get(Number(sheet[1]));
    if (rows) part.content = withRows(part.content, rows, formulas, part.path);
    else if (formulas.holdsTokens(part.content))
      part.content = formulas.fill(part.content, part.path);
  }
  return zip.list;
}

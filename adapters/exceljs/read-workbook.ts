import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseCellAddress } from "../../core/layout/address.js";
import type { CellValue, TableCells, WorkbookCells } from "../../core/read/cells.js";

/** The file could not be opened as a workbook at all (exit code 2). */
export class UnreadableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableWorkbookError";
  }
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: password-protected .xlsx files and old .xls files both start so. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/**
 * Works around two exceljs 4.4 reading bugs, returning true when it changed
 * anything: it fails on relationship targets written as absolute paths
 * (`/xl/tables/table1.xml`, as openpyxl writes them), and on table columns
 * with child elements (`<calculatedColumnFormula>`, which Excel and this
 * product write). The reader needs neither.
 */
async function normaliseForExcelJs(zip: JSZip): Promise<boolean> {
  let changed = false;
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    const xml = await zip.file(path)?.async("string");
    if (xml && /<\/tableColumn>/.test(xml)) {
      zip.file(
        path,
        xml.replace(/<tableColumn\b([^>]*[^/>])>[\s\S]*?<\/tableColumn>/g, "<tableColumn$1/>"),
      );
      changed = true;
    }
  }
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/.*\.rels$/.test(p))) {
    const xml = await zip.file(path)?.async("string");
    if (xml && /Target="\/xl\//.test(xml)) {
      const depth = path.split("/").length - 3; // xl/worksheets/_rels/x.rels → "../"
      const prefix = depth > 0 ? "../".repeat(depth) : "";
      zip.file(path, xml.replace(/Target="\/xl\//g, `Target="${prefix}`));
      changed = true;
    }
  }
  return changed;
}

function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : toCellValue(result as ExcelJS.CellValue);
    }
    if ("text" in value) return String((value as { text: unknown }).text);
  }
  return null;
}

interface LoadedTableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  totalsRow?: boolean;
  columns?: { name: string }[];
}

function tableCells(sheet: ExcelJS.Worksheet, model: LoadedTableModel): TableCells | null {
  const ref = model.tableRef ?? model.ref;
  if (!ref || !ref.includes(":")) return null;
  const [from, to] = ref.split(":");
  const top = parseCellAddress(from ?? "");
  const bottom = parseCellAddress(to ?? "");
  const lastRow = bottom.row - (model.totalsRow ? 1 : 0);
  const read = (row: number): CellValue[] => {
    const sheetRow = sheet.getRow(row);
    const values: CellValue[] = [];
    for (let column = top.column; column <= bottom.column; column++)
      values.push(toCellValue(sheetRow.getCell(column).value));
    return values;
  };
  const headers = read(top.row).map((value, i) =>
    value === null ? (model.columns?.[i]?.name ?? "") : String(value),
  );
  const rows: CellValue[][] = [];
  for (let row = top.row + 1; row <= lastRow; row++) rows.push(read(row));
  return {
    name: model.name,
    sheet: sheet.name,
    headerRow: top.row,
    firstColumn: top.column,
    headers,
    rows,
  };
}

/**
 * Opens .xlsx bytes as an exceljs workbook, working around exceljs's reading
 * bugs; throws UnreadableWorkbookError saying why a file cannot be opened.
 */
export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) throw new UnreadableWorkbookError("the file is empty");
  if (startsWith(bytes, CFB_SIGNATURE)) {
    throw new UnreadableWorkbookError(
      "the file is password-protected (encrypted) or an old .xls workbook; remove the password or save it as .xlsx in Excel, then try again",
    );
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) {
    throw new UnreadableWorkbookError(
      "the file is not an Excel .xlsx workbook; save it as .xlsx (Excel Workbook) and try again",
    );
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new UnreadableWorkbookError(
      "the file is damaged or incomplete (it may have been truncated while copying); open it in Excel and save it again",
    );
  }
  if (!zip.file("xl/workbook.xml")) {
    throw new UnreadableWorkbookError(
      "the file is a zip archive but not an Excel workbook (no xl/workbook.xml)",
    );
  }
  const source = (await normaliseForExcelJs(zip))
    ? await zip.generateAsync({ type: "uint8array" })
    : bytes;
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs accepts a Buffer; wrap without copying.
    await workbook.xlsx.load(
      Buffer.from(source.buffer, source.byteOffset, source.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch (error) {
    throw new UnreadableWorkbookError(
      `the workbook could not be read (${error instanceof Error ? error.message : String(error)}); open it in Excel and save it again`,
    );
  }
  return workbook;
}

/** Opens .xlsx bytes and returns every table's cells, or throws UnreadableWorkbookError saying why. */
export async function readWorkbookCells(bytes: Uint8Array): Promise<WorkbookCells> {
  const workbook = await openWorkbook(bytes);
  const tables: TableCells[] = [];
  const sheetNames: string[] = [];
  workbook.eachSheet((sheet) => {
    sheetNames.push(sheet.name);
    for (const table of sheet.getTables() as unknown as {
      table?: LoadedTableModel;
      model?: LoadedTableModel;
    }[]) {
      const model = table.table ?? table.model;
      const cells = model ? tableCells(sheet, model) : null;
      if (cells) tables.push(cells);
    }
  });
  return { sheetNames, tables };
}

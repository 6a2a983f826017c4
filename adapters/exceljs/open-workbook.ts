/**
 * The whole exceljs model of a workbook, for tests that inspect what the
 * writer made (page set-up, styles). The command line reads cells with
 * readWorkbookCells instead, which is bounded and much faster.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { checkWorkbookSignature } from "./file-signature.js";
import { UnreadableWorkbookError } from "./unreadable.js";
import { readZipDirectory } from "./zip-directory.js";

/** Table columns with children (`<calculatedColumnFormula>`) become empty elements; in one linear pass. */
export function flattenTableColumns(xml: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const open = xml.indexOf("<tableColumn", from);
    if (open < 0) break;
    const after = xml.charAt(open + "<tableColumn".length);
    if (after !== " " && after !== ">" && after !== "/") {
      // <tableColumns …>, the list itself
      out += xml.slice(from, open + 1);
      from = open + 1;
      continue;
    }
    const tagEnd = xml.indexOf(">", open);
    if (tagEnd < 0) break;
    if (xml.charCodeAt(tagEnd - 1) === 47 /* / */) {
      out += xml.slice(from, tagEnd + 1);
      from = tagEnd + 1;
      continue;
    }
    const close = xml.indexOf("</tableColumn>", tagEnd);
    if (close < 0) break;
    out += `${xml.slice(from, tagEnd)}/>`;
    from = close + "</tableColumn>".length;
  }
  return out + xml.slice(from);
}

/**
 * Works around two exceljs 4.4 reading bugs, returning true when it changed
 * anything: it fails on relationship targets written as absolute paths
 * (`/xl/tables/table1.xml`, as openpyxl writes them), and on table columns
 * with child elements (`<calculatedColumnFormula>`, which Excel and this
 * product write).
 */
async function normaliseForExcelJs(zip: JSZip): Promise<boolean> {
  let changed = false;
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    const xml = await zip.file(path)?.async("string");
    if (xml && xml.includes("</tableColumn>")) {
      zip.file(path, flattenTableColumns(xml));
      changed = true;
    }
  }
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/.*\.rels$/.test(p))) {
    const xml = await zip.file(path)?.async("string");
    if (xml && xml.includes('Target="/xl/')) {
      const depth = path.split("/").length - 3; // xl/worksheets/_rels/x.rels → "../"
      const prefix = depth > 0 ? "../".repeat(depth) : "";
      zip.file(path, xml.split('Target="/xl/').join(`Target="${prefix}`));
      changed = true;
    }
  }
  return changed;
}

/** Opens .xlsx bytes as an exceljs workbook; throws UnreadableWorkbookError saying why it cannot. */
export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  checkWorkbookSignature(bytes);
  readZipDirectory(bytes); // refuses a damaged or oversized directory before anything is inflated
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

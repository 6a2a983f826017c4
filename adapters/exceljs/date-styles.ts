/**
 * Which cell styles show a number as a date, so the reader returns a Date
 * there, as exceljs did: built-in formats 14–22 and 45–47, and custom formats
 * with date or time letters outside quotes and brackets.
 */
import { XmlScanner } from "./xml-scanner.js";

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's own test, kept so that cells read as they did before. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

/** One flag per cell style (the `s` index of a cell): true where the style is a date format. */
export function parseDateStyles(xml: Uint8Array | null): boolean[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  const scanner = new XmlScanner(xml);
  let inCellFormats = false;
  while (scanner.next()) {
    const name = scanner.name;
    if (name === "numFmt" && !scanner.closing) {
      const id = Number(scanner.attr("numFmtId"));
      const code = scanner.attr("formatCode");
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (name === "cellXfs") {
      inCellFormats = !scanner.closing && !scanner.empty;
    } else if (name === "xf" && inCellFormats && !scanner.closing) {
      const id = Number(scanner.attr("numFmtId") ?? 0);
      const code = custom.get(id);
      styles.push(code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id));
      scanner.skipElement();
    } else if (
      (name === "cellStyleXfs" || name === "dxfs" || name === "extLst") &&
      !scanner.closing
    ) {
      scanner.skipElement();
    }
  }
  return styles;
}

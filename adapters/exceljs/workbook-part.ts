/** What the reader needs from xl/workbook.xml: the sheets in tab order and the date system. */
import { XmlScanner } from "./xml-scanner.js";

export interface SheetEntry {
  name: string;
  relationshipId: string;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  /** Serial 0 is 1 January 1904 rather than 1900 (old Mac workbooks). */
  date1904: boolean;
}

export function parseWorkbookPart(xml: Uint8Array): WorkbookPart {
  const part: WorkbookPart = { sheets: [], date1904: false };
  const scanner = new XmlScanner(xml);
  while (scanner.next()) {
    if (scanner.closing) continue;
    if (scanner.name === "workbookPr") {
      const value = scanner.attr("date1904");
      part.date1904 = value === "1" || value === "true";
    } else if (scanner.name === "sheet") {
      const name = scanner.attr("name");
      const relationshipId = scanner.attr("id");
      if (name !== undefined && relationshipId !== undefined)
        part.sheets.push({ name, relationshipId });
    } else if (scanner.name === "definedNames" || scanner.name === "extLst") {
      scanner.skipElement();
    }
  }
  return part;
}

/**
 * The worksheet's `<drawing r:id>` element, placed where CT_Worksheet
 * (sml.xsd) wants it: after the print settings, breaks, ignored errors and
 * smart tags, before the legacy drawings, controls and table parts and the
 * worksheet's own extension list.
 */

const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
];

/**
 * Where the worksheet's own `<extLst>` starts, or -1. Rules may carry
 * extension lists of their own (a data bar's cfRule does), so it is the last
 * outermost one, closing just before `</worksheet>`.
 */
function worksheetExtensions(xml: string): number {
  const end = xml.lastIndexOf("</worksheet>");
  if (end < 0 || !xml.slice(0, end).trimEnd().endsWith("</extLst>")) return -1;
  let depth = 0;
  let start = -1;
  for (const match of xml.matchAll(/<(\/?)extLst\b[^>]*?(\/?)>/g)) {
    if (match[2]) continue;
    if (match[1]) depth -= 1;
    else {
      if (depth === 0) start = match.index;
      depth += 1;
    }
  }
  return start;
}

export function withDrawing(sheetXml: string, relationshipId: string, sheet: string): string {
  if (/<drawing\b/.test(sheetXml))
    throw new Error(`Sheet ${sheet} already has a drawing; charts cannot be added to it`);
  const element = `<drawing r:id="${relationshipId}"/>`;
  for (const name of AFTER_DRAWING) {
    const at = sheetXml.search(new RegExp(`<${name}[\\s>/]`));
    if (at >= 0) return sheetXml.slice(0, at) + element + sheetXml.slice(at);
  }
  const extensions = worksheetExtensions(sheetXml);
  if (extensions >= 0) return sheetXml.slice(0, extensions) + element + sheetXml.slice(extensions);
  return sheetXml.replace("</worksheet>", `${element}</worksheet>`);
}

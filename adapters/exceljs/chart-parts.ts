import JSZip from "jszip";
import { chartSpaceXml } from "../../core/chart/chart-space.js";
import { escapeXml } from "../../core/text/xml-escape.js";
import type { WrittenChart } from "./chart-spec.js";
import { drawingXml } from "./drawing-xml.js";
import { withDrawing } from "./sheet-drawing.js";
import { FIXED_ENTRY_DATE } from "./table-parts.js";

/**
 * The stage after exceljs writes a workbook (exceljs has no chart API): adds
 * each chart as real DrawingML parts: the chart part, a drawing per sheet
 * anchoring its charts, the relationships between them and the sheet's
 * `<drawing>` element, and their content types. Entries keep one fixed time,
 * so the same workbook is the same bytes whenever it is written.
 */

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

function unescapeXml(text: string): string {
  return text.replace(/&(apos|quot|lt|gt|amp);/g, (_m, name: string) =>
    name === "apos" ? "'" : name === "quot" ? '"' : name === "lt" ? "<" : name === "gt" ? ">" : "&",
  );
}

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async("string");
}

function put(zip: JSZip, path: string, content: string): void {
  zip.file(path, content, { date: FIXED_ENTRY_DATE });
}

/** Worksheet part paths by sheet name, from the workbook part and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await text(zip, "xl/workbook.xml")) ?? "";
  const rels = (await text(zip, "xl/_rels/workbook.xml.rels")) ?? "";
  const targets = new Map<string, string>();
  for (const [, attributes = ""] of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]*)"/.exec(attributes)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(attributes)?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const [, attributes = ""] of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(attributes)?.[1];
    const id = /\br:id="([^"]*)"/.exec(attributes)?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name !== undefined && target) parts.set(unescapeXml(name), target);
  }
  return parts;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** Adds a relationship with an id the part does not use yet; returns the id. */
function addRelationship(rels: string, type: string, target: string): { xml: string; id: string } {
  const used = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n += 1;
  const id = `rId${n}`;
  const element = `<Relationship Id="${id}" Type="${REL}/${type}" Target="${escapeXml(target)}"/>`;
  return { xml: rels.replace("</Relationships>", `${element}</Relationships>`), id };
}

function nextFree(zip: JSZip, folder: string, stem: string): number {
  let n = 1;
  while (zip.file(`${folder}/${stem}${n}.xml`)) n += 1;
  return n;
}

export async function addChartParts(
  bytes: Uint8Array,
  charts: readonly WrittenChart[],
): Promise<Uint8Array> {
  if (charts.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const parts = await sheetParts(zip);
  const overrides: string[] = [];
  const sheets = [...new Set(charts.map((c) => c.sheet))];
  for (const sheet of sheets) {
    const sheetPart = parts.get(sheet);
    const sheetXml = sheetPart ? await text(zip, sheetPart) : undefined;
    if (!sheetPart || sheetXml === undefined)
      throw new Error(`A chart is on sheet ${sheet}, which the workbook does not have`);
    const drawingNumber = nextFree(zip, "xl/drawings", "drawing");
    const drawingPart = `xl/drawings/drawing${drawingNumber}.xml`;
    let drawingRels = EMPTY_RELS;
    const anchored = [];
    for (const chart of charts.filter((c) => c.sheet === sheet)) {
      const chartNumber = nextFree(zip, "xl/charts", "chart");
      const chartPart = `xl/charts/chart${chartNumber}.xml`;
      put(zip, chartPart, chartSpaceXml(chart.spec));
      overrides.push(`<Override PartName="/${chartPart}" ContentType="${CHART_TYPE}"/>`);
      const added = addRelationship(drawingRels, "chart", `../charts/chart${chartNumber}.xml`);
      drawingRels = added.xml;
      anchored.push({ ...chart.anchor, name: chart.name, relationshipId: added.id });
    }
    put(zip, drawingPart, drawingXml(anchored));
    put(zip, relsPathOf(drawingPart), drawingRels);
    overrides.push(`<Override PartName="/${drawingPart}" ContentType="${DRAWING_TYPE}"/>`);
    const sheetRelsPath = relsPathOf(sheetPart);
    const sheetRels = addRelationship(
      (await text(zip, sheetRelsPath)) ?? EMPTY_RELS,
      "drawing",
      `../drawings/drawing${drawingNumber}.xml`,
    );
    put(zip, sheetRelsPath, sheetRels.xml);
    put(zip, sheetPart, withDrawing(sheetXml, sheetRels.id, sheet));
  }
  const types = (await text(zip, "[Content_Types].xml")) ?? "";
  put(zip, "[Content_Types].xml", types.replace("</Types>", `${overrides.join("")}</Types>`));
  // Folders JSZip made for the new parts carry the time of day: give every entry the fixed time.
  zip.forEach((_path, file) => {
    file.date = FIXED_ENTRY_DATE;
  });
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

import { chartSpaceXml } from "../../core/chart/chart-space.js";
import { escapeXml, unescapeXml } from "../../core/text/xml-escape.js";
import type { WrittenChart } from "./chart-spec.js";
import { drawingXml } from "./drawing-xml.js";
import { withDrawing } from "./sheet-drawing.js";
import { PartList } from "./part-list.js";
import type { WrittenPart } from "./written-parts.js";

/**
 * The stage after exceljs writes a workbook (exceljs has no chart API): adds
 * each chart as real DrawingML parts: the chart part, a drawing per sheet
 * anchoring its charts, the relationships between them and the sheet's
 * `<drawing>` element, and their content types. It edits the written parts
 * before the one compression pass, as the JSZip stage it replaced edited the
 * zipped file (which unzipped and zipped the whole workbook again): the bytes
 * are the same.
 */

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** Worksheet part paths by sheet name, from the workbook part and its relationships. */
function sheetParts(written: PartList): Map<string, string> {
  const workbook = written.text("xl/workbook.xml") ?? "";
  const rels = written.text("xl/_rels/workbook.xml.rels") ?? "";
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
  return {
    xml: rels.replace("</Relationships>", `${relationship(id, type, target)}</Relationships>`),
    id,
  };
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${REL}/${type}" Target="${escapeXml(target)}"/>`;
}

/** The first free number from `from` on (numbers below it are taken). */
function nextFree(parts: PartList, folder: string, stem: string, from = 1): number {
  let n = from;
  while (parts.has(`${folder}/${stem}${n}.xml`)) n += 1;
  return n;
}

/**
 * A worksheet with its `<drawing>` element. A sheet whose rows are written as
 * the zip reads them (written-parts.ts) comes in pieces: everything after
 * `</sheetData>` is one tail, which is where the element goes.
 */
function sheetWithDrawing(
  content: WrittenPart["content"],
  relationshipId: string,
  sheet: string,
): WrittenPart["content"] {
  if (typeof content === "string") return withDrawing(content, relationshipId, sheet);
  if (content instanceof Uint8Array) throw new Error(`Sheet ${sheet} was written as bytes`);
  return (function* tailWithDrawing(): Generator<string> {
    let tail: string | undefined;
    for (const piece of content) {
      if (tail !== undefined) tail += piece;
      else {
        yield piece;
        if (piece === "</sheetData>") tail = "";
      }
    }
    if (tail === undefined) throw new Error(`Sheet ${sheet} was written without its </sheetData>`);
    yield withDrawing(tail, relationshipId, sheet);
  })();
}

/** Adds the charts' parts to the written parts, in place, before the package is zipped. */
export function addChartParts(written: WrittenPart[], charts: readonly WrittenChart[]): void {
  if (charts.length === 0) return;
  const parts = new PartList(written);
  const sheetPartByName = sheetParts(parts);
  const overrides: string[] = [];
  const sheets = [...new Set(charts.map((c) => c.sheet))];
  for (const sheet of sheets) {
    const sheetPart = sheetPartByName.get(sheet);
    const sheetContent = sheetPart ? parts.content(sheetPart) : undefined;
    if (!sheetPart || sheetContent === undefined)
      throw new Error(`A chart is on sheet ${sheet}, which the workbook does not have`);
    const drawingNumber = nextFree(parts, "xl/drawings", "drawing");
    const drawingPart = `xl/drawings/drawing${drawingNumber}.xml`;
    // The drawing's relationships are new: its charts take rId1, rId2, … in turn.
    const drawingRels: string[] = [];
    const anchored = [];
    let chartNumber = 0;
    for (const chart of charts.filter((c) => c.sheet === sheet)) {
      chartNumber = nextFree(parts, "xl/charts", "chart", chartNumber + 1);
      const chartPart = `xl/charts/chart${chartNumber}.xml`;
      parts.put(chartPart, chartSpaceXml(chart.spec));
      overrides.push(`<Override PartName="/${chartPart}" ContentType="${CHART_TYPE}"/>`);
      const id = `rId${drawingRels.length + 1}`;
      drawingRels.push(relationship(id, "chart", `../charts/chart${chartNumber}.xml`));
      anchored.push({ ...chart.anchor, name: chart.name, relationshipId: id });
    }
    parts.put(drawingPart, drawingXml(anchored));
    parts.put(
      relsPathOf(drawingPart),
      EMPTY_RELS.replace("</Relationships>", `${drawingRels.join("")}</Relationships>`),
    );
    overrides.push(`<Override PartName="/${drawingPart}" ContentType="${DRAWING_TYPE}"/>`);
    const sheetRelsPath = relsPathOf(sheetPart);
    const sheetRels = addRelationship(
      parts.text(sheetRelsPath) ?? EMPTY_RELS,
      "drawing",
      `../drawings/drawing${drawingNumber}.xml`,
    );
    parts.put(sheetRelsPath, sheetRels.xml);
    parts.put(sheetPart, sheetWithDrawing(sheetContent, sheetRels.id, sheet));
  }
  const types = parts.text("[Content_Types].xml") ?? "";
  parts.put("[Content_Types].xml", types.replace("</Types>", `${overrides.join("")}</Types>`));
}

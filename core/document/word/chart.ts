import type { ChartSpec } from "../../chart/types.js";
import { escapeXml } from "../../text/xml-escape.js";
import type { PackagePart } from "./package.js";

/**
 * A native Word chart: an inline drawing in the body whose graphic is a
 * DrawingML chart part (`word/charts/chartN.xml`) reached through a
 * relationship from the document. The chart part carries its values as
 * literals, so Word and LibreOffice draw it without an embedded workbook.
 */

export const CHART_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CHART_RELATIONSHIP =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const EMU_PER_POINT = 12700;

/**
 * Numbered in the order charts appear, and named apart from docx's own
 * `rId1`… so the ids never collide and the same document always gets the
 * same ids.
 */
export function chartRelationshipId(number: number): string {
  return `rIdChart${number}`;
}

/**
 * Points: the full text width, and a height that leaves the plot room once
 * the category labels are drawn: long labels under columns are set at an
 * angle and take height from the plot, so the chart grows with them.
 */
export function chartSize(spec: ChartSpec, textWidth: number): { width: number; height: number } {
  if (spec.type === "radar") return { width: textWidth, height: 320 };
  const longest = Math.max(0, ...spec.categories.map((c) => c.length));
  const crowded = longest * spec.categories.length * 4.5 > textWidth * 0.8;
  const labels = crowded ? Math.min(200, longest * 3.4) : 0;
  return { width: textWidth, height: 250 + labels };
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, "");
}

/**
 * The chart's words for someone who cannot see it (public bodies must meet
 * the accessibility regulations): the title, then each category's values.
 */
export function chartAltText(spec: ChartSpec): string {
  const rows = spec.categories.map((category, i) => {
    const values = spec.series
      .map((s) => {
        const value = s.values[i];
        return value === null || value === undefined ? null : `${s.name} ${formatValue(value)}`;
      })
      .filter((v): v is string => v !== null);
    return `${category}: ${values.length ? values.join(", ") : "no value"}`;
  });
  return `${spec.title}. ${rows.join("; ")}.`;
}

/** Whether the chart has anything to draw. */
export function chartHasData(spec: ChartSpec): boolean {
  return (
    spec.categories.length > 0 &&
    spec.series.some((s) => s.values.some((v) => v !== null && Number.isFinite(v)))
  );
}

/** The run holding the chart, for a paragraph of its own. */
export function inlineChartRun(
  number: number,
  spec: ChartSpec,
  size: { width: number; height: number },
): string {
  const cx = Math.round(size.width * EMU_PER_POINT);
  const cy = Math.round(size.height * EMU_PER_POINT);
  return (
    "<w:r><w:drawing>" +
    '<wp:inline distT="0" distB="0" distL="0" distR="0">' +
    `<wp:extent cx="${cx}" cy="${cy}"/>` +
    '<wp:effectExtent l="0" t="0" r="0" b="0"/>' +
    `<wp:docPr id="${number}" name="Chart ${number}" descr="${escapeXml(chartAltText(spec))}"/>` +
    "<wp:cNvGraphicFramePr/>" +
    `<a:graphic xmlns:a="${DRAWING_NS}"><a:graphicData uri="${CHART_NS}">` +
    `<c:chart xmlns:c="${CHART_NS}" xmlns:r="${RELATIONSHIPS_NS}" r:id="${chartRelationshipId(number)}"/>` +
    "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
  );
}

/** The chart part, its content type and its relationship from the document. */
export function chartPart(number: number, chartSpaceXml: string): PackagePart {
  return {
    path: `word/charts/chart${number}.xml`,
    data: chartSpaceXml,
    contentType: CHART_CONTENT_TYPE,
    relationship: {
      from: "word/_rels/document.xml.rels",
      id: chartRelationshipId(number),
      type: CHART_RELATIONSHIP,
      target: `charts/chart${number}.xml`,
    },
  };
}

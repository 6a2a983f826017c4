import { parseCellAddress } from "../../core/layout/address.js";
import { escapeXml } from "../../core/text/xml-escape.js";

/**
 * A worksheet's drawing part (xl/drawings/drawingN.xml): one two-cell anchor
 * per chart, so a chart moves and stretches with the rows and columns it
 * spans, as Excel places a chart set with `setPosition(from, to)`.
 */

export interface DrawingChart {
  name: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
  /** The drawing's relationship to the chart part. */
  relationshipId: string;
}

function marker(tag: "from" | "to", column: number, row: number): string {
  return (
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}

function anchor(chart: DrawingChart, index: number): string {
  const from = parseCellAddress(chart.from);
  const to = parseCellAddress(chart.to);
  // Markers are 0-based; the end marker sits at the far corner of the last cell, the next cell's start.
  return (
    `<xdr:twoCellAnchor>${marker("from", from.column - 1, from.row - 1)}${marker("to", to.column, to.row)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>` +
    `<xdr:cNvPr id="${index + 2}" name="${escapeXml(chart.name)}"/><xdr:cNvGraphicFramePr/>` +
    `</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${chart.relationshipId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

export function drawingXml(charts: readonly DrawingChart[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    charts.map(anchor).join("") +
    "</xdr:wsDr>"
  );
}

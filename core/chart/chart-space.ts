import { escapeXml } from "../text/xml-escape.js";
import { categoryData, seriesText, valueData } from "./data-sources.js";
import { seriesColour } from "./palette.js";
import type { ChartSeries, ChartSpec, ChartType, SeriesStyle } from "./types.js";

/**
 * A complete DrawingML chart part (`c:chartSpace`) for a chart spec, shared
 * by the workbook's chart parts (xl/charts/chartN.xml) and Word's native
 * charts (word/charts/chartN.xml). Values are always cached in the part, so
 * a reader shows the chart without recalculating; element order follows
 * dml-chart.xsd, which the tests validate against.
 */

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

// Any two distinct ids do; fixed ones keep the part byte-identical run to run.
const CATEGORY_AXIS_ID = 480_100_001;
const VALUE_AXIS_ID = 480_100_002;

function richText(
  text: string,
  sizeHundredths: number,
  bold: boolean,
  bodyPr = "<a:bodyPr/>",
): string {
  const run = `sz="${sizeHundredths}" b="${bold ? 1 : 0}"`;
  return (
    `<c:tx><c:rich>${bodyPr}<a:lstStyle/><a:p><a:pPr><a:defRPr ${run}/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" ${run}/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function chartTitle(title: string): string {
  return `<c:title>${richText(title, 1400, true)}<c:overlay val="0"/></c:title>`;
}

function solidFill(hex: string): string {
  return `<a:solidFill><a:srgbClr val="${hex}"/></a:solidFill>`;
}

/** Lines and radar outlines carry their colour on the line and its markers. */
function lineSeriesLook(hex: string, style?: SeriesStyle): string {
  if (style === "plain" || style === "dashed") {
    const dash = style === "dashed" ? '<a:prstDash val="dash"/>' : "";
    return (
      `<c:spPr><a:ln w="19050" cap="rnd">${solidFill(hex)}${dash}<a:round/></a:ln></c:spPr>` +
      '<c:marker><c:symbol val="none"/></c:marker>'
    );
  }
  if (style === "markers") {
    return (
      "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>" +
      `<c:marker><c:symbol val="circle"/><c:size val="8"/><c:spPr>${solidFill(hex)}<a:ln>${solidFill(hex)}</a:ln></c:spPr></c:marker>`
    );
  }
  return (
    `<c:spPr><a:ln w="28575" cap="rnd">${solidFill(hex)}<a:round/></a:ln></c:spPr>` +
    `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${solidFill(hex)}<a:ln>${solidFill(hex)}</a:ln></c:spPr></c:marker>`
  );
}

function series(spec: ChartSpec, s: ChartSeries, index: number): string {
  const hex = seriesColour(s.color, index);
  const head = `<c:idx val="${index}"/><c:order val="${index}"/>${seriesText(s)}`;
  const data =
    categoryData(spec.categories, spec.categoriesRef) + valueData(s, spec.categories.length);
  switch (spec.type) {
    case "bar":
    case "stackedBar":
      return `<c:ser>${head}<c:spPr>${solidFill(hex)}</c:spPr><c:invertIfNegative val="0"/>${data}</c:ser>`;
    case "line":
      return `<c:ser>${head}${lineSeriesLook(hex, s.style)}${data}<c:smooth val="0"/></c:ser>`;
    case "radar":
      return `<c:ser>${head}${lineSeriesLook(hex)}${data}</c:ser>`;
  }
}

const AXIS_IDS = `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>`;

function plot(spec: ChartSpec): string {
  const all = spec.series.map((s, i) => series(spec, s, i)).join("");
  const noVary = '<c:varyColors val="0"/>';
  switch (spec.type) {
    case "bar":
      return `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>${noVary}${all}<c:gapWidth val="80"/>${AXIS_IDS}</c:barChart>`;
    case "stackedBar":
      return `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/>${noVary}${all}<c:gapWidth val="80"/><c:overlap val="100"/>${AXIS_IDS}</c:barChart>`;
    case "line":
      return `<c:lineChart><c:grouping val="standard"/>${noVary}${all}<c:marker val="1"/>${AXIS_IDS}</c:lineChart>`;
    case "radar":
      return `<c:radarChart><c:radarStyle val="marker"/>${noVary}${all}${AXIS_IDS}</c:radarChart>`;
  }
}

const GRIDLINE = `<c:majorGridlines><c:spPr><a:ln w="6350">${solidFill("D9D9D9")}</a:ln></c:spPr></c:majorGridlines>`;

function categoryAxis(type: ChartType): string {
  const grid = type === "radar" ? GRIDLINE : "";
  return (
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/>${grid}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

function finite(value: number | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** A format of the spec's own, or the source cells' (Word's literals have none: General). */
function axisNumberFormat(format: string | undefined): string {
  return format
    ? `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>`
    : '<c:numFmt formatCode="General" sourceLinked="1"/>';
}

function valueAxis(spec: ChartSpec): string {
  const { min, max, majorUnit, numberFormat } = spec.valueAxis ?? {};
  const scaling =
    `<c:scaling><c:orientation val="minMax"/>` +
    (finite(max) ? `<c:max val="${max}"/>` : "") +
    (finite(min) ? `<c:min val="${min}"/>` : "") +
    `</c:scaling>`;
  const title = spec.valueAxisTitle
    ? `<c:title>${richText(spec.valueAxisTitle, 1000, false, '<a:bodyPr rot="-5400000" vert="horz"/>')}<c:overlay val="0"/></c:title>`
    : "";
  const unit = finite(majorUnit) && majorUnit > 0 ? `<c:majorUnit val="${majorUnit}"/>` : "";
  return (
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/>${scaling}<c:delete val="0"/><c:axPos val="l"/>` +
    `${GRIDLINE}${title}${axisNumberFormat(numberFormat)}` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="between"/>${unit}</c:valAx>`
  );
}

const DEFAULT_TEXT =
  '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>';

/** The chart part's XML, declaration included. */
export function chartSpaceXml(spec: ChartSpec): string {
  const title = spec.title ? chartTitle(spec.title) : "";
  const legend = '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace ${NS}><c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="${spec.title ? 0 : 1}"/>` +
    `<c:plotArea><c:layout/>${plot(spec)}${categoryAxis(spec.type)}${valueAxis(spec)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `${DEFAULT_TEXT}</c:chartSpace>`
  );
}

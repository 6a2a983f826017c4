/**
 * A small WordprocessingML writer for the document body. The docx library
 * builds everything else in the package (styles, header and footer, the
 * watermark, comments, settings, relationships); the body, hundreds of
 * paragraphs and table cells, is written here as text because docx's object
 * model costs about 50 ms per agreement against a 15 ms budget. Every element
 * is written in the order the schema requires, and the tests validate the
 * result against wml-2010.xsd.
 */

import { escapeXml } from "../../text/xml-escape.js";

export { escapeXml };

export interface RunFormat {
  bold?: boolean;
  italic?: boolean;
  highlight?: "yellow" | "red";
  /** Half-points. */
  size?: number;
  color?: string;
  style?: string;
}

function runProperties(format: RunFormat): string {
  let props = "";
  if (format.style) props += `<w:rStyle w:val="${format.style}"/>`;
  if (format.bold) props += "<w:b/><w:bCs/>";
  if (format.italic) props += "<w:i/><w:iCs/>";
  if (format.color) props += `<w:color w:val="${format.color}"/>`;
  if (format.size) props += `<w:sz w:val="${format.size}"/><w:szCs w:val="${format.size}"/>`;
  if (format.highlight) props += `<w:highlight w:val="${format.highlight}"/>`;
  return props ? `<w:rPr>${props}</w:rPr>` : "";
}

function textElement(piece: string): string {
  if (piece === "") return "";
  // xml:space only where Word would otherwise drop spaces: at either end, or doubled.
  const preserve = /^\s|\s$|\s\s/.test(piece) ? ' xml:space="preserve"' : "";
  return `<w:t${preserve}>${escapeXml(piece)}</w:t>`;
}

const BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>";
const ITALIC = "<w:rPr><w:i/><w:iCs/></w:rPr>";
const BOLD_ITALIC = "<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>";

/** A run of text; tabs in the text become Word tabs. */
export function run(text: string, format?: RunFormat): string {
  const props = format === undefined ? "" : runProperties(format);
  const content = text.includes("\t")
    ? text.split("\t").map(textElement).join("<w:tab/>")
    : textElement(text);
  return `<w:r>${props}${content}</w:r>`;
}

/** The common case, plain, bold or italic text, without building a format object. */
export function textRun(text: string, bold: boolean, italic: boolean): string {
  const props = bold ? (italic ? BOLD_ITALIC : BOLD) : italic ? ITALIC : "";
  const content = text.includes("\t")
    ? text.split("\t").map(textElement).join("<w:tab/>")
    : textElement(text);
  return `<w:r>${props}${content}</w:r>`;
}

export function lineBreak(format: RunFormat = {}): string {
  return `<w:r>${runProperties(format)}<w:br/></w:r>`;
}

export function pageBreakRun(): string {
  return '<w:r><w:br w:type="page"/></w:r>';
}

export interface ParagraphFormat {
  style?: string;
  keepNext?: boolean;
  /** Never split the paragraph across pages (a signature line, a heading). */
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  /** Word list numbering: the paragraph's number comes from list `id` at `level` (0-based). */
  numbering?: { id: number; level: number };
  /** 0-based outline level, so Word's TOC field (\\u) lists the paragraph at that level. */
  outlineLevel?: number;
  /** Right-aligned tab with a dot leader at this position (twips), for contents lines. */
  rightTab?: number;
  /** A left tab stop (twips) so a contents line's clause number and title sit in columns. */
  leftTab?: number;
  spacingBefore?: number;
  spacingAfter?: number;
  align?: "center" | "right" | "both";
}

export function paragraph(content: string, format: ParagraphFormat = {}): string {
  let props = "";
  if (format.style) props += `<w:pStyle w:val="${format.style}"/>`;
  if (format.keepNext) props += "<w:keepNext/>";
  if (format.keepLines) props += "<w:keepLines/>";
  if (format.pageBreakBefore) props += "<w:pageBreakBefore/>";
  if (format.numbering)
    props += `<w:numPr><w:ilvl w:val="${format.numbering.level}"/><w:numId w:val="${format.numbering.id}"/></w:numPr>`;
  if (format.rightTab !== undefined || format.leftTab !== undefined) {
    const left =
      format.leftTab === undefined ? "" : `<w:tab w:val="left" w:pos="${format.leftTab}"/>`;
    const right =
      format.rightTab === undefined
        ? ""
        : `<w:tab w:val="right" w:leader="dot" w:pos="${format.rightTab}"/>`;
    props += `<w:tabs>${left}${right}</w:tabs>`;
  }
  if (format.spacingBefore !== undefined || format.spacingAfter !== undefined) {
    const before = format.spacingBefore === undefined ? "" : ` w:before="${format.spacingBefore}"`;
    const after = format.spacingAfter === undefined ? "" : ` w:after="${format.spacingAfter}"`;
    props += `<w:spacing${before}${after}/>`;
  }
  if (format.align) props += `<w:jc w:val="${format.align}"/>`;
  if (format.outlineLevel !== undefined) props += `<w:outlineLvl w:val="${format.outlineLevel}"/>`;
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${content}</w:p>`;
}

export function bookmark(id: number, name: string, content: string): string {
  return `<w:bookmarkStart w:id="${id}" w:name="${name}"/>${content}<w:bookmarkEnd w:id="${id}"/>`;
}

/** Content wrapped in a comment's range, followed by the comment's reference mark. */
export function commented(id: number, content: string): string {
  return (
    `<w:commentRangeStart w:id="${id}"/>${content}<w:commentRangeEnd w:id="${id}"/>` +
    `<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`
  );
}

export function internalLink(anchor: string, content: string): string {
  return `<w:hyperlink w:anchor="${anchor}" w:history="1">${content}</w:hyperlink>`;
}

export function fieldBegin(instruction: string): string {
  return (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve"> ${escapeXml(instruction)} </w:instrText></w:r>` +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
  );
}

export function fieldEnd(): string {
  return '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
}

export interface TableCellXml {
  content: string;
  shade?: string;
}

/** A full-width table with thin borders; the first row repeats on each page. */
export function table(rows: TableCellXml[][], columnWidths: number[]): string {
  const border = (name: string) =>
    `<w:${name} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`;
  const grid = columnWidths.map((w) => `<w:gridCol w:w="${Math.round(w)}"/>`).join("");
  const body = rows
    .map((cells, index) => {
      const rowProps =
        index === 0
          ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
          : "<w:trPr><w:cantSplit/></w:trPr>";
      const tcs = cells
        .map((cell) => {
          const shade = cell.shade
            ? `<w:shd w:val="clear" w:color="auto" w:fill="${cell.shade}"/>`
            : "";
          // Widths come from the fixed grid (tblGrid), so cells carry no width of their own: a third less XML.
          return `<w:tc>${shade ? `<w:tcPr>${shade}</w:tcPr>` : ""}${cell.content}</w:tc>`;
        })
        .join("");
      return `<w:tr>${rowProps}${tcs}</w:tr>`;
    })
    .join("");
  return (
    "<w:tbl><w:tblPr>" +
    '<w:tblW w:w="5000" w:type="pct"/>' +
    `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>' +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>' +
    `</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`
  );
}

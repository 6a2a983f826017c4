/**
 * A scanner for the WordprocessingML this tool writes (word/xml.ts): the
 * body's paragraphs, tables and the contents field, and each paragraph's
 * pieces (text runs, REF fields, and marks such as bookmarks and comment
 * anchors that take no room in the text). It reads only the shapes the
 * builder emits, which is why the redline reads last year's text from the
 * record the document carries (source.ts) rather than from its body, which
 * Word may have rewritten.
 */

export interface ParagraphXml {
  kind: "p";
  xml: string;
  /** `<w:pPr>…</w:pPr>`, or "" */
  pPr: string;
  /** What follows the properties, up to `</w:p>`. */
  content: string;
}

export interface CellXml {
  tcPr: string;
  paragraphs: ParagraphXml[];
}

export interface RowXml {
  xml: string;
  trPr: string;
  cells: CellXml[];
}

export interface TableXml {
  kind: "tbl";
  xml: string;
  /** `<w:tblPr>…</w:tblPr><w:tblGrid>…</w:tblGrid>` */
  head: string;
  rows: RowXml[];
}

/** Anything else at the body's top level (the contents page's content control). */
export interface OtherXml {
  kind: "other";
  xml: string;
}

export type BlockXml = ParagraphXml | TableXml | OtherXml;

function startsElement(xml: string, at: number, name: string): boolean {
  if (!xml.startsWith(`<${name}`, at)) return false;
  const next = xml[at + name.length + 1];
  return next === ">" || next === " " || next === "/";
}

/** The index just past the element that starts at `at` (matching nested elements of the same name). */
/** Elements that never hold one of their own kind in what the builder writes: their end is the next end tag. */
const FLAT = new Set(["w:p", "w:r", "w:t", "w:pPr", "w:rPr", "w:trPr", "w:tcPr", "w:instrText"]);

export function elementEnd(xml: string, at: number, name: string): number {
  const close = `</${name}>`;
  const openEnd = xml.indexOf(">", at);
  if (openEnd < 0) throw new Error(`Unclosed <${name}> at ${at}`);
  if (xml[openEnd - 1] === "/") return openEnd + 1;
  if (FLAT.has(name)) {
    const end = xml.indexOf(close, openEnd);
    if (end < 0) throw new Error(`<${name}> at ${at} is not closed`);
    return end + close.length;
  }
  let depth = 1;
  let pos = openEnd + 1;
  while (depth > 0) {
    const nextClose = xml.indexOf(close, pos);
    if (nextClose < 0) throw new Error(`<${name}> at ${at} is not closed`);
    let nextOpen = xml.indexOf(`<${name}`, pos);
    while (nextOpen >= 0 && nextOpen < nextClose && !startsElement(xml, nextOpen, name))
      nextOpen = xml.indexOf(`<${name}`, nextOpen + 1);
    if (nextOpen >= 0 && nextOpen < nextClose) {
      const selfClosing = xml[xml.indexOf(">", nextOpen) - 1] === "/";
      if (!selfClosing) depth++;
      pos = xml.indexOf(">", nextOpen) + 1;
    } else {
      depth--;
      pos = nextClose + close.length;
    }
  }
  return pos;
}

/** The leading properties element (`<w:pPr>…`) of an element's content, if any. */
function leading(inner: string, name: string): string {
  return startsElement(inner, 0, name) ? inner.slice(0, elementEnd(inner, 0, name)) : "";
}

/** The content between an element's start tag and its end tag. */
function innerOf(xml: string): string {
  const open = xml.indexOf(">") + 1;
  return xml.slice(open, xml.lastIndexOf("</"));
}

export function parseParagraph(xml: string): ParagraphXml {
  if (xml.endsWith("/>")) return { kind: "p", xml, pPr: "", content: "" };
  const inner = innerOf(xml);
  const pPr = leading(inner, "w:pPr");
  return { kind: "p", xml, pPr, content: inner.slice(pPr.length) };
}

function children(inner: string, name: string): string[] {
  const found: string[] = [];
  let at = inner.indexOf(`<${name}`);
  while (at >= 0) {
    if (startsElement(inner, at, name)) {
      const end = elementEnd(inner, at, name);
      found.push(inner.slice(at, end));
      at = inner.indexOf(`<${name}`, end);
    } else {
      at = inner.indexOf(`<${name}`, at + 1);
    }
  }
  return found;
}

export function parseTable(xml: string): TableXml {
  const inner = innerOf(xml);
  const firstRow = inner.search(/<w:tr[ >]/);
  const head = firstRow < 0 ? inner : inner.slice(0, firstRow);
  const rows = children(inner, "w:tr").map((rowXml): RowXml => {
    const rowInner = innerOf(rowXml);
    const trPr = leading(rowInner, "w:trPr");
    const cells = children(rowInner, "w:tc").map((cellXml): CellXml => {
      const cellInner = innerOf(cellXml);
      return {
        tcPr: leading(cellInner, "w:tcPr"),
        paragraphs: children(cellInner, "w:p").map(parseParagraph),
      };
    });
    return { xml: rowXml, trPr, cells };
  });
  return { kind: "tbl", xml, head, rows };
}

/** The top-level blocks of a run of body XML, stopping at the section properties. */
export function parseBlocks(xml: string, into: BlockXml[] = []): BlockXml[] {
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf("<", at);
    if (lt < 0) break;
    if (startsElement(xml, lt, "w:p")) {
      const end = elementEnd(xml, lt, "w:p");
      into.push(parseParagraph(xml.slice(lt, end)));
      at = end;
    } else if (startsElement(xml, lt, "w:tbl")) {
      const end = elementEnd(xml, lt, "w:tbl");
      into.push(parseTable(xml.slice(lt, end)));
      at = end;
    } else if (startsElement(xml, lt, "w:sectPr") || xml.startsWith("</w:body>", lt)) {
      break;
    } else {
      const name = /^<([\w:]+)/.exec(xml.slice(lt, lt + 64))?.[1] ?? "";
      const end = name ? elementEnd(xml, lt, name) : xml.indexOf(">", lt) + 1;
      into.push({ kind: "other", xml: xml.slice(lt, end) });
      at = end;
    }
  }
  return into;
}

/** `word/document.xml` → its body's blocks, and the text before and after them. */
export function splitDocument(xml: string): { before: string; blocks: BlockXml[]; after: string } {
  const open = xml.indexOf("<w:body>");
  if (open < 0) throw new Error("word/document.xml has no body");
  const start = open + "<w:body>".length;
  let end = xml.lastIndexOf("<w:sectPr");
  if (end < start) end = xml.lastIndexOf("</w:body>");
  return {
    before: xml.slice(0, start),
    blocks: parseBlocks(xml.slice(start, end)),
    after: xml.slice(end),
  };
}

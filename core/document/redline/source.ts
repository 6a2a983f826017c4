import { parseBlocks, type BlockXml, type ParagraphXml } from "./body-xml.js";
import { bookmarksIn, paragraphPieces, refTarget, unescapeXml } from "./pieces.js";

/**
 * What a generated document carries for next year's redline: every body
 * paragraph's text, in order, with its clause key (the template's {#id}, or
 * a schedule's title) and its paragraph properties, and cross-references as
 * the key of the clause they point to rather than its number. Kept in a
 * custom XML part, which Word keeps when it saves the file, so the
 * comparison is exact even after the document has been opened and saved.
 */

/** Text, or a cross-reference: `ref` is its target's key, `shown` the number it printed. */
export type Segment = string | { ref: string; shown: string };

export interface ParagraphRecord {
  t: "p";
  /** The clause's key, when it has one: `id:payments`, `schedule:Indicators`. */
  k?: string;
  /** The paragraph's `<w:pPr>`, to draw it again as a deleted paragraph. */
  p: string;
  s: Segment[];
}

export interface RowRecord {
  p: string;
  c: { p: string; ps: ParagraphRecord[] }[];
}

export interface TableRecord {
  t: "tbl";
  h: string;
  r: RowRecord[];
}

/** The contents page: a field Word rebuilds, carried from the new document as it is. */
export interface OtherRecord {
  t: "o";
}

export type BlockRecord = ParagraphRecord | TableRecord | OtherRecord;

export interface RedlineSource {
  v: 1;
  /** Bookmark name → template id, for the document that carries it. */
  ids: Record<string, string>;
  b: BlockRecord[];
}

export const SOURCE_NAMESPACE = "urn:partnership-workbench:redline-source";
export const SOURCE_PATH = "customXml/item1.xml";
const CUSTOM_XML_RELATIONSHIP =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";

function eachParagraph(blocks: readonly BlockXml[], visit: (p: ParagraphXml) => void): void {
  for (const block of blocks) {
    if (block.kind === "p") visit(block);
    else if (block.kind === "tbl")
      for (const row of block.rows) for (const cell of row.cells) cell.paragraphs.forEach(visit);
  }
}

/** Each bookmark's clause key: the clause's template id, or a schedule heading's title. */
export function bookmarkKeys(
  blocks: readonly BlockXml[],
  ids: Readonly<Record<string, string>>,
): Map<string, string> {
  const keys = new Map<string, string>();
  eachParagraph(blocks, (p) => {
    const names = bookmarksIn(p.content);
    if (names.length === 0) return;
    const id = names.map((n) => ids[n]).find((i) => i !== undefined);
    const key = id !== undefined ? `id:${id}` : scheduleKey(p, names);
    if (key) for (const name of names) keys.set(name, key);
  });
  return keys;
}

function scheduleKey(p: ParagraphXml, names: readonly string[]): string | null {
  if (!names.some((n) => n.startsWith("_RefSchedule"))) return null;
  const text = paragraphPieces(p.content)
    .map((piece) => (piece.kind === "text" ? piece.text : ""))
    .join("")
    .trim();
  return `schedule:${text}`;
}

export function paragraphRecord(
  p: ParagraphXml,
  keys: ReadonlyMap<string, string>,
): ParagraphRecord {
  const segments: Segment[] = [];
  for (const piece of paragraphPieces(p.content)) {
    if (piece.kind === "text") {
      const last = segments[segments.length - 1];
      if (typeof last === "string") segments[segments.length - 1] = last + piece.text;
      else segments.push(piece.text);
    } else if (piece.kind === "field") {
      segments.push({ ref: fieldKey(piece.instruction, keys), shown: piece.shown });
    }
  }
  const key = bookmarksIn(p.content)
    .map((name) => keys.get(name))
    .find((k) => k !== undefined);
  return key === undefined
    ? { t: "p", p: p.pPr, s: segments }
    : { t: "p", k: key, p: p.pPr, s: segments };
}

/** A field's identity for the comparison: a reference by the clause it points to, not its number. */
export function fieldKey(instruction: string, keys: ReadonlyMap<string, string>): string {
  const target = refTarget(instruction);
  return target === null ? `field:${instruction}` : (keys.get(target) ?? `bookmark:${target}`);
}

export function blockRecords(
  blocks: readonly BlockXml[],
  keys: ReadonlyMap<string, string>,
): BlockRecord[] {
  return blocks.map((block): BlockRecord => {
    if (block.kind === "p") return paragraphRecord(block, keys);
    if (block.kind === "other") return { t: "o" };
    return {
      t: "tbl",
      h: block.head,
      r: block.rows.map((row) => ({
        p: row.trPr,
        c: row.cells.map((cell) => ({
          p: cell.tcPr,
          ps: cell.paragraphs.map((p) => paragraphRecord(p, keys)),
        })),
      })),
    };
  });
}

/** The record of a document body written as `pieces` of XML, `ids` naming each cross-reference bookmark's clause. */
export function redlineSource(
  pieces: readonly string[],
  ids: ReadonlyMap<string, string>,
): RedlineSource {
  const blocks: BlockXml[] = [];
  for (const piece of pieces) parseBlocks(piece, blocks);
  const idRecord = Object.fromEntries(ids);
  return { v: 1, ids: idRecord, b: blockRecords(blocks, bookmarkKeys(blocks, idRecord)) };
}

export function sourceXml(source: RedlineSource): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<redlineSource xmlns="${SOURCE_NAMESPACE}" version="1"><![CDATA[${JSON.stringify(source).replace(/]]>/g, "]]\\u003e")}]]></redlineSource>`
  );
}

/** The custom XML part, as the packer adds parts (package.ts). */
export function sourcePart(source: RedlineSource) {
  return {
    path: SOURCE_PATH,
    data: sourceXml(source),
    contentType: "application/xml",
    relationship: {
      from: "word/_rels/document.xml.rels",
      id: "rIdRedlineSource",
      type: CUSTOM_XML_RELATIONSHIP,
      target: "../customXml/item1.xml",
    },
  };
}

/** The record in a custom XML part's text, or null when the part is not this tool's. */
export function readSource(xml: string): RedlineSource | null {
  if (!xml.includes(SOURCE_NAMESPACE)) return null;
  // CDATA as written (no escapes to undo in 100 KB of JSON); escaped text if an editor rewrote it.
  const cdata = /<redlineSource [^>]*><!\[CDATA\[([\s\S]*)\]\]><\/redlineSource>/.exec(xml);
  const text = /<redlineSource [^>]*>([^<]*)<\/redlineSource>/.exec(xml);
  const json = cdata ? cdata[1] : text ? unescapeXml(text[1] ?? "") : null;
  if (json === null || json === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed === "object" && parsed !== null && (parsed as { v?: unknown }).v === 1)
      return parsed as RedlineSource;
  } catch {
    return null;
  }
  return null;
}

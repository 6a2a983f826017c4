import type { BlockXml, ParagraphXml } from "./body-xml.js";
import { bookmarksIn, paragraphPieces, refTarget } from "./pieces.js";

/**
 * A document body as the redline compares it: every paragraph's text, in
 * order (table cells too), with its clause key (the template's {#id}, or a
 * schedule's title) and its paragraph properties, and cross-references as
 * the key of the clause they point to rather than the number they show.
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

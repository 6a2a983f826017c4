import type { ParagraphXml } from "./body-xml.js";
import { diff } from "./diff.js";
import { paragraphPieces } from "./pieces.js";
import { markedProperties, textRun, type Revisions } from "./revisions.js";
import { fieldKey, type ParagraphRecord } from "./records.js";
import { referenceKey, segmentTokens, words, type Token } from "./tokens.js";

/**
 * One paragraph of the redline: this year's paragraph with last year's
 * words it lost as deletions and the words it gained as insertions, or a
 * whole paragraph inserted or deleted (its mark too, so accepting or
 * rejecting leaves no empty paragraph behind). The new paragraph's own runs,
 * formatting, fields, bookmarks and comment anchors are kept as written.
 */

type Item =
  | { kind: "token"; token: Token; rPr: string; field: string | null }
  | { kind: "mark"; xml: string };

function items(p: ParagraphXml, keys: ReadonlyMap<string, string>): Item[] {
  const result: Item[] = [];
  for (const piece of paragraphPieces(p.content)) {
    if (piece.kind === "mark") result.push({ kind: "mark", xml: piece.xml });
    else if (piece.kind === "field")
      result.push({
        kind: "token",
        token: { key: referenceKey(fieldKey(piece.instruction, keys)), text: piece.shown },
        rPr: "",
        field: piece.xml,
      });
    else
      for (const word of words(piece.text))
        result.push({
          kind: "token",
          token: { key: word, text: word },
          rPr: piece.rPr,
          field: null,
        });
  }
  return result;
}

/** Gathers runs, text of one format at a time, and wraps inserted ones. */
class ParagraphWriter {
  private out = "";
  private inserted = false;
  private runs = "";
  private rPr = "";
  private text = "";

  constructor(private readonly revisions: Revisions) {}

  private flushText(): void {
    if (this.text) this.runs += textRun(this.rPr, this.text, false);
    this.text = "";
  }

  private flushRuns(): void {
    this.flushText();
    this.out += this.inserted ? this.revisions.wrap("ins", this.runs) : this.runs;
    this.runs = "";
  }

  token(item: Extract<Item, { kind: "token" }>, inserted: boolean): void {
    if (inserted !== this.inserted) {
      this.flushRuns();
      this.inserted = inserted;
    }
    if (item.field !== null) {
      this.flushText();
      this.runs += item.field;
      return;
    }
    if (item.rPr !== this.rPr) {
      this.flushText();
      this.rPr = item.rPr;
    }
    this.text += item.token.text;
  }

  mark(xml: string): void {
    this.flushRuns();
    this.out += xml;
  }

  deleted(tokens: readonly Token[], bookmarks: ReadonlyMap<string, string>): void {
    this.flushRuns();
    this.out += this.revisions.wrap("del", deletedRuns(tokens, bookmarks));
  }

  done(): string {
    this.flushRuns();
    return this.out;
  }
}

/**
 * Last year's words as deleted runs. A cross-reference whose clause is still
 * in the document comes back as a live REF field when the deletion is
 * rejected; one whose clause has gone comes back as the number it printed.
 */
function deletedRuns(tokens: readonly Token[], bookmarks: ReadonlyMap<string, string>): string {
  let runs = "";
  let text = "";
  for (const token of tokens) {
    const target = token.key.startsWith("\u0001") ? bookmarks.get(token.key.slice(1)) : undefined;
    if (target === undefined) {
      text += token.text;
      continue;
    }
    runs += textRun("", text, true);
    text = "";
    runs +=
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
      `<w:r><w:delInstrText xml:space="preserve"> REF ${target} \\n \\h </w:delInstrText></w:r>` +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      textRun("", token.text, true) +
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
  }
  return runs + textRun("", text, true);
}

function wrapParagraph(pPr: string, content: string): string {
  return `<w:p>${pPr}${content}</w:p>`;
}

/** This year's paragraph marked up with the words that changed since last year's. */
export function changedParagraph(
  p: ParagraphXml,
  older: ParagraphRecord,
  keys: ReadonlyMap<string, string>,
  bookmarks: ReadonlyMap<string, string>,
  revisions: Revisions,
): string {
  const all = items(p, keys);
  const oldTokens = segmentTokens(older.s);
  const newTokens = all.filter((i): i is Extract<Item, { kind: "token" }> => i.kind === "token");
  const edits = diff(
    oldTokens.map((t) => t.key),
    newTokens.map((i) => i.token.key),
  );
  const writer = new ParagraphWriter(revisions);
  let at = 0;
  const take = (count: number, inserted: boolean) => {
    for (let taken = 0; taken < count; at++) {
      const item = all[at];
      if (!item) return;
      if (item.kind === "mark") writer.mark(item.xml);
      else {
        writer.token(item, inserted);
        taken++;
      }
    }
  };
  for (const edit of edits) {
    if (edit.kind === "delete")
      writer.deleted(oldTokens.slice(edit.oldStart, edit.oldStart + edit.count), bookmarks);
    else take(edit.count, edit.kind === "insert");
  }
  for (; at < all.length; at++) {
    const item = all[at];
    if (item?.kind === "mark") writer.mark(item.xml);
  }
  return wrapParagraph(p.pPr, writer.done());
}

/** A paragraph new this year: its text and its mark inserted. */
export function insertedParagraph(
  p: ParagraphXml,
  revisions: Revisions,
  { markParagraph = true } = {},
): string {
  const writer = new ParagraphWriter(revisions);
  for (const item of items(p, new Map())) {
    if (item.kind === "mark") writer.mark(item.xml);
    else writer.token(item, true);
  }
  const pPr = markParagraph ? markedProperties(p.pPr, revisions.mark("ins")) : p.pPr;
  return wrapParagraph(pPr, writer.done());
}

export function plainText(record: ParagraphRecord): string {
  return record.s.map((s) => (typeof s === "string" ? s : s.shown)).join("");
}

/** Last year's paragraph, gone this year: its text and its mark deleted. */
export function deletedParagraph(
  record: ParagraphRecord,
  bookmarks: ReadonlyMap<string, string>,
  revisions: Revisions,
  { markParagraph = true, bookmark }: { markParagraph?: boolean; bookmark?: string } = {},
): string {
  let content = revisions.wrap("del", deletedRuns(segmentTokens(record.s), bookmarks));
  if (bookmark !== undefined) {
    // Last year's references to this clause come back live when its deletion is rejected.
    const id = revisions.bookmarkId();
    content = `<w:bookmarkStart w:id="${id}" w:name="${bookmark}"/>${content}<w:bookmarkEnd w:id="${id}"/>`;
  }
  const pPr = markParagraph ? markedProperties(record.p, revisions.mark("del")) : record.p;
  return wrapParagraph(pPr, content);
}

import { escapeXml } from "../../text/xml-escape.js";

/**
 * Word's tracked-change markup: `w:ins` and `w:del` around runs, and on a
 * paragraph mark or table row when the whole paragraph or row came or went.
 * Every change carries one author and the workbook's document date, never
 * the clock, so the same two documents always give the same redline.
 */

export const REDLINE_AUTHOR = "Partnership Workbench";

export type ChangeKind = "ins" | "del";

export class Revisions {
  private next: number;
  private readonly attributes: string;
  /** How many changes were written, of each kind. */
  readonly counts = { ins: 0, del: 0 };

  constructor(firstId: number, isoDate: string, author = REDLINE_AUTHOR) {
    this.next = firstId;
    this.attributes = `w:author="${escapeXml(author)}" w:date="${isoDate}"`;
  }

  private id(): number {
    return this.next++;
  }

  /** An id for a bookmark the redline adds, from the same count so no id is used twice. */
  bookmarkId(): number {
    return this.id();
  }

  /** Runs wrapped as inserted or deleted. */
  wrap(kind: ChangeKind, runs: string): string {
    if (runs === "") return "";
    this.counts[kind]++;
    return `<w:${kind} w:id="${this.id()}" ${this.attributes}>${runs}</w:${kind}>`;
  }

  /** The empty element that marks a paragraph mark or a row as inserted or deleted. */
  mark(kind: ChangeKind): string {
    return `<w:${kind} w:id="${this.id()}" ${this.attributes}/>`;
  }
}

/** A run of text as Word writes it; in deleted text `w:delText` stands for `w:t`. */
export function textRun(rPr: string, text: string, deleted: boolean): string {
  const tag = deleted ? "w:delText" : "w:t";
  let content = "";
  for (const part of text.split(/(\t|\n)/)) {
    if (part === "") continue;
    if (part === "\t") content += "<w:tab/>";
    else if (part === "\n") content += "<w:br/>";
    else content += `<${tag} xml:space="preserve">${escapeXml(part)}</${tag}>`;
  }
  return content === "" ? "" : `<w:r>${rPr}${content}</w:r>`;
}

/** Paragraph properties whose mark is inserted or deleted (`w:rPr` is the last child we write). */
export function markedProperties(pPr: string, mark: string): string {
  if (pPr === "") return `<w:pPr><w:rPr>${mark}</w:rPr></w:pPr>`;
  if (pPr.includes("<w:rPr>")) return pPr.replace("<w:rPr>", `<w:rPr>${mark}`);
  return pPr.replace(/<\/w:pPr>$/, `<w:rPr>${mark}</w:rPr></w:pPr>`);
}

/** Row properties with the row marked inserted or deleted (they come last in `w:trPr`). */
export function markedRowProperties(trPr: string, mark: string): string {
  if (trPr === "") return `<w:trPr>${mark}</w:trPr>`;
  return trPr.replace(/<\/w:trPr>$/, `${mark}</w:trPr>`);
}

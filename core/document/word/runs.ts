import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from "docx";
import type { Inline } from "../markup/inline.js";

/**
 * Inline markup → Word runs. A missing value becomes a highlighted
 * `[MISSING: …]`; in drafts with notes it also carries a comment naming the
 * workbook cell to fill.
 */

export const COMMENT_AUTHOR = "Partnership Workbench";

export class Comments {
  readonly list: ICommentOptions[] = [];
  constructor(
    private readonly date: Date,
    readonly enabled: boolean,
  ) {}

  /** Adds a comment; returns its id. */
  add(text: string): number {
    const id = this.list.length;
    this.list.push({
      id,
      author: COMMENT_AUTHOR,
      initials: "PW",
      date: this.date,
      children: [new Paragraph({ children: [new TextRun(text)] })],
    });
    return id;
  }

  /** Wraps runs in a comment range, with the comment's reference mark after them. */
  around(runs: ParagraphChild[], text: string): ParagraphChild[] {
    if (!this.enabled) return runs;
    const id = this.add(text);
    return [
      new CommentRangeStart(id),
      ...runs,
      new CommentRangeEnd(id),
      new TextRun({ children: [new CommentReference(id)] }),
    ];
  }
}

export interface MissingValue {
  label: string;
  location: string;
}

export function missingNote(missing: MissingValue): string {
  return missing.location
    ? `Missing from the workbook: ${missing.label}. Fill in ${missing.location}, then generate the document again.`
    : `Missing from the workbook: ${missing.label}.`;
}

export function inlineRuns(
  content: readonly Inline[],
  comments: Comments,
  missing: MissingValue[],
  base: { size?: number; bold?: boolean } = {},
): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const part of content) {
    switch (part.kind) {
      case "text":
        runs.push(
          new TextRun({
            text: part.text,
            bold: part.bold || base.bold || undefined,
            italics: part.italic || undefined,
            size: base.size,
          }),
        );
        break;
      case "break":
        runs.push(new TextRun({ break: 1, size: base.size }));
        break;
      case "missing": {
        missing.push({ label: part.label, location: part.location });
        const run = new TextRun({ text: `[MISSING: ${part.label}]`, bold: true, highlight: "yellow", size: base.size });
        runs.push(...comments.around([run], missingNote(part)));
        break;
      }
      case "ref":
        // References are resolved before the Word stage; one left here is a bug upstream.
        runs.push(new TextRun({ text: part.raw, bold: true, highlight: "red" }));
        break;
    }
  }
  return runs;
}

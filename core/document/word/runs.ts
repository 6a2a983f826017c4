import type { Inline } from "../markup/inline.js";
import type { ReferenceFields } from "./references.js";
import { commented, lineBreak, run, textRun, type RunFormat } from "./xml.js";

/**
 * Inline markup → runs. A missing value becomes a highlighted
 * `[MISSING: …]`; in drafts with notes it also carries a comment naming the
 * workbook cell to fill. The comments part is written by package.ts.
 */

export const COMMENT_AUTHOR = "Partnership Workbench";

export const COMMENT_INITIALS = "PW";

/** A comment's text; its id is its place in the list, its author and date are the document's. */
export type CommentText = string;

export class Comments {
  readonly list: CommentText[] = [];
  constructor(readonly enabled: boolean) {}

  /** Wraps runs (XML) in a new comment's range; returns them unchanged when notes are off. */
  around(runs: string, text: string): string {
    if (!this.enabled) return runs;
    const id = this.list.length;
    this.list.push(text);
    return commented(id, runs);
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

const PLAIN: RunFormat = {};

export function inlineRuns(
  content: readonly Inline[],
  comments: Comments,
  base: RunFormat = PLAIN,
  /** Writes resolved cross-references as REF fields; without it they are plain text. */
  references?: ReferenceFields,
): string {
  let xml = "";
  const simple =
    base === PLAIN ||
    (base.size === undefined &&
      base.color === undefined &&
      base.style === undefined &&
      base.highlight === undefined);
  // Workbook text and template text in the same format share one run: fewer, larger runs.
  let pending = "";
  let pendingBold = false;
  let pendingItalic = false;
  const flush = () => {
    if (pending === "") return;
    xml += simple
      ? textRun(pending, pendingBold, pendingItalic)
      : run(pending, { ...base, bold: pendingBold, italic: pendingItalic });
    pending = "";
  };
  for (const part of content) {
    if (part.kind === "text" && part.ref !== undefined && references) {
      flush();
      xml += references.runs(
        part.text,
        part.ref,
        part.bold || base.bold === true,
        part.italic || base.italic === true,
      );
      continue;
    }
    if (part.kind === "text") {
      const bold = part.bold || base.bold === true;
      const italic = part.italic || base.italic === true;
      if (pending !== "" && (bold !== pendingBold || italic !== pendingItalic)) flush();
      pending += part.text;
      pendingBold = bold;
      pendingItalic = italic;
      continue;
    }
    flush();
    switch (part.kind) {
      case "break":
        xml += lineBreak(base);
        break;
      case "missing":
        xml += comments.around(
          run(`[MISSING: ${part.label}]`, { ...base, bold: true, highlight: "yellow" }),
          missingNote(part),
        );
        break;
      case "ref":
        // References are resolved before the Word stage; one left here is a bug upstream.
        xml += run(part.raw, { bold: true, highlight: "red" });
        break;
    }
  }
  flush();
  return xml;
}

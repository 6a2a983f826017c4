import type { Target } from "../clauses.js";
import { fieldBegin, fieldEnd, textRun as anyTextRun } from "./xml.js";

function textRun(text: string, bold: boolean, italic: boolean): string {
  return text === "" ? "" : anyTextRun(text, bold, italic);
}

/**
 * Cross-references as Word REF fields. Each clause a reference points to,
 * and each schedule heading, carries a bookmark; "clause 7.2 of Schedule 3"
 * is written as the words, a REF field for "7.2" and one for "Schedule 3".
 * The fields' cached text is the number clauses.ts resolved, which is the
 * number Word's list numbering shows (numbering.ts), so the document reads
 * right as opened, and after a solicitor inserts a clause and updates
 * fields, every reference follows. `\n` gives the number without context
 * or trailing period ("7", not "7."), as the references print it.
 */

export class ReferenceFields {
  private readonly names = new Map<string, string>();

  constructor(private readonly targets: ReadonlyMap<string, Target> = new Map()) {
    let n = 0;
    // Named by order, not by template id: ids may hold characters bookmark names cannot.
    for (const id of targets.keys()) this.names.set(id, `_Ref${String(++n).padStart(6, "0")}`);
  }

  /** The bookmark on the clause or schedule with this {#id}, if any reference may point to it. */
  bookmarkOf(id: string | null): string | null {
    return id === null ? null : (this.names.get(id) ?? null);
  }

  /** Bookmark name → the {#id} of the clause it marks, for the redline's record (redline/source.ts). */
  bookmarkIds(): Map<string, string> {
    return new Map([...this.names].map(([id, name]) => [name, id]));
  }

  /** Every schedule heading's bookmark, for the "of Schedule 3" part of a reference. */
  scheduleBookmark(schedule: number): string {
    return `_RefSchedule${schedule}`;
  }

  /** A resolved reference's text as runs: the numbers as REF fields, the words around them as text. */
  runs(text: string, id: string, bold: boolean, italic: boolean): string {
    const target = this.targets.get(id);
    const name = this.names.get(id);
    if (!target || !name) return textRun(text, bold, italic);
    const shown = target.kind === "schedule" ? `Schedule ${target.number}` : target.number;
    const at = text.indexOf(shown);
    // A reference written in words ("this clause") or a bare schedule number has no number to follow.
    if (at < 0) return textRun(text, bold, italic);
    let xml = textRun(text.slice(0, at), bold, italic) + refField(name, shown, bold, italic);
    const rest = text.slice(at + shown.length);
    const schedule = target.kind === "clause" ? target.schedule : null;
    const ofSchedule = schedule === null ? -1 : rest.indexOf(`Schedule ${schedule}`);
    if (schedule === null || ofSchedule < 0) return xml + textRun(rest, bold, italic);
    const scheduleText = `Schedule ${schedule}`;
    xml += textRun(rest.slice(0, ofSchedule), bold, italic);
    xml += refField(this.scheduleBookmark(schedule), scheduleText, bold, italic);
    return xml + textRun(rest.slice(ofSchedule + scheduleText.length), bold, italic);
  }
}

/** A REF field to `bookmark` showing `cached` until Word updates it. */
export function refField(bookmark: string, cached: string, bold: boolean, italic: boolean): string {
  return fieldBegin(`REF ${bookmark} \\n \\h`) + textRun(cached, bold, italic) + fieldEnd();
}

import { LIST_IDS } from "../word/numbering.js";
import type { ParagraphRecord } from "./records.js";

/**
 * Which clauses and schedules changed, for the drafting note: each change is
 * counted against the top-level clause or schedule it falls in, numbered as
 * Word numbers them (this year's numbers, last year's for what was removed).
 */

export type Change = "changed" | "added" | "removed";

interface Section {
  label: string;
  /** Whether the heading itself came or went this year. */
  status: "kept" | "added" | "removed";
  changes: Set<Change>;
}

/** Counts a list's numbers as Word does: a level's number restarts under its parent. */
class ListCounter {
  private readonly counts = [0, 0, 0, 0, 0];

  /** The list and level of a numbered paragraph, and its number at that level. */
  see(pPr: string): { list: number; level: number; number: number } | null {
    const match = /<w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/>/.exec(pPr);
    if (!match) return null;
    const level = Number(match[1]);
    const list = Number(match[2]);
    const counts = list === LIST_IDS.schedules ? this.schedules : this.counts;
    counts[level] = (counts[level] ?? 0) + 1;
    for (let deeper = level + 1; deeper < counts.length; deeper++) counts[deeper] = 0;
    return { list, level, number: counts[level] ?? 0 };
  }

  private readonly schedules = [0, 0, 0, 0, 0];
}

function text(record: ParagraphRecord): string {
  return record.s
    .map((s) => (typeof s === "string" ? s : s.shown))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

function headingLabel(counter: ListCounter, record: ParagraphRecord): string | null {
  const seen = counter.see(record.p);
  if (!seen || seen.level !== 0) return null;
  if (seen.list === LIST_IDS.schedules) return `Schedule ${seen.number} (${text(record)})`;
  if (seen.list === LIST_IDS.clauses) return `Clause ${seen.number} (${text(record)})`;
  return null;
}

export class Sections {
  private readonly newer = new ListCounter();
  private readonly older = new ListCounter();
  private current: Section = {
    label: "The title page and background",
    status: "kept",
    changes: new Set(),
  };
  private readonly all: Section[] = [this.current];

  private open(label: string, status: Section["status"]): void {
    this.current = { label, status, changes: new Set() };
    this.all.push(this.current);
  }

  /** A paragraph of this year's; `added` when it has no counterpart last year. */
  seeNew(record: ParagraphRecord, added: boolean): void {
    const label = headingLabel(this.newer, record);
    if (label) this.open(label, added ? "added" : "kept");
  }

  /** A paragraph of last year's; `removed` when it has no counterpart this year. */
  seeOld(record: ParagraphRecord, removed: boolean): void {
    const label = headingLabel(this.older, record);
    if (label && removed)
      this.open(`Former ${label[0]?.toLowerCase()}${label.slice(1)}`, "removed");
  }

  note(change: Change): void {
    this.current.changes.add(change);
  }

  /** One line per clause or schedule that changed, in document order. */
  lines(): string[] {
    return this.all
      .filter((s) => s.changes.size > 0 || s.status !== "kept")
      .map((s) => {
        if (s.status === "added") return `${s.label}: added`;
        if (s.status === "removed") return `${s.label}: removed`;
        return `${s.label}: changed`;
      });
  }
}

import { parseInline, type Inline, type InlineIssue } from "./inline.js";

/**
 * The clause markup, a small Markdown dialect lawyers can read in a diff:
 *
 *   # Heading {#id}          numbered clause heading (1, 2, 3…)
 *   # Parties {-}            unnumbered heading (parties, background, signatures)
 *   ## Text {#id}            numbered sub-clause (1.1), text runs to the blank line
 *   ### Text {#id}           numbered sub-sub-clause (1.1.1)
 *   - Text                   lettered paragraph (a), (b)…; "  - " nests as (i), (ii)…
 *   1. Text                  numbered paragraph (1), (2)… (parties)
 *   A. Text                  paragraph lettered (A), (B)… (background recitals)
 *   SCHEDULE: Title {#id}    a schedule: new page, own numbering
 *   > NOTE: text             drafting note (a Word comment in drafts)
 *   | a | b |                table; the row after the header is |---|---|
 *   [page break]
 *   ::: chart name [arg]     a native Word chart the compiler builds from the workbook
 *   ::: together … :::       paragraphs kept on one page (a signature block)
 *   %% comment or directive  (%% proper-nouns: A; B: names the term check must not flag)
 *
 * A front matter block between `---` lines gives the title page.
 */

export type ClauseLevel = 1 | 2 | 3;

/** How a list paragraph is labelled: (a), (1) or (A). */
export type ItemStyle = "letter" | "number" | "upper";

export type Block =
  | {
      kind: "clause";
      level: ClauseLevel;
      id: string | null;
      numbered: boolean;
      content: Inline[];
      line: number;
    }
  | { kind: "schedule"; id: string | null; title: Inline[]; line: number }
  | {
      kind: "paragraph";
      content: Inline[];
      line: number;
      /** The `::: together` group the paragraph belongs to: a group is never split across pages. */
      group?: number;
    }
  | { kind: "item"; depth: 1 | 2; style: ItemStyle; content: Inline[]; line: number }
  | { kind: "note"; content: Inline[]; line: number }
  | { kind: "table"; header: Inline[][]; rows: Inline[][][]; line: number }
  | { kind: "pageBreak"; line: number }
  | {
      kind: "chart";
      /** Which chart: a name in the compiler's chart registry ("ragByObjective"). */
      name: string;
      /** What the chart is of, for charts of one thing ("I3"); "" for none. */
      argument: string;
      /** `::: chart name` as written, for messages that point at it. */
      source: string;
      line: number;
    };

export interface FrontMatter {
  title: Inline[];
  subtitle: Inline[];
  lines: Inline[][];
  /** "clause" in agreements, "paragraph" in terms of reference. */
  clauseWord: string;
}

export interface ParsedMarkup {
  front: FrontMatter;
  blocks: Block[];
  properNouns: string[];
  issues: InlineIssue[];
}

const HEADING = /^(#{1,3})\s+(.*)$/;
const ANCHOR = /\s*\{(#[A-Za-z0-9_.-]+|-)\}\s*$/;
const SCHEDULE = /^SCHEDULE:?\s+(.*)$/;
const ITEM = /^( *)(-|\d+\.|[A-Z]\.) (.*)$/;
const NOTE = /^>\s?(?:NOTE:\s*)?(.*)$/;
const TOGETHER = /^:::\s*together\s*$/;
const CHART = /^:::\s*chart\s+([A-Za-z][A-Za-z0-9]*)(?:\s+(.*))?$/;
const SEPARATOR_ROW = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Splits `| a | b\|c |` into cells, keeping escaped bars inside cells. */
function tableCells(line: string): string[] {
  const cells: string[] = [];
  let current = "";
  const body = line.trim().replace(/^\|/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\\" && i + 1 < body.length) {
      current += c + body[i + 1];
      i++;
    } else if (c === "|") {
      cells.push(current.trim());
      current = "";
    } else {
      current += c;
    }
  }
  if (current.trim() !== "") cells.push(current.trim());
  return cells;
}

/**
 * A chart's argument is usually workbook data (`::: chart indicatorTrend {{id}}`):
 * it is a key to look up, not text to print, so the data marks and markup
 * escapes come off, and a missing value leaves it blank.
 */
function plainArgument(text: string): string {
  return (
    text
      // The data marks are control characters by design (see escape.ts).
      // eslint-disable-next-line no-control-regex
      .replace(/\u0001[^\u0001]*\u0001/g, "")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0002\u0003]/g, "")
      .replace(/\\(.)/g, "$1")
      .trim()
  );
}

function splitAnchor(text: string): { text: string; id: string | null; numbered: boolean } {
  const match = ANCHOR.exec(text);
  if (!match) return { text, id: null, numbered: true };
  const rest = text.slice(0, match.index);
  if (match[1] === "-") return { text: rest, id: null, numbered: false };
  return { text: rest, id: (match[1] ?? "").slice(1), numbered: true };
}

function readFrontMatter(
  lines: string[],
  issues: InlineIssue[],
): { front: FrontMatter; next: number } {
  const front: FrontMatter = { title: [], subtitle: [], lines: [], clauseWord: "clause" };
  let start = 0;
  while (start < lines.length && (lines[start] ?? "").trim() === "") start++;
  if ((lines[start] ?? "").trim() !== "---") return { front, next: 0 };
  let i = start + 1;
  for (; i < lines.length && (lines[i] ?? "").trim() !== "---"; i++) {
    const match = /^\s*([a-zA-Z-]+):\s?(.*)$/.exec(lines[i] ?? "");
    if (!match) continue;
    const key = match[1];
    const value = match[2] ?? "";
    if (key === "title") front.title = parseInline(value, issues);
    else if (key === "subtitle") front.subtitle = parseInline(value, issues);
    else if (key === "line") front.lines.push(parseInline(value, issues));
    else if (key === "clause-word") front.clauseWord = value.trim() || "clause";
  }
  return { front, next: i + 1 };
}

export function parseMarkup(markup: string): ParsedMarkup {
  const lines = markup.split("\n");
  const issues: InlineIssue[] = [];
  const { front, next } = readFrontMatter(lines, issues);
  const blocks: Block[] = [];
  const properNouns: string[] = [];
  // The block being gathered: its kind decides how continuation lines join it.
  let open: { type: Block["kind"]; make: (text: string) => Block; text: string } | null = null;
  let table: { header: string[] | null; rows: string[][]; line: number } | null = null;
  /** The open `::: together` group's number, or 0 outside one. */
  let group = 0;
  let groups = 0;
  const close = () => {
    if (open) blocks.push(open.make(open.text));
    open = null;
  };
  const closeTable = () => {
    if (!table) return;
    const header = table.header ?? [];
    blocks.push({
      kind: "table",
      header: header.map((cell) => parseInline(cell, issues)),
      rows: table.rows.map((row) => row.map((cell) => parseInline(cell, issues))),
      line: table.line,
    });
    table = null;
  };
  for (let index = next; index < lines.length; index++) {
    const raw = lines[index] ?? "";
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed.startsWith("|")) {
      close();
      if (!table) table = { header: null, rows: [], line };
      if (SEPARATOR_ROW.test(trimmed)) continue;
      if (table.header === null) table.header = tableCells(trimmed);
      else table.rows.push(tableCells(trimmed));
      continue;
    }
    closeTable();
    if (trimmed === "") {
      close();
      continue;
    }
    if (trimmed.startsWith("%%")) {
      const directive = /^%%\s*proper-nouns:\s*(.*)$/.exec(trimmed);
      if (directive)
        properNouns.push(
          ...(directive[1] ?? "")
            .split(";")
            .map((s) => s.trim())
            .filter(Boolean),
        );
      continue;
    }
    if (trimmed.startsWith(":::")) {
      close();
      if (TOGETHER.test(trimmed)) {
        group = ++groups;
        continue;
      }
      if (trimmed === ":::") {
        group = 0;
        continue;
      }
      const chart = CHART.exec(trimmed);
      if (chart) {
        blocks.push({
          kind: "chart",
          name: chart[1] ?? "",
          argument: plainArgument(chart[2] ?? ""),
          source: trimmed.slice(0, trimmed.indexOf(chart[1] ?? "") + (chart[1] ?? "").length),
          line,
        });
      } else {
        issues.push({
          message: `A chart block reads "::: chart name", for example "::: chart ragByObjective"`,
          snippet: plainArgument(trimmed),
        });
      }
      continue;
    }
    if (trimmed === "[page break]") {
      close();
      blocks.push({ kind: "pageBreak", line });
      continue;
    }
    const heading = HEADING.exec(trimmed);
    if (heading) {
      close();
      const level = (heading[1] ?? "#").length as 1 | 2 | 3;
      const { text, id, numbered } = splitAnchor(heading[2] ?? "");
      open = {
        type: "clause",
        text,
        make: (t) => ({
          kind: "clause",
          level,
          id,
          numbered,
          content: parseInline(t, issues),
          line,
        }),
      };
      // A level-1 clause is a heading: it never runs on to the next line.
      if (level === 1) close();
      continue;
    }
    const schedule = SCHEDULE.exec(trimmed);
    if (schedule) {
      close();
      const { text, id } = splitAnchor(schedule[1] ?? "");
      blocks.push({ kind: "schedule", id, title: parseInline(text, issues), line });
      continue;
    }
    const note = trimmed.startsWith(">") ? NOTE.exec(trimmed) : null;
    if (note) {
      const previous = open as { type: Block["kind"]; text: string } | null;
      if (previous?.type === "note") {
        previous.text += ` ${note[1] ?? ""}`;
        continue;
      }
      close();
      open = {
        type: "note",
        text: note[1] ?? "",
        make: (t) => ({ kind: "note", content: parseInline(t.trim(), issues), line }),
      };
      continue;
    }
    const item = ITEM.exec(raw.replace(/\t/g, "  "));
    if (item) {
      close();
      const depth = (item[1] ?? "").length >= 2 ? 2 : 1;
      const marker = item[2] ?? "-";
      const style: ItemStyle = marker === "-" ? "letter" : /^\d/.test(marker) ? "number" : "upper";
      open = {
        type: "item",
        text: item[3] ?? "",
        make: (t) => ({ kind: "item", depth, style, content: parseInline(t, issues), line }),
      };
      continue;
    }
    if (open) {
      (open as { text: string }).text += ` ${trimmed}`;
      continue;
    }
    const inGroup = group;
    open = {
      type: "paragraph",
      text: trimmed,
      make: (t) =>
        inGroup
          ? { kind: "paragraph", content: parseInline(t, issues), line, group: inGroup }
          : { kind: "paragraph", content: parseInline(t, issues), line },
    };
  }
  closeTable();
  close();
  return { front, blocks, properNouns, issues };
}

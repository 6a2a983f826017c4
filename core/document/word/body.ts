import type { ChartSpec } from "../../chart/types.js";
import type { NumberedBlock } from "../clauses.js";
import type { Block } from "../markup/blocks.js";
import { plainText, type Inline } from "../markup/inline.js";
import { chartHasData, chartSize, inlineChartRun } from "./chart.js";
import { clauseNumbering, SCHEDULE_NUMBERING } from "./numbering.js";
import { PAGE, PageFlow, type Placement } from "./page-estimate.js";
import { ReferenceFields } from "./references.js";
import { Comments, inlineRuns } from "./runs.js";
import { STYLE_IDS, TABLE_TEXT_SIZE, textLeft } from "./styles.js";
import { textWidth } from "./text-width.js";
import {
  bookmark,
  pageBreakRun,
  paragraph,
  run,
  table,
  type RunFormat,
  type TableCellXml,
} from "./xml.js";

/**
 * The clause tree → the body's paragraphs and tables. Clause and schedule
 * numbers are Word list numbering (numbering.ts) and cross-references are
 * REF fields (references.ts): Word counts exactly as clauses.ts counted, so
 * what the solicitor sees, what the contents page lists and what "see clause
 * 7.2" says agree as opened, and keep agreeing after clauses are inserted.
 * Lettered items, (a) and (i), stay text: they restart under every clause.
 */

export interface ContentsEntry {
  title: string;
  level: number;
  /** Page estimated from the start of the body (0-based). */
  bodyPage: number;
  bookmark: string;
}

export interface Body {
  /**
   * The paragraphs and tables, in order, as XML. Never joined into one
   * string: packing encodes them one by one, which spares an agreement's
   * 175 KB copy and the time it took (see utf8.ts).
   */
  xml: readonly string[];
  contents: ContentsEntry[];
  /** The charts drawn, in order: chart n is the (n-1)th, reached by `chartRelationshipId(n)`. */
  charts: ChartSpec[];
}

const TWIPS_PER_POINT = 20;
const SPACE_AFTER_POINTS = 6;

interface Context {
  comments: Comments;
  flow: PageFlow;
  size: number;
  bookmarks: number;
  charts: ChartSpec[];
  references: ReferenceFields;
}

function bookmarked(context: Context, content: string): { name: string; xml: string } {
  context.bookmarks++;
  const name = `_Toc${String(context.bookmarks).padStart(6, "0")}`;
  return { name, xml: bookmark(context.bookmarks, name, content) };
}

/** Content inside the bookmark REF fields point to, when something may refer to it. */
function referable(context: Context, name: string | null, content: string): string {
  if (name === null) return content;
  context.bookmarks++;
  return bookmark(context.bookmarks, name, content);
}

function runsOf(context: Context, content: readonly Inline[], base?: RunFormat): string {
  return inlineRuns(content, context.comments, base, context.references);
}

function withNotes(context: Context, runs: string, notes: readonly Inline[][]): string {
  let result = runs;
  for (const note of notes)
    result = context.comments.around(result, `Drafting note: ${plainText(note)}`);
  return result;
}

function tableBlock(context: Context, block: Extract<Block, { kind: "table" }>): string {
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length), 1);
  const rows = [block.header, ...block.rows];
  const texts = rows.map((row) =>
    Array.from({ length: columns }, (_, c) => plainText(row[c] ?? [])),
  );
  const widths = columnWidths(texts, columns, PAGE.textWidth * TWIPS_PER_POINT);
  const cells: TableCellXml[][] = rows.map((row, r) =>
    Array.from({ length: columns }, (_, c) => ({
      content: paragraph(runsOf(context, row[c] ?? [], r === 0 ? { bold: true } : {}), {
        style: STYLE_IDS.tableText,
      }),
      shade: r === 0 ? "D9E2F3" : undefined,
    })),
  );
  context.flow.startTable();
  texts.forEach((row, r) => {
    const cells = row.map((text, c) => ({
      text,
      // The cell's margins (80 twips each side) come out of its width.
      width: (widths[c] ?? 0) / TWIPS_PER_POINT - 8,
    }));
    context.flow.row(cells, TABLE_TEXT_SIZE / 2, r === 0);
  });
  context.flow.endTable();
  context.flow.paragraph({ text: "", size: 6, indent: 0, spaceBefore: 0, spaceAfter: 6 });
  return table(cells, widths);
}

function chartBlock(context: Context, spec: ChartSpec, notes: readonly Inline[][]): string {
  if (!chartHasData(spec)) {
    // An empty chart frame would look broken; the sentence says why there is nothing to see.
    const text = `${spec.title}: no figures to show yet.`;
    context.flow.paragraph({
      text,
      size: context.size,
      indent: 0,
      spaceBefore: 0,
      spaceAfter: SPACE_AFTER_POINTS,
    });
    return paragraph(withNotes(context, run(text, { italic: true }), notes), {
      style: STYLE_IDS.chart,
    });
  }
  context.charts.push(spec);
  const size = chartSize(spec, PAGE.textWidth);
  context.flow.block(size.height + 2 * SPACE_AFTER_POINTS);
  const drawing = inlineChartRun(context.charts.length, spec, size);
  return paragraph(withNotes(context, drawing, notes), { style: STYLE_IDS.chart });
}

/** A cell's left and right margins (80 twips each) and a little room for the borders, in twips. */
const CELL_PADDING = 200;

/**
 * Column widths (twips): each column gets room for its longest word, bold in
 * the header row, measured in the table's font (so "Contribution" or
 * "£162,500" never breaks mid-word), and what is left is shared by how much
 * text the column holds.
 */
function columnWidths(rowTexts: readonly string[][], columns: number, total: number): number[] {
  const size = TABLE_TEXT_SIZE / 2;
  const twips = (text: string, bold: boolean) => textWidth(text, size, bold) * TWIPS_PER_POINT;
  const minimum = Array.from({ length: columns }, (_, c) => {
    let widest = twips("MMM", false);
    rowTexts.forEach((row, r) => {
      for (const word of (row[c] ?? "").split(/\s+/))
        widest = Math.max(widest, twips(word, r === 0));
    });
    return Math.ceil(widest) + CELL_PADDING;
  });
  const needed = minimum.reduce((a, b) => a + b, 0);
  if (needed >= total) return minimum.map((w) => (w / needed) * total);
  const want = minimum.map((w, c) =>
    Math.max(
      0,
      Math.max(...rowTexts.map((row, r) => twips(row[c] ?? "", r === 0))) + CELL_PADDING - w,
    ),
  );
  const wanted = want.reduce((a, b) => a + b, 0);
  const spare = total - needed;
  return minimum
    .map(
      (w, c) =>
        w +
        (wanted === 0
          ? spare / columns
          : Math.min(want[c] ?? 0, ((want[c] ?? 0) / wanted) * spare)),
    )
    .map((w, _c, all) => (w / all.reduce((a, b) => a + b, 0)) * total);
}

/** The texts of the `::: together` group the paragraph at `index` is in, and whether it starts or ends it. */
function groupAround(
  numbered: readonly NumberedBlock[],
  index: number,
): { members: string[]; first: boolean; last: boolean } {
  const groupOf = (i: number): number | undefined => {
    const block = numbered[i]?.block;
    return block?.kind === "paragraph" ? block.group : undefined;
  };
  const group = groupOf(index);
  // Drafting notes between a group's paragraphs are comments, not paragraphs: step over them.
  const step = (i: number, by: 1 | -1) => {
    let j = i + by;
    while (numbered[j]?.block.kind === "note") j += by;
    return j;
  };
  const first = groupOf(step(index, -1)) !== group;
  const last = groupOf(step(index, 1)) !== group;
  const members: string[] = [];
  if (first) {
    for (let i = index; groupOf(i) === group; i = step(i, 1)) {
      const block = numbered[i]?.block;
      if (block?.kind === "paragraph") members.push(plainText(block.content));
    }
  }
  return { members, first, last };
}

function introducesChart(numbered: readonly NumberedBlock[], index: number): boolean {
  for (let next = index + 1; next < numbered.length; next++) {
    const kind = numbered[next]?.block.kind;
    if (kind !== "note") return kind === "chart";
  }
  return false;
}

/** Notes that follow a block are attached to it as comments; notes are never paragraphs of their own. */
function gatherNotes(numbered: readonly NumberedBlock[]): Map<number, Inline[][]> {
  const notes = new Map<number, Inline[][]>();
  let owner = -1;
  numbered.forEach((entry, index) => {
    if (entry.block.kind === "note") {
      const target = owner >= 0 ? owner : numbered.findIndex((e) => e.block.kind !== "note");
      if (target < 0) return;
      notes.set(target, [...(notes.get(target) ?? []), entry.block.content]);
    } else if (entry.block.kind !== "pageBreak") {
      owner = index;
    }
  });
  return notes;
}

export function buildBody(
  numbered: readonly NumberedBlock[],
  comments: Comments,
  bodySize: number,
  /** Each chart block's chart, resolved by the builder (charts are computed only when used). */
  charts: ReadonlyMap<Block, ChartSpec> = new Map(),
  references: ReferenceFields = new ReferenceFields(),
): Body {
  const context: Context = {
    comments,
    flow: new PageFlow(),
    size: bodySize / 2,
    bookmarks: 0,
    charts: [],
    references,
  };
  const parts: string[] = [];
  const contents: ContentsEntry[] = [];
  // Each contents entry's heading, placed by the flow once it knows what follows the heading.
  const placements: Placement[] = [];
  const notes = gatherNotes(numbered);
  const size = context.size;
  numbered.forEach((entry, index) => {
    const block = entry.block;
    const own = notes.get(index) ?? [];
    // Text that leads into a chart stays on the chart's page.
    const keepNext = introducesChart(numbered, index) || undefined;
    switch (block.kind) {
      case "schedule": {
        context.flow.pageBreak();
        const title = runsOf(context, block.title);
        // "SCHEDULE 3" is the list's number; the title goes on the line below it.
        const referred = referable(
          context,
          references.scheduleBookmark(entry.schedule ?? 0),
          `<w:r><w:br/></w:r>${title}`,
        );
        const marked = bookmarked(
          context,
          referable(context, references.bookmarkOf(block.id), referred),
        );
        const placed = context.flow.paragraph({
          text: `Schedule ${entry.number ?? ""}\n${plainText(block.title)}`,
          size: 12,
          bold: true,
          indent: 0,
          spaceBefore: 0,
          spaceAfter: 12,
          keepNext: true,
        });
        placements.push(placed);
        contents.push({
          title: `Schedule ${entry.number}: ${plainText(block.title)}`,
          level: 1,
          bodyPage: 0,
          bookmark: marked.name,
        });
        parts.push(
          paragraph(withNotes(context, marked.xml, own), {
            style: STYLE_IDS.schedule,
            pageBreakBefore: true,
            numbering: SCHEDULE_NUMBERING,
          }),
        );
        break;
      }
      case "clause": {
        const text = plainText(block.content);
        if (block.level === 1) {
          const placed = context.flow.paragraph({
            text,
            size: 12,
            bold: true,
            indent: entry.number ? 36 : 0,
            spaceBefore: 12,
            spaceAfter: 6,
            keepNext: true,
          });
          const runs = runsOf(context, block.content);
          if (entry.number) {
            const marked = bookmarked(
              context,
              referable(context, references.bookmarkOf(block.id), runs),
            );
            placements.push(placed);
            contents.push({
              title: `${entry.number}.\t${text}`,
              level: entry.schedule === null ? 1 : 2,
              bodyPage: 0,
              bookmark: marked.name,
            });
            parts.push(
              paragraph(withNotes(context, marked.xml, own), {
                style: STYLE_IDS.heading1,
                numbering: clauseNumbering(1, entry.schedule !== null),
                // Listed one level down in the contents page, as Word's TOC field would list it.
                outlineLevel: entry.schedule === null ? undefined : 1,
              }),
            );
          } else {
            parts.push(
              paragraph(withNotes(context, runs, own), { style: STYLE_IDS.heading1Unnumbered }),
            );
          }
        } else if (entry.number) {
          const left = textLeft(block.level);
          context.flow.paragraph({
            text,
            size,
            indent: left / TWIPS_PER_POINT,
            spaceBefore: 0,
            spaceAfter: SPACE_AFTER_POINTS,
            keepNext,
          });
          const runs = referable(
            context,
            references.bookmarkOf(block.id),
            runsOf(context, block.content),
          );
          parts.push(
            paragraph(withNotes(context, runs, own), {
              style: block.level === 2 ? STYLE_IDS.clause2 : STYLE_IDS.clause3,
              keepNext,
              numbering: clauseNumbering(block.level, entry.schedule !== null),
            }),
          );
        } else {
          context.flow.paragraph({
            text,
            size,
            bold: true,
            indent: textLeft(block.level) / TWIPS_PER_POINT,
            spaceBefore: 6,
            spaceAfter: 4,
            keepNext: true,
          });
          parts.push(
            paragraph(withNotes(context, runsOf(context, block.content), own), {
              style: STYLE_IDS.subheading,
              keepNext: true,
            }),
          );
        }
        break;
      }
      case "item": {
        const style = STYLE_IDS.list(entry.indent, block.depth);
        context.flow.paragraph({
          text: plainText(block.content),
          size,
          indent: (textLeft(entry.indent) + 720 * block.depth) / TWIPS_PER_POINT,
          spaceBefore: 0,
          spaceAfter: 4,
          keepNext,
        });
        const runs = `${run(`${entry.number ?? ""}\t`)}${runsOf(context, block.content)}`;
        parts.push(paragraph(withNotes(context, runs, own), { style, keepNext }));
        break;
      }
      case "paragraph": {
        const measure = {
          text: plainText(block.content),
          size,
          indent: textLeft(entry.indent) / TWIPS_PER_POINT,
          spaceBefore: 0,
          spaceAfter: SPACE_AFTER_POINTS,
          keepNext,
        };
        const group = block.group === undefined ? null : groupAround(numbered, index);
        // A `::: together` group (a signature block) starts a page rather than split.
        if (group?.first)
          context.flow.keepTogether(group.members.map((m) => ({ ...measure, text: m })));
        context.flow.paragraph(measure);
        parts.push(
          paragraph(withNotes(context, runsOf(context, block.content), own), {
            style: STYLE_IDS.body(entry.indent),
            keepNext: keepNext || (group !== null && !group.last) || undefined,
            keepLines: group !== null || undefined,
          }),
        );
        break;
      }
      case "table":
        parts.push(tableBlock(context, block));
        // Word needs a paragraph between a table and whatever follows it; notes on the table hang here.
        parts.push(
          paragraph(withNotes(context, "", own), { style: STYLE_IDS.afterTable, keepNext }),
        );
        break;
      case "pageBreak":
        context.flow.pageBreak();
        parts.push(paragraph(pageBreakRun()));
        break;
      case "chart": {
        const spec = charts.get(block);
        if (spec) parts.push(chartBlock(context, spec, own));
        break;
      }
      case "note":
        break;
    }
  });
  context.flow.pageBreak();
  contents.forEach((entry, i) => (entry.bodyPage = placements[i]?.page ?? 0));
  return { xml: parts, contents, charts: context.charts };
}

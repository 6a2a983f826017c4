/**
 * An estimate of where pages break, so the contents page is written already
 * filled in with the pages the headings fall on. docx's own `docx/layout`
 * estimator lays pages out as Word does but takes about half a second per
 * agreement; this one wraps each paragraph's words with Arial's widths
 * (text-width.ts), splits paragraphs across pages, moves headings (keepNext)
 * and table rows (cantSplit) whole, and repeats table header rows, in well
 * under a millisecond. The contents test holds it to LibreOffice's layout;
 * Word refreshes the contents field on opening (settings' updateFields).
 */

import { lineCount } from "./text-width.js";

/** A4 with 2.54 cm margins, in points. */
export const PAGE = { textWidth: 451.3, textHeight: 697.9 };

const LINE_HEIGHT = 1.15;

export interface ParagraphMeasure {
  text: string;
  /** Points. */
  size: number;
  /** How much narrower than the text column the paragraph's lines are, in points. */
  indent: number;
  spaceBefore: number;
  spaceAfter: number;
  bold?: boolean;
  /** A heading: it moves to the next page rather than end a page on its own. */
  keepNext?: boolean;
  /** A paragraph that never splits across pages. */
  keepLines?: boolean;
}

/** Where a paragraph landed: filled in once the flow has placed it (a heading waits for what follows). */
export interface Placement {
  page: number;
}

/** Lines a paragraph keeps together at either side of a page break (widow and orphan control). */
const WIDOW_LINES = 2;

interface Laid {
  measure: ParagraphMeasure;
  lines: number;
  line: number;
  placement: Placement;
}

export class PageFlow {
  /** 0-based page of the flow, counted from where it started. */
  page = 0;
  private y = 0;
  private lastSpaceAfter = 0;
  /** The header row's height while a table is being laid out: it repeats on each page. */
  private tableHeader = 0;
  /** Headings (keepNext) waiting for what follows them: they go to the page it starts on. */
  private kept: Laid[] = [];

  /**
   * Adds a paragraph: its lines fill the page and the rest runs on to the
   * next, keeping two lines at either side of the break; space before is
   * dropped at the top of a page. A heading is placed with what follows it.
   */
  paragraph(measure: ParagraphMeasure): Placement {
    const width = Math.max(20, PAGE.textWidth - measure.indent);
    const lines = lineCount(measure.text, width, measure.size, measure.bold);
    const laid = {
      measure,
      lines,
      line: measure.size * LINE_HEIGHT,
      placement: { page: this.page },
    };
    if (measure.keepNext) {
      this.kept.push(laid);
      return laid.placement;
    }
    const splits = !measure.keepLines && lines >= 2 * WIDOW_LINES;
    this.placeKept(
      this.spaceBefore(measure.spaceBefore) + (splits ? WIDOW_LINES : lines) * laid.line,
    );
    this.lay(laid, splits);
    return laid.placement;
  }

  /** Starts a new page unless all these paragraphs fit on what is left of this one. */
  keepTogether(measures: readonly ParagraphMeasure[]): void {
    let height = 0;
    for (const m of measures) {
      const lines = lineCount(m.text, Math.max(20, PAGE.textWidth - m.indent), m.size, m.bold);
      height += m.spaceBefore + lines * m.size * LINE_HEIGHT + m.spaceAfter;
    }
    this.placeKept(height);
    if (this.y > 0 && this.y + height > PAGE.textHeight) this.newPage();
  }

  /** Starts a table: its first row, the header, repeats on every page it runs on to. */
  startTable(): void {
    this.tableHeader = 0;
  }

  endTable(): void {
    this.tableHeader = 0;
  }

  /**
   * A table row whose cells are each `text` in a column `width` points wide;
   * rows never split (cantSplit), so a row that does not fit starts the next page.
   */
  row(cells: readonly { text: string; width: number }[], size: number, header: boolean): void {
    const lines = Math.max(
      1,
      ...cells.map((cell) => lineCount(cell.text, Math.max(8, cell.width), size, header)),
    );
    const height = lines * size * LINE_HEIGHT + ROW_PADDING;
    this.placeKept(header ? 2 * height : height);
    if (header) this.tableHeader += height;
    if (this.y > 0 && this.y + height > PAGE.textHeight) {
      this.newPage();
      if (!header) this.y += this.tableHeader;
    }
    this.y += height;
    this.lastSpaceAfter = 0;
  }

  /** Something of a fixed height that cannot break across pages (a chart). */
  block(height: number): Placement {
    this.placeKept(height);
    if (this.y > 0 && this.y + height > PAGE.textHeight) this.newPage();
    this.y += height;
    this.lastSpaceAfter = 0;
    return { page: this.page };
  }

  pageBreak(): void {
    this.placeKept(0);
    if (this.y > 0) this.newPage();
  }

  /** Places the waiting headings where `following` points of what follows them still fit after them. */
  private placeKept(following: number): void {
    if (this.kept.length === 0) return;
    let height = 0;
    let after = this.lastSpaceAfter;
    for (const k of this.kept) {
      height +=
        Math.max(0, k.measure.spaceBefore - after) + k.lines * k.line + k.measure.spaceAfter;
      after = k.measure.spaceAfter;
    }
    if (this.y > 0 && this.y + height + following > PAGE.textHeight) this.newPage();
    const kept = this.kept;
    this.kept = [];
    for (const k of kept) this.lay(k, false);
  }

  private lay(laid: Laid, splits: boolean): void {
    const { measure, line } = laid;
    let remaining = laid.lines;
    const whole = this.spaceBefore(measure.spaceBefore) + remaining * line;
    if (this.y > 0 && this.y + whole > PAGE.textHeight) {
      const room = Math.floor(
        (PAGE.textHeight - this.y - this.spaceBefore(measure.spaceBefore)) / line,
      );
      // What does not fit runs on, keeping two lines at either side of the break.
      if (!splits || room < WIDOW_LINES) this.newPage();
    }
    this.y += this.spaceBefore(measure.spaceBefore);
    laid.placement.page = this.page;
    while (this.y + remaining * line > PAGE.textHeight) {
      let fit = Math.floor((PAGE.textHeight - this.y) / line);
      fit = Math.min(fit, remaining - WIDOW_LINES);
      if (fit < WIDOW_LINES) {
        this.newPage();
        continue;
      }
      remaining -= fit;
      this.newPage();
    }
    this.y += remaining * line + measure.spaceAfter;
    this.lastSpaceAfter = measure.spaceAfter;
  }

  /**
   * The space a paragraph's "space before" adds: none at the top of a page,
   * and only what exceeds the previous paragraph's "space after" (the two
   * overlap, as LibreOffice lays them out).
   */
  private spaceBefore(before: number): number {
    return this.y > 0 ? Math.max(0, before - this.lastSpaceAfter) : 0;
  }

  private newPage(): void {
    this.page++;
    this.y = 0;
    this.lastSpaceAfter = 0;
  }
}

/** A row's cell margins (top and bottom) and borders, in points. */
const ROW_PADDING = 4.5;

/**
 * Pages the contents page takes: its heading ("Contents", 14 pt, 12 pt
 * after) and a line per entry (3 pt after at level 1, 2 pt at level 2, as
 * styles.ts has TOC1 and TOC2), a long title wrapping before the page number.
 */
export function contentsPages(
  entries: readonly { title: string; level: number }[],
  size: number,
): number {
  let height = 28;
  for (const entry of entries) {
    const indent = entry.level === 1 ? 28 : 57;
    const lines = lineCount(entry.title.replace(/\t/g, " "), PAGE.textWidth - indent - 20, size);
    height += lines * size * LINE_HEIGHT + (entry.level === 1 ? 3 : 2);
  }
  return Math.max(1, Math.ceil(height / PAGE.textHeight));
}

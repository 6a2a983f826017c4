/**
 * A quick estimate of where pages break, so the table of contents can be
 * written already filled in (Word then opens the file without asking to
 * update fields). docx's own `docx/layout` estimator lays pages out as Word
 * does but takes about half a second per agreement; this one counts lines
 * from average character widths in a few microseconds, which is close enough
 * for a contents page of a first draft. Word's "Update table" makes them exact.
 */

/** A4 with 2.54 cm margins, in points. */
export const PAGE = { textWidth: 451.3, textHeight: 697.9 };

/** Average character width of Arial-like fonts as a fraction of the size. */
const CHAR_WIDTH = 0.5;
const LINE_HEIGHT = 1.15;

export class PageFlow {
  /** 0-based page of the flow, counted from where it started. */
  page = 0;
  private y = 0;

  /** Adds a paragraph of `chars` characters set at `size` points in a column `indent` points narrower. */
  paragraph(
    chars: number,
    size: number,
    indent: number,
    spaceBefore: number,
    spaceAfter: number,
  ): void {
    const perLine = Math.max(10, Math.floor((PAGE.textWidth - indent) / (size * CHAR_WIDTH)));
    const lines = Math.max(1, Math.ceil(chars / perLine));
    this.advance(spaceBefore + lines * size * LINE_HEIGHT + spaceAfter);
  }

  /** A table row whose tallest cell holds `chars` characters in a column `width` points wide. */
  row(chars: number, width: number, size: number): void {
    const perLine = Math.max(4, Math.floor(width / (size * CHAR_WIDTH)));
    const lines = Math.max(1, Math.ceil(chars / perLine));
    this.advance(lines * size * LINE_HEIGHT + 4);
  }

  /** Something of a fixed height that cannot break across pages (a chart). */
  block(height: number): void {
    this.advance(height);
  }

  pageBreak(): void {
    if (this.y > 0) {
      this.page++;
      this.y = 0;
    }
  }

  private advance(height: number): void {
    if (this.y + height > PAGE.textHeight && this.y > 0) {
      this.page++;
      this.y = 0;
    }
    this.y += height;
  }
}

/** Pages a contents list of `entries` lines takes, with its heading. */
export function contentsPages(entries: number, size: number): number {
  const height = 40 + entries * (size * LINE_HEIGHT + 6);
  return Math.max(1, Math.ceil(height / PAGE.textHeight));
}

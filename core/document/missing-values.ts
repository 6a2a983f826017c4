import type { Block, ParsedMarkup } from "./markup/blocks.js";
import type { Inline } from "./markup/inline.js";
import type { MissingValue } from "./word/runs.js";

/*
 * Apart from build.ts, which also writes the Word file: check and the reports
 * need the missing values without the docx library (the add-in loads that
 * only when a document is made).
 */

/** Calls `visit` with each piece of inline text in the block, in reading order. */
export function eachInline(block: Block, visit: (content: readonly Inline[]) => void): void {
  switch (block.kind) {
    case "clause":
    case "paragraph":
    case "item":
    case "note":
      return visit(block.content);
    case "schedule":
      return visit(block.title);
    case "table":
      block.header.forEach(visit);
      for (const row of block.rows) row.forEach(visit);
      return;
    case "pageBreak":
    case "chart":
      return;
  }
}

/** Every missing value the document would print, in order, each once. */
export function missingValues(parsed: ParsedMarkup): MissingValue[] {
  const seen = new Map<string, MissingValue>();
  // A visitor rather than flattened copies: this runs for every document of a batch.
  const visit = (content: readonly Inline[]) => {
    for (const part of content) {
      if (part.kind === "missing")
        seen.set(`${part.label}|${part.location}`, { label: part.label, location: part.location });
    }
  };
  visit(parsed.front.title);
  visit(parsed.front.subtitle);
  parsed.front.lines.forEach(visit);
  for (const block of parsed.blocks) eachInline(block, visit);
  return [...seen.values()];
}

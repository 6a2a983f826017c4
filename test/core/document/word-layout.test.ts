import { describe, expect, it } from "vitest";
import { numberClauses } from "../../../core/document/clauses.js";
import { parseMarkup } from "../../../core/document/markup/blocks.js";
import { buildBody } from "../../../core/document/word/body.js";
import { PageFlow } from "../../../core/document/word/page-estimate.js";
import { Comments } from "../../../core/document/word/runs.js";
import { textWidth } from "../../../core/document/word/text-width.js";
import { docxParts } from "../../support/docx-text.js";
import { build, example } from "./fixtures.js";

/**
 * How the agreement sits on the page: headings stay with what follows them,
 * a signature block never splits across pages, table rows never split and
 * no word of a table's header row breaks across lines.
 */

function styleXml(styles: string, id: string): string {
  return (
    new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? ""
  );
}

function bodyOf(markup: string): string[] {
  const parsed = parseMarkup(markup);
  expect(parsed.issues).toEqual([]);
  const { numbered } = numberClauses(parsed.blocks);
  return [...buildBody(numbered, new Comments(false), 22).xml];
}

describe("Word layout", () => {
  it("keeps every heading with its first paragraph and on one page", async () => {
    const result = await build("agreement", await example());
    const parts = await docxParts(result.bytes ?? new Uint8Array());
    const styles = parts.get("word/styles.xml") ?? "";
    for (const id of ["ClauseHeading", "ScheduleHeading", "PartHeading", "ClauseSubheading"]) {
      const style = styleXml(styles, id);
      expect(style, id).toContain("<w:keepNext/>");
      expect(style, id).toContain("<w:keepLines/>");
    }
    // Unnumbered headings ("Parties", "Execution") stay out of the contents when Word refreshes it, as they are out of the written one.
    expect(styleXml(styles, "PartHeading")).toContain('<w:outlineLvl w:val="9"/>');
  }, 60_000);

  it("keeps a ::: together group (a signature block) on one page", () => {
    const xml = bodyOf(
      [
        "Before.",
        "",
        "::: together",
        "**Signed for and on behalf of A**",
        "",
        "Signature: ....",
        "",
        "Date: ....",
        ":::",
        "",
        "After.",
      ].join("\n"),
    );
    const paragraphOf = (text: string) => xml.find((p) => p.includes(text)) ?? "";
    for (const line of ["Signed for", "Signature:"]) {
      expect(paragraphOf(line)).toContain("<w:keepNext/>");
      expect(paragraphOf(line)).toContain("<w:keepLines/>");
    }
    // The last line of the block keeps its lines, but not with whatever follows the block.
    expect(paragraphOf("Date:")).toContain("<w:keepLines/>");
    expect(paragraphOf("Date:")).not.toContain("<w:keepNext/>");
    expect(paragraphOf("Before.")).not.toContain("<w:keep");
    expect(paragraphOf("After.")).not.toContain("<w:keep");
  });

  it("keeps the example's signature blocks whole", async () => {
    const result = await build("agreement", await example());
    const parts = await docxParts(result.bytes ?? new Uint8Array());
    const document = parts.get("word/document.xml") ?? "";
    const signed = document.match(/<w:p>(?:(?!<\/w:p>).)*Signed for and on behalf of.*?<\/w:p>/g);
    expect(signed?.length).toBeGreaterThan(1);
    for (const p of signed ?? []) expect(p).toMatch(/<w:keepNext\/><w:keepLines\/>/);
  }, 60_000);

  it("never splits a table row, and gives every header word room on one line", async () => {
    const result = await build("agreement", await example());
    const parts = await docxParts(result.bytes ?? new Uint8Array());
    const document = parts.get("word/document.xml") ?? "";
    const tables = document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThan(2);
    for (const table of tables) {
      const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
      for (const row of rows) expect(row).toContain("<w:cantSplit/>");
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      const header = rows[0] ?? "";
      const cells = header.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
      cells.forEach((cell, c) => {
        const text = [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
          .map((m) => m[1])
          .join("");
        // The cell's text area: its column less the 80-twip margins at each side.
        const room = (grid[c] ?? 0) - 160;
        for (const word of text.split(/\s+/).filter(Boolean))
          expect(
            textWidth(word, 9, true) * 20,
            `"${word}" in a ${room}-twip cell`,
          ).toBeLessThanOrEqual(room);
      });
    }
  }, 60_000);
});

describe("page estimate", () => {
  const paragraph = (lines: number, keepNext = false) => ({
    // An 80-character word (440 pt) per line, so each is exactly one line of 11 pt Arial.
    text: Array.from({ length: lines }, () => "x".repeat(80)).join(" "),
    size: 11,
    indent: 0,
    spaceBefore: 0,
    spaceAfter: 0,
    keepNext,
  });

  it("runs a long paragraph on to the next page, two lines at least on each side", () => {
    const flow = new PageFlow();
    // 697.9 pt of text height holds 55 lines of 12.65 pt.
    flow.paragraph(paragraph(54));
    const placed = flow.paragraph(paragraph(3));
    // Three lines cannot leave two on each side of the break: the paragraph moves whole.
    expect(placed.page).toBe(1);
  });

  it("moves a heading to the next page with its paragraph", () => {
    const flow = new PageFlow();
    flow.paragraph(paragraph(53));
    const heading = flow.paragraph({ ...paragraph(1), keepNext: true, bold: true });
    expect(heading.page).toBe(0);
    flow.paragraph(paragraph(2));
    expect(heading.page).toBe(1);
  });
});

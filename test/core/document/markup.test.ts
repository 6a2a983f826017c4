import { describe, expect, it } from "vitest";
import { dataText, Missing } from "../../../core/document/escape.js";
import { parseMarkup } from "../../../core/document/markup/blocks.js";
import { parseInline, plainText } from "../../../core/document/markup/inline.js";

describe("clause markup parser", () => {
  it("reads clause levels, anchors and unnumbered headings", () => {
    const { blocks } = parseMarkup(
      [
        "# Parties {-}",
        "# Definitions {#defs}",
        "## The first sub-clause",
        "runs on here. {#not-an-anchor}",
        "### Deeper {#deep}",
      ].join("\n"),
    );
    expect(blocks.map((b) => b.kind)).toEqual(["clause", "clause", "clause", "clause"]);
    const [parties, defs, sub, deep] = blocks as Extract<
      (typeof blocks)[number],
      { kind: "clause" }
    >[];
    expect(parties).toMatchObject({ level: 1, numbered: false, id: null });
    expect(defs).toMatchObject({ level: 1, numbered: true, id: "defs" });
    expect(plainText(sub!.content)).toBe("The first sub-clause runs on here. {#not-an-anchor}");
    expect(deep).toMatchObject({ level: 3, id: "deep" });
  });

  it("reads lists, notes, schedules, tables, page breaks and directives", () => {
    const { blocks, properNouns, front } = parseMarkup(
      [
        "---",
        "title: AGREEMENT",
        "line: one",
        "line: two",
        "clause-word: paragraph",
        "---",
        "%% proper-nouns: Health Act; Care Act",
        "- first",
        "  - nested",
        "1. party",
        "A. recital",
        "> NOTE: check this",
        "> and this",
        "SCHEDULE: Partners {#sched}",
        "| A | B\\|C |",
        "|---|---|",
        "| 1 | |",
        "[page break]",
        "A plain paragraph",
        "that continues.",
      ].join("\n"),
    );
    expect(plainText(front.title)).toBe("AGREEMENT");
    expect(front.lines.map(plainText)).toEqual(["one", "two"]);
    expect(front.clauseWord).toBe("paragraph");
    expect(properNouns).toEqual(["Health Act", "Care Act"]);
    expect(blocks.map((b) => b.kind)).toEqual([
      "item",
      "item",
      "item",
      "item",
      "note",
      "schedule",
      "table",
      "pageBreak",
      "paragraph",
    ]);
    expect(blocks.slice(0, 4).map((b) => (b.kind === "item" ? [b.depth, b.style] : null))).toEqual([
      [1, "letter"],
      [2, "letter"],
      [1, "number"],
      [1, "upper"],
    ]);
    const note = blocks[4];
    expect(note?.kind === "note" && plainText(note.content)).toBe("check this and this");
    const table = blocks[6];
    if (table?.kind !== "table") throw new Error("expected a table");
    expect(table.header.map(plainText)).toEqual(["A", "B|C"]);
    expect(table.rows.map((r) => r.map(plainText))).toEqual([["1", ""]]);
    const paragraph = blocks[8];
    expect(paragraph?.kind === "paragraph" && plainText(paragraph.content)).toBe(
      "A plain paragraph that continues.",
    );
  });

  it("reads inline bold, italic, escapes, references and missing values", () => {
    const inline = parseInline(
      `**"Term"** means *this* \\*literal\\* [[clause:x]] and [[Clause:y]] or [[ref:z]]${new Missing("Host partner", "Partnership!B9")}`,
    );
    expect(inline[0]).toMatchObject({ kind: "text", text: '"Term"', bold: true });
    expect(
      inline
        .filter((p) => p.kind === "ref")
        .map((p) => (p.kind === "ref" ? [p.form, p.target] : null)),
    ).toEqual([
      ["clause", "x"],
      ["Clause", "y"],
      ["ref", "z"],
    ]);
    expect(inline.at(-1)).toEqual({
      kind: "missing",
      label: "Host partner",
      location: "Partnership!B9",
    });
    expect(plainText(inline)).toContain("*literal*");
  });

  it("never reads workbook text as markup", () => {
    const hostile =
      "**not bold** [[clause:x]] # heading | cell {{constructor}} <script> & \\n {#id}";
    const inline = parseInline(`before ${dataText(hostile)} after`);
    expect(plainText(inline)).toBe(`before ${hostile} after`);
    expect(inline.every((p) => p.kind === "text" && !p.bold)).toBe(true);
    const { blocks } = parseMarkup(`${dataText("# not a heading")}\n${dataText("- not an item")}`);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.kind).toBe("paragraph");
  });

  it("turns a line break in workbook text into a break, not a new block", () => {
    const inline = parseInline(dataText("County Hall\nCastle Street"));
    expect(inline.map((p) => p.kind)).toEqual(["text", "break", "text"]);
  });

  it("reports a malformed cross-reference", () => {
    const issues: { message: string; snippet: string }[] = [];
    parseInline("see [[clasue:x]]", issues);
    expect(issues[0]?.snippet).toBe("[[clasue:x]]");
  });
});

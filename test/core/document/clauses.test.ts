import { describe, expect, it } from "vitest";
import { numberClauses, resolveReferences } from "../../../core/document/clauses.js";
import { parseMarkup } from "../../../core/document/markup/blocks.js";
import { plainText } from "../../../core/document/markup/inline.js";

function numbered(markup: string, clauseWord = "clause") {
  const { blocks } = parseMarkup(markup);
  const result = numberClauses(blocks);
  const unresolved = resolveReferences(result.numbered, result.targets, clauseWord);
  const lines = result.numbered.map((entry) => {
    const block = entry.block;
    const text =
      "content" in block
        ? plainText(block.content)
        : block.kind === "schedule"
          ? plainText(block.title)
          : block.kind;
    return `${entry.number ?? "-"} ${text}`;
  });
  return { ...result, unresolved, lines };
}

describe("clause numbering", () => {
  it("numbers three levels and restarts lower levels", () => {
    const { lines } = numbered(
      ["# One", "## a", "### i", "### ii", "## b", "# Two", "## c"].join("\n\n"),
    );
    expect(lines).toEqual(["1 One", "1.1 a", "1.1.1 i", "1.1.2 ii", "1.2 b", "2 Two", "2.1 c"]);
  });

  it("renumbers when an optional clause drops out, and references follow", () => {
    const withPooled = numbered(
      [
        "# Contributions",
        "# Pooled fund {#pooled}",
        "# Risk share {#risk}",
        "# Notices",
        "## See [[clause:risk]].",
      ].join("\n\n"),
    );
    const without = numbered(
      ["# Contributions", "# Risk share {#risk}", "# Notices", "## See [[clause:risk]]."].join(
        "\n\n",
      ),
    );
    expect(withPooled.lines.at(-1)).toBe("4.1 See clause 3.");
    expect(without.lines.at(-1)).toBe("3.1 See clause 2.");
  });

  it("gives schedules their own numbering and says where a paragraph is", () => {
    const { lines } = numbered(
      [
        "# Terms {#terms}",
        "## Schedule ref [[clause:tor]], paragraph ref [[clause:tor-quorum]], [[Clause:terms]], bare [[ref:terms]].",
        "SCHEDULE: Partners {#partners}",
        "# Partners list",
        "SCHEDULE: Terms of reference {#tor}",
        "# Purpose",
        "# Quorum {#tor-quorum}",
        "## See [[clause:tor-quorum]] and [[clause:partners]].",
      ].join("\n\n"),
    );
    expect(lines).toEqual([
      "1 Terms",
      // A reference to the clause it sits in reads "this clause" (issue 10); a bare number stays.
      "1.1 Schedule ref Schedule 2, paragraph ref paragraph 2 of Schedule 2, This clause, bare 1.",
      "1 Partners",
      "1 Partners list",
      "2 Terms of reference",
      "1 Purpose",
      "2 Quorum",
      "2.1 See this paragraph and Schedule 1.",
    ]);
  });

  it("uses the document's word for its clauses", () => {
    const { lines } = numbered(
      ["# Membership {#members}", "# Quorum", "## As in [[clause:members]]."].join("\n\n"),
      "paragraph",
    );
    expect(lines.at(-1)).toBe("2.1 As in paragraph 1.");
  });

  it("letters lists and restarts them under each clause", () => {
    const { lines } = numbered(
      ["## x", "- a", "- b", "  - i", "  - ii", "- c", "## y", "- d", "1. p", "A. r"].join("\n"),
    );
    expect(lines.map((l) => l.split(" ")[0])).toEqual([
      "0.1",
      "(a)",
      "(b)",
      "(i)",
      "(ii)",
      "(c)",
      "0.2",
      "(a)",
      "(1)",
      "(A)",
    ]);
  });

  it("reports broken references, duplicate ids and skipped levels", () => {
    const result = numbered(
      ["## too deep", "# A {#a}", "# B {#a}", "## see [[clause:nowhere]]"].join("\n\n"),
    );
    expect(result.unresolved).toEqual(["[[clause:nowhere]]"]);
    expect(result.issues.map((i) => i.message)).toEqual([
      "A level 2 clause (##) comes before any level 1 clause",
      "Clause id {#a} is used twice",
    ]);
    expect(result.lines.at(-1)).toContain("[BROKEN REFERENCE: nowhere]");
  });
});

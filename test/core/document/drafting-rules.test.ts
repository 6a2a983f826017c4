import { describe, expect, it } from "vitest";
import { numberClauses, resolveReferences } from "../../../core/document/clauses.js";
import { checkDefinedTerms, lowerCaseTermUses } from "../../../core/document/defined-terms.js";
import { parseMarkup } from "../../../core/document/markup/blocks.js";
import { plainText } from "../../../core/document/markup/inline.js";

/** Issue 10: defined terms used consistently, and a clause that refers to itself. */

function resolved(markup: string, clauseWord = "clause") {
  const { blocks, properNouns } = parseMarkup(markup);
  const { numbered, targets } = numberClauses(blocks);
  resolveReferences(numbered, targets, clauseWord);
  return {
    numbered,
    properNouns,
    lines: numbered.map((e) => {
      const b = e.block;
      return `${e.number ?? "-"} ${"content" in b ? plainText(b.content) : b.kind}`;
    }),
  };
}

describe("defined terms in lower case", () => {
  it('reports "five working days" where "Working Day" is defined, once per phrase', () => {
    const { numbered, properNouns } = resolved(
      [
        "# Definitions",
        '## **"Working Day"** means a day other than a weekend.',
        "# Notices",
        "## A notice takes five working days, or two Working Days by hand.",
        "## Papers go out five working days ahead.",
      ].join("\n\n"),
    );
    const issues = checkDefinedTerms(numbered, properNouns).filter((i) =>
      i.message.includes("lower case"),
    );
    expect(issues).toEqual([
      {
        severity: "warning",
        message:
          '"working days" is in lower case but "Working Day" is a defined term: write "Working Day" if the definition is meant, or reword',
        snippet: "working days",
      },
    ]);
  });

  it("leaves one-word terms alone, and the lower-case lead-in of the sentence that defines the term", () => {
    expect(
      lowerCaseTermUses(
        ["Partner", "Pooled Fund"],
        ["each partner pays", "the partners establish a pooled fund (the \u0000)"],
        [[], ["Pooled Fund"]],
      ),
    ).toEqual([]);
    expect(lowerCaseTermUses(["Pooled Fund"], ["money leaves the pooled fund"])).toEqual([
      { term: "Pooled Fund", phrase: "pooled fund" },
    ]);
  });
});

describe("a clause that refers to itself", () => {
  it('reads "this clause" inside the clause, and the number from anywhere else', () => {
    const { lines } = resolved(
      [
        "# Disputes {#disputes}",
        "## Try the Board first.",
        "## Nothing in [[clause:disputes]] stops urgent relief. [[Clause:disputes]] survives.",
        "## Under [[clause:board-step]] the Board meets. {#board-step}",
        "## Clauses [[ref:disputes]] and [[ref:notices]] survive.",
        "# Notices {#notices}",
        "## Disputes go under [[clause:disputes]].",
      ].join("\n\n"),
    );
    expect(lines).toEqual([
      "1 Disputes",
      "1.1 Try the Board first.",
      "1.2 Nothing in this clause stops urgent relief. This clause survives.",
      "1.3 Under this clause the Board meets.",
      // A bare number ("clauses 1 and 2") is a list of numbers, not a reference in words.
      "1.4 Clauses 1 and 2 survive.",
      "2 Notices",
      "2.1 Disputes go under clause 1.",
    ]);
  });

  it('says "this paragraph" inside a schedule, but not for another schedule\'s paragraph of the same number', () => {
    const { lines } = resolved(
      [
        "SCHEDULE: One {#one}",
        "# Quorum {#one-quorum}",
        "## As [[clause:one-quorum]] says.",
        "SCHEDULE: Two {#two}",
        "# Quorum {#two-quorum}",
        "## Unlike [[clause:one-quorum]].",
      ].join("\n\n"),
      "paragraph",
    );
    expect(lines.at(2)).toBe("1.1 As this paragraph says.");
    expect(lines.at(-1)).toBe("1.1 Unlike paragraph 1 of Schedule 1.");
  });
});

import { describe, expect, it } from "vitest";
import { numberClauses } from "../../../core/document/clauses.js";
import { checkDefinedTerms, undefinedPhrases } from "../../../core/document/defined-terms.js";
import { dataText } from "../../../core/document/escape.js";
import { parseMarkup } from "../../../core/document/markup/blocks.js";

function check(markup: string) {
  const parsed = parseMarkup(markup);
  return checkDefinedTerms(numberClauses(parsed.blocks).numbered, parsed.properNouns).map(
    (i) => `${i.severity}: ${i.message}`,
  );
}

describe("defined terms", () => {
  it("accepts terms that are defined once and used", () => {
    expect(
      check(
        [
          "# Definitions",
          '**"Pooled Fund"** means the fund;',
          '**"Host Partner"** has the meaning given in clause 2;',
          "# Fund",
          '## The Host Partner holds the Pooled Fund (the **"Host Partner"**). The Pooled Fund\'s accounts are audited.',
        ].join("\n\n"),
      ),
    ).toEqual([]);
  });

  it("reports a term defined twice and a term never used", () => {
    expect(
      check(
        [
          '**"Board"** means the board;',
          '**"Board"** means the other board;',
          '**"Unused Thing"** means nothing.',
          "The Board meets.",
        ].join("\n\n"),
      ),
    ).toEqual([
      'error: "Board" is defined twice',
      'warning: Defined term "Unused Thing" is never used',
    ]);
  });

  it("reports a capitalised phrase that looks like a defined term but is not one", () => {
    expect(
      check(
        '# Terms\n\n**"Partners"** means us.\n\n## The Partners shall fund the Joint Commissioning Team.',
      ),
    ).toEqual(['error: "Joint Commissioning Team" looks like a defined term but is not defined']);
  });

  it("does not check workbook text, headings, sentence openers or proper nouns", () => {
    const markup = [
      "%% proper-nouns: Better Care Fund",
      "# Joint Working Arrangements",
      `## The partnership includes ${dataText("Northshire County Council")} under the National Health Service Act 2006 and the Better Care Fund.`,
      "## Nothing Here is checked: each sentence's first word may be capitalised. The Steering Group Meeting is not defined.",
    ].join("\n\n");
    expect(check(markup)).toEqual([
      'error: "Steering Group Meeting" looks like a defined term but is not defined',
    ]);
  });

  it("splits runs of capitals into known terms before judging what is left", () => {
    const known = new Set(["Financial Year", "Contribution", "Pooled Fund"]);
    expect(
      undefinedPhrases(
        "each Financial Year the Contribution to the Pooled Fund Reserve Account",
        (p) => known.has(p),
      ),
    ).toEqual(["Reserve Account"]);
    expect(undefinedPhrases("under the Terms of Reference", () => false)).toEqual([
      "Terms of Reference",
    ]);
  });
});

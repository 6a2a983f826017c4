import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { docxText } from "../../support/docx-text.js";
import { build, example } from "./fixtures.js";

/**
 * Workbook text is data, never template or markup: whatever an officer types
 * in a cell prints exactly as typed (less the control characters a Word
 * document cannot hold), and never breaks the build.
 */

// eslint-disable-next-line no-control-regex -- the characters a Word document cannot hold
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;

function printed(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(UNPRINTABLE, "");
}

const TRICKY = fc.constantFrom(
  "{{constructor}}",
  "{{> board}}",
  "<script>alert(1)</script>",
  "&amp; & &lt;",
  '{ DATE \\@ "d MMMM yyyy" }',
  "**bold** *it* \\n [[clause:aims]] [[ref:x]] {#id} {-}",
  "# heading\n- item\n| a | b |\n> NOTE: x\nSCHEDULE: y\n[page break]\n%% proper-nouns: Z",
  "Ünïcödé — “quotes” £€ 😀",
);

const CELL = fc
  .oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    TRICKY,
    fc.array(TRICKY).map((parts) => parts.join(" ")),
  )
  .filter((value) => printed(value).trim() !== "");

describe("workbook text is data", () => {
  it("prints any cell exactly as typed and never breaks the build", async () => {
    const base = await example();
    await fc.assert(
      fc.asyncProperty(CELL, CELL, async (vision, organisation) => {
        const partnership = structuredClone(base);
        partnership.details.vision = vision;
        const first = partnership.partners[0];
        // The agreement names the legal body (issue 10), here the organisation itself.
        if (first) {
          first.organisation = organisation;
          first.legalBody = "";
        }
        const result = await build("agreement", partnership);
        expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
        const text = await docxText(result.bytes ?? new Uint8Array());
        expect(text).toContain(`The Partners' shared vision is: ${printed(vision)}`);
        // A party's name is the legal body's, without spaces or tabs typed around it.
        expect(text).toContain(`Signed for and on behalf of ${printed(organisation).trim()} `);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

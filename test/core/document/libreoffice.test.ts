import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { libreOfficeResults } from "../../support/converted.js";
import { findSoffice, SOFFICE_MISSING } from "../../support/soffice.js";
import { hasPdftotext, PDFTOTEXT_MISSING, pdfText } from "../../support/pdf-text.js";
import { build, example } from "./fixtures.js";

/**
 * The generated documents open in a real word processor: LibreOffice converts
 * both to PDF, and the PDF's text has the partners, objectives, clause
 * numbers and signature blocks, and nothing left over from the templates.
 */

const canRun = findSoffice() !== null && hasPdftotext();
if (findSoffice() === null) console.warn(SOFFICE_MISSING);
else if (!hasPdftotext()) console.warn(PDFTOTEXT_MISSING);

/**
 * PDF text with its layout spaces collapsed, so phrases can be searched for.
 * The global set-up built both documents from the example with `build` and
 * converted them in its one start of LibreOffice.
 */
async function pdfOf(kind: "agreement" | "terms-of-reference"): Promise<string> {
  const converted = await libreOfficeResults();
  const docx = kind === "agreement" ? converted.agreementDocx : converted.termsDocx;
  const result = await build(kind, await example());
  expect(readFileSync(docx).equals(result.bytes ?? new Uint8Array()), "same document").toBe(true);
  return pdfText(converted.pdf(docx)).replace(/[ \t]+/g, " ");
}

const LEFTOVERS = [
  "{{",
  "}}",
  "[[",
  "]]",
  "undefined",
  "NaN",
  "[object Object]",
  "BROKEN REFERENCE",
];

describe.skipIf(!canRun)("documents open in LibreOffice", () => {
  it("converts the agreement to PDF with everything a signatory needs", async () => {
    const partnership = await example();
    const text = await pdfOf("agreement");
    // Only the parties (NHS bodies and local authorities) sign, under their legal bodies' names.
    for (const partner of partnership.partners.filter((p) => p.signatoryName !== "")) {
      const body = partner.legalBody || partner.organisation;
      expect(text).toContain(body.toUpperCase());
      expect(text).toContain(body);
      expect(text).toContain(`Name: ${partner.signatoryName}`);
    }
    for (const objective of partnership.objectives)
      expect(text).toContain(objective.objective.slice(0, 40));
    for (const clause of [
      "1. Definitions and interpretation",
      "7.2 ",
      "8.1 ",
      "Schedule 3",
      "Terms of reference of the Board",
    ]) {
      expect(text).toContain(clause);
    }
    expect(text).toContain("[MISSING: Due date of objective O6]");
    expect(text).toContain("Page 1 of");
    for (const leftover of LEFTOVERS) expect(text).not.toContain(leftover);
  }, 180_000);

  it("converts the terms of reference to PDF", async () => {
    const partnership = await example();
    const text = await pdfOf("terms-of-reference");
    expect(text).toContain("TERMS OF REFERENCE");
    for (const partner of partnership.partners) expect(text).toContain(partner.representative);
    for (const heading of ["1. Interpretation", "9. Quorum", "16. Review", "four (4) Members"])
      expect(text).toContain(heading);
    for (const leftover of LEFTOVERS) expect(text).not.toContain(leftover);
  }, 180_000);
});

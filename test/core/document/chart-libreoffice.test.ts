import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../core/model/problem.js";
import { hasPdftotext, PDFTOTEXT_MISSING, pdfText } from "../../support/pdf-text.js";
import { libreOfficeResults } from "../../support/converted.js";
import { CHARTS_BODY } from "../../support/libreoffice-inputs.js";
import { findSoffice, SOFFICE_MISSING } from "../../support/soffice.js";
import { exampleInstruments } from "../../support/example.js";
import { build, completeExample, templates } from "./fixtures.js";

/**
 * LibreOffice draws the native charts from their cached values: the PDF it
 * makes has each chart's title, category labels and legend as text, and the
 * bars in their colours.
 */

const canRun = findSoffice() !== null && hasPdftotext();
if (findSoffice() === null) console.warn(SOFFICE_MISSING);
else if (!hasPdftotext()) console.warn(PDFTOTEXT_MISSING);

/** Pixels of the chart's red (C00000) and green (00B050) on every page, rendered at 50 dpi. */
function colouredPixels(pdf: string): { red: number; green: number } {
  const folder = mkdtempSync(join(tmpdir(), "pw-chart-png-"));
  execFileSync("pdftoppm", ["-r", "50", pdf, join(folder, "page")]);
  const count = { red: 0, green: 0 };
  for (const file of readdirSync(folder)) {
    const image = readFileSync(join(folder, file));
    // A binary PPM: "P6", width, height, max value, one whitespace byte, then RGB triples.
    const header = /^P6\s+\d+\s+\d+\s+\d+\s/.exec(image.toString("latin1", 0, 40));
    for (let i = header?.[0].length ?? image.length; i + 2 < image.length; i += 3) {
      const [r, g, b] = [image[i] ?? 0, image[i + 1] ?? 0, image[i + 2] ?? 0];
      if (r > 160 && g < 40 && b < 40) count.red++;
      if (r < 40 && g > 140 && b > 50 && b < 120) count.green++;
    }
  }
  return count;
}

describe.skipIf(!canRun)("native Word charts in LibreOffice", () => {
  it("draws both charts with their titles, categories and legends", async () => {
    // A final document: no red DRAFT header to be mistaken for a red bar. The global set-up
    // built it the same way and converted it in its one start of LibreOffice.
    const partnership = await completeExample();
    const result = await build("terms-of-reference", partnership, {
      mode: "final",
      templates: { ...templates, "terms-of-reference.md.hbs": CHARTS_BODY },
      instruments: await exampleInstruments(),
    });
    if (!result.bytes) throw new Error(result.problems.map(formatProblem).join("\n"));
    const converted = await libreOfficeResults();
    expect(
      readFileSync(converted.chartsDocx).equals(result.bytes ?? new Uint8Array()),
      "same document",
    ).toBe(true);
    const pdf = converted.pdf(converted.chartsDocx);
    const text = pdfText(pdf).replace(/[ \t]+/g, " ");
    expect(text).toContain("Indicators by objective and RAG status");
    expect(text).toContain("Mean assessment score by instrument");
    for (const objective of partnership.objectives)
      expect(text).toMatch(new RegExp(`\\b${objective.id}\\b`));
    for (const status of ["Green", "Amber", "Red"]) expect(text).toContain(status);
    expect(text).toContain("% of the scale");
    // The bars themselves are drawn, in the RAG colours the chart part gives them.
    const pixels = colouredPixels(pdf);
    expect(pixels.red).toBeGreaterThan(500);
    expect(pixels.green).toBeGreaterThan(500);
  }, 180_000);
});

/**
 * LibreOffice opens the command line's workbook and draws the Summary's
 * charts from the chart parts the adapter adds: each chart's title is text
 * in the PDF it makes, and the bars are there in their colours on that page.
 * The workbook (three indicators, one of each RAG colour) is built and
 * converted once per run by the global set-up.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ragStatus } from "../../../core/measures/indicator.js";
import { hasPdftotext, PDFTOTEXT_MISSING, pdfText } from "../../support/pdf-text.js";
import { libreOfficeResults } from "../../support/converted.js";
import { threeRagPartnership } from "../../support/libreoffice-inputs.js";
import { findSoffice, SOFFICE_MISSING } from "../../support/soffice.js";

const canRun = findSoffice() !== null && hasPdftotext();
if (findSoffice() === null) console.warn(SOFFICE_MISSING);
else if (!hasPdftotext()) console.warn(PDFTOTEXT_MISSING);

type Rgb = [number, number, number];

/** Pixels near each colour on one page of the PDF, rendered at 100 dpi. */
function pixelsNear(
  pdf: string,
  page: number,
  colours: Record<string, Rgb>,
): Record<string, number> {
  const folder = mkdtempSync(join(tmpdir(), "pw-xlsx-chart-png-"));
  execFileSync("pdftoppm", [
    "-r",
    "100",
    "-f",
    String(page),
    "-l",
    String(page),
    pdf,
    join(folder, "page"),
  ]);
  const counts = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
  for (const file of readdirSync(folder)) {
    const image = readFileSync(join(folder, file));
    // A binary PPM: "P6", width, height, max value, one whitespace byte, then RGB triples.
    const header = /^P6\s+\d+\s+\d+\s+\d+\s/.exec(image.toString("latin1", 0, 40));
    for (let i = header?.[0].length ?? image.length; i + 2 < image.length; i += 3) {
      const pixel = [image[i] ?? 0, image[i + 1] ?? 0, image[i + 2] ?? 0];
      for (const [name, rgb] of Object.entries(colours))
        if (rgb.every((c, k) => Math.abs(c - (pixel[k] ?? 0)) <= 24))
          counts[name] = (counts[name] ?? 0) + 1;
    }
  }
  return counts;
}

describe.skipIf(!canRun)("the workbook's charts in LibreOffice", () => {
  let pdf: string;
  let pages: string[];

  beforeAll(async () => {
    const p = threeRagPartnership();
    expect(p.indicators.map(ragStatus).sort()).toEqual(["Amber", "Green", "Red"]);
    const converted = await libreOfficeResults();
    pdf = converted.pdf(converted.chartsXlsx);
    const count = Number(
      /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1],
    );
    pages = Array.from({ length: count }, (_, i) =>
      execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), pdf, "-"], {
        encoding: "utf8",
      }),
    );
  }, 240_000);

  it("draws both Summary charts with their titles", () => {
    const all = pdfText(pdf).replace(/\s+/g, " ");
    expect(all).toContain("Indicators by objective and RAG status");
    expect(all).toContain("Assessment scores: mean as % of each scale");
  });

  it("draws the bars: green, amber and red for the RAG counts, the scores in blue", () => {
    const page = pages.findIndex((text) => text.includes("RAG status")) + 1;
    expect(page).toBeGreaterThan(0);
    const pixels = pixelsNear(pdf, page, {
      green: [0x00, 0xb0, 0x50],
      amber: [0xff, 0xc0, 0x00],
      red: [0xc0, 0x00, 0x00],
      blue: [0x1f, 0x4e, 0x79],
    });
    // Each bar of one indicator is about 550 pixels at 100 dpi; the scores bar, much wider, about 6,500
    // (more than the Summary's blue title text could ever give).
    expect(pixels.green, "green bar").toBeGreaterThan(300);
    expect(pixels.amber, "amber bar").toBeGreaterThan(300);
    expect(pixels.red, "red bar").toBeGreaterThan(300);
    expect(pixels.blue, "scores bar").toBeGreaterThan(4000);
  }, 60_000);
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { libreOfficeResults } from "../../support/converted.js";
import { docxText } from "../../support/docx-text.js";
import { hasPdftotext, PDFTOTEXT_MISSING, pdfText } from "../../support/pdf-text.js";
import { findSoffice, SOFFICE_MISSING } from "../../support/soffice.js";
import { build, example } from "./fixtures.js";

/**
 * The contents page lists each heading on the page LibreOffice prints it on:
 * the page numbers written into the file (before anyone updates a field)
 * are held against a PDF of the document.
 */

const canRun = findSoffice() !== null && hasPdftotext();
if (findSoffice() === null) console.warn(`Contents page numbers: ${SOFFICE_MISSING}`);
else if (!hasPdftotext()) console.warn(`Contents page numbers: ${PDFTOTEXT_MISSING}`);

interface Entry {
  line: string;
  /** A pattern for the heading's first line in the PDF's text. */
  heading: RegExp;
  page: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The contents entries as the document lists them: "7.\tPooled fund\t6", "Schedule 2: …\t12". */
function contentsEntries(text: string): Entry[] {
  const entries: Entry[] = [];
  for (const line of text.split("\n")) {
    const schedule = /^Schedule (\d+): .*\t(\d+)$/.exec(line);
    if (schedule) {
      entries.push({
        line,
        heading: new RegExp(`^\\s*Schedule ${schedule[1]}\\s*$`),
        page: Number(schedule[2]),
      });
      continue;
    }
    const clause = /^(\d+)\.\t(.*)\t(\d+)$/.exec(line);
    if (clause) {
      // The first words only: a long heading wraps in the PDF.
      const words = (clause[2] ?? "").split(" ").slice(0, 3).map(escape).join("\\s+");
      entries.push({
        line,
        heading: new RegExp(`^\\s*${clause[1]}\\.\\s+${words}`),
        page: Number(clause[3]),
      });
    }
  }
  return entries;
}

async function check(kind: "agreement" | "terms-of-reference"): Promise<void> {
  const converted = await libreOfficeResults();
  const docx = kind === "agreement" ? converted.agreementDocx : converted.termsDocx;
  const result = await build(kind, await example());
  const bytes = readFileSync(docx);
  expect(bytes.equals(result.bytes ?? new Uint8Array()), "same document").toBe(true);
  const entries = contentsEntries(await docxText(bytes));
  expect(entries.length).toBeGreaterThan(10);
  const pages = pdfText(converted.pdf(docx)).split("\f");
  // The body starts after the last page of contents lines (dot leaders and a page number).
  let page = 1;
  while (/\.{5,}\s*\d+\s*$/m.test(pages[page] ?? "")) page++;
  const found: string[] = [];
  const expected: string[] = [];
  for (const entry of entries) {
    while (
      page < pages.length &&
      !(pages[page] ?? "").split("\n").some((line) => entry.heading.test(line))
    )
      page++;
    expect(page, `${entry.line} is in the PDF`).toBeLessThan(pages.length);
    found.push(`${entry.line.replace(/\t\d+$/, "")} → page ${page + 1}`);
    expected.push(`${entry.line.replace(/\t\d+$/, "")} → page ${entry.page}`);
  }
  expect(found).toEqual(expected);
}

describe.skipIf(!canRun)("contents page against LibreOffice's PDF", () => {
  it("lists every heading of the agreement on the page it is printed on", async () => {
    await check("agreement");
  }, 300_000);

  it("lists every heading of the terms of reference on the page it is printed on", async () => {
    await check("terms-of-reference");
  }, 300_000);
});

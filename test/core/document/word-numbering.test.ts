import { describe, expect, it } from "vitest";
import { LIST_IDS } from "../../../core/document/word/numbering.js";
import { docxParts, numberingLists } from "../../support/docx-text.js";
import { build, example } from "./fixtures.js";

/**
 * Clause and schedule numbers are Word list numbering, and cross-references
 * are REF fields to bookmarks on the numbered paragraphs: the numbers a
 * reader sees as the file opens are the ones Word would compute, and they
 * follow when a clause is inserted and the fields are updated.
 */

interface Paragraph {
  xml: string;
  /** The list number Word shows, "" for an unnumbered paragraph. */
  label: string;
  bookmarks: string[];
}

/** Numbers every paragraph as Word does: a counter per list and level, deeper levels restarting. */
function numberParagraphs(documentXml: string, numberingXml: string): Paragraph[] {
  const lists = numberingLists(numberingXml);
  const counters = new Map<string, number[]>();
  return (documentXml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((xml) => {
    const bookmarks = [...xml.matchAll(/<w:bookmarkStart w:id="\d+" w:name="([^"]+)"\/>/g)].map(
      (m) => m[1] ?? "",
    );
    const numPr = /<w:numPr><w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(xml);
    if (!numPr) return { xml, label: "", bookmarks };
    const level = Number(numPr[1]);
    const id = numPr[2] ?? "";
    const count = counters.get(id) ?? [];
    count[level] = (count[level] ?? 0) + 1;
    count.length = level + 1;
    counters.set(id, count);
    const text = lists.get(id)?.[level]?.text ?? "";
    const label = text.replace(/%(\d)/g, (_, n: string) => String(count[Number(n) - 1] ?? 0));
    return { xml, label, bookmarks };
  });
}

/** What Word's REF \n shows for a bookmark: the paragraph's number without a trailing period. */
function refResult(paragraphs: readonly Paragraph[], bookmark: string): string | undefined {
  return paragraphs.find((p) => p.bookmarks.includes(bookmark))?.label.replace(/\.$/, "");
}

interface RefField {
  bookmark: string;
  cached: string;
}

function refFields(documentXml: string): RefField[] {
  const field =
    /<w:instrText xml:space="preserve"> REF (\S+) \\n \\h <\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t(?: [^>]*)?>([^<]*)<\/w:t><\/w:r><w:r><w:fldChar w:fldCharType="end"\/>/g;
  return [...documentXml.matchAll(field)].map((m) => ({
    bookmark: m[1] ?? "",
    cached: m[2] ?? "",
  }));
}

async function agreementParts(): Promise<{ document: string; numbering: string }> {
  const result = await build("agreement", await example());
  expect(result.bytes, JSON.stringify(result.problems)).not.toBeNull();
  const parts = await docxParts(result.bytes ?? new Uint8Array());
  return {
    document: parts.get("word/document.xml") ?? "",
    numbering: parts.get("word/numbering.xml") ?? "",
  };
}

describe("Word numbering and cross-references", () => {
  it("numbers clauses and schedules with w:numPr list numbering, not typed numbers", async () => {
    const { document, numbering } = await agreementParts();
    const paragraphs = numberParagraphs(document, numbering);
    const styled = (style: string) =>
      paragraphs.filter((p) => p.xml.includes(`<w:pStyle w:val="${style}"/>`));
    for (const style of ["ClauseHeading", "Clause2", "ScheduleHeading"]) {
      expect(styled(style).length, style).toBeGreaterThan(0);
      for (const p of styled(style)) expect(p.xml, style).toContain("<w:numPr>");
    }
    // The numbers are the list's, so no clause paragraph starts with one typed as text.
    for (const p of [...styled("ClauseHeading"), ...styled("Clause2"), ...styled("Clause3")])
      expect(p.xml).not.toMatch(/<w:t(?: [^>]*)?>\d+(\.\d+)*\.?<\/w:t><w:tab\/>/);
    const labels = paragraphs.map((p) => p.label).filter(Boolean);
    expect(labels.slice(0, 3)).toEqual(["1.", "1.1", "1.2"]);
    expect(labels).toContain("Schedule 1");
    expect(labels).toContain("Schedule 3");
    // Numbering restarts under every schedule.
    const schedule2 = labels.indexOf("Schedule 2");
    expect(labels[schedule2 + 1]).toBe("1.");
    expect(numbering).toContain(
      `<w:num w:numId="${LIST_IDS.clauses}"><w:abstractNumId w:val="2"/>`,
    );
    expect(numbering).toContain(
      `<w:num w:numId="${LIST_IDS.schedules}"><w:abstractNumId w:val="3"/>`,
    );
  }, 60_000);

  it("writes every cross-reference as a REF field whose cached text is its target's number", async () => {
    const { document, numbering } = await agreementParts();
    const paragraphs = numberParagraphs(document, numbering);
    const fields = refFields(document);
    expect(fields.length).toBeGreaterThan(10);
    expect(document.match(/ REF /g)?.length).toBe(fields.length);
    for (const field of fields) {
      const target = refResult(paragraphs, field.bookmark);
      // The target is a numbered paragraph: a clause number or a schedule's.
      expect(target, `bookmark ${field.bookmark} on a numbered paragraph`).toMatch(
        /^(\d+(\.\d+)*|Schedule \d+)$/,
      );
      expect(field.cached, field.bookmark).toBe(target);
    }
    // Both kinds: clause numbers and schedules.
    expect(fields.some((f) => /^\d+(\.\d+)*$/.test(f.cached))).toBe(true);
    expect(fields.some((f) => /^Schedule \d+$/.test(f.cached))).toBe(true);
  }, 60_000);

  it("lets references follow when a solicitor inserts a clause and updates fields", async () => {
    const { document, numbering } = await agreementParts();
    const first = document.indexOf('<w:p><w:pPr><w:pStyle w:val="ClauseHeading"/><w:numPr>');
    expect(first).toBeGreaterThan(0);
    const inserted =
      document.slice(0, first) +
      `<w:p><w:pPr><w:pStyle w:val="ClauseHeading"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${LIST_IDS.clauses}"/></w:numPr></w:pPr><w:r><w:t>New clause</w:t></w:r></w:p>` +
      document.slice(first);
    const before = numberParagraphs(document, numbering);
    const after = numberParagraphs(inserted, numbering);
    const bodyFields = refFields(document).filter((f) =>
      /^\d/.test(refResult(before, f.bookmark) ?? ""),
    );
    const clauseField = bodyFields.find((f) => {
      const p = before.find((q) => q.bookmarks.includes(f.bookmark));
      return p?.xml.includes(`<w:numId w:val="${LIST_IDS.clauses}"/>`);
    });
    expect(clauseField).toBeDefined();
    if (!clauseField) return;
    const was = refResult(before, clauseField.bookmark) ?? "";
    const now = refResult(after, clauseField.bookmark) ?? "";
    const [head, ...rest] = was.split(".");
    expect(now).toBe([String(Number(head) + 1), ...rest].join("."));
  }, 60_000);

  it("writes no bookmark twice and no REF field to a missing bookmark", async () => {
    const { document } = await agreementParts();
    const names = [...document.matchAll(/<w:bookmarkStart w:id="(\d+)" w:name="([^"]+)"\/>/g)];
    const ids = names.map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const declared = new Set(names.map((m) => m[2]));
    expect(declared.size).toBe(names.length);
    for (const field of refFields(document)) expect(declared.has(field.bookmark)).toBe(true);
  }, 60_000);
});

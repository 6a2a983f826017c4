import { Packer } from "docx";
import fc from "fast-check";
import { zipSync, type Zippable } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from "../../../core/document/index.js";
import { chartPart } from "../../../core/document/word/chart.js";
import { crc32 } from "../../../core/zip/crc32.js";
import { withSeededRandom } from "../../../core/document/word/deterministic.js";
import {
  documentXml,
  sectionReferences,
  wordPackage,
} from "../../../core/document/word/document.js";
import {
  packDocument,
  withExtraParts,
  type PackageInput,
} from "../../../core/document/word/package.js";
import { COMMENT_AUTHOR, COMMENT_INITIALS } from "../../../core/document/word/runs.js";
import { compileParts, packageSkeleton } from "../../../core/document/word/skeleton.js";
import { encodePieces } from "../../../core/document/word/utf8.js";
import { deflatedEntry, dosDateTime, writeZip } from "../../../core/document/word/zip.js";
import { build, example } from "./fixtures.js";

/**
 * The packing path reuses parts docx compiled and deflated once per house
 * style and mode, and assembles the zip itself. These tests hold it to the
 * bytes of the path it replaced (docx compiling every part of every document,
 * fflate's zipSync at level 1, then the entries' times set to the document's
 * date), kept here as the reference, on arbitrary header texts, comments,
 * dates, styles and charts.
 */

/** The replaced path's zip times: every entry stamped with `when`, in place. */
function fixZipTimes(zip: Uint8Array, when: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const stamp = dosDateTime(when);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let offset = view.getUint32(end + 16, true);
  for (let n = 0; n < view.getUint16(end + 10, true); n++) {
    view.setUint16(offset + 12, stamp.time, true);
    view.setUint16(offset + 14, stamp.date, true);
    const local = view.getUint32(offset + 42, true);
    view.setUint16(local + 10, stamp.time, true);
    view.setUint16(local + 12, stamp.date, true);
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return zip;
}

const encoder = new TextEncoder();

/** The replaced path: the whole package compiled by docx for this document, zipped by fflate. */
function referencePack(input: PackageInput): Uint8Array {
  const zipped = withSeededRandom(0x5eed, () => {
    const document = wordPackage({
      style: input.style,
      draft: input.draft,
      headerText: input.headerText,
      comments: input.comments.map((text, id) => ({
        id,
        author: COMMENT_AUTHOR,
        initials: COMMENT_INITIALS,
        date: input.date,
        children: [new docxParagraph({ children: [new docxTextRun(text)] })],
      })),
    });
    const parts = compileParts(document, [
      {
        path: "word/document.xml",
        data: documentXml(input.content, sectionReferences(document)).join(""),
      },
      { path: "docProps/core.xml", data: input.core },
    ]);
    const extra = input.extra ?? [];
    if (extra.length) {
      const listed = withExtraParts(
        parts.get("word/_rels/document.xml.rels") as string,
        parts.get("[Content_Types].xml") as string,
        extra,
      );
      parts.set("[Content_Types].xml", listed.contentTypes);
      parts.set("word/_rels/document.xml.rels", listed.relationships);
      for (const part of extra) parts.set(part.path, part.data);
    }
    const zippable: Zippable = {};
    for (const [path, data] of parts)
      zippable[path] = typeof data === "string" ? encoder.encode(data) : data;
    return zipSync(zippable, { level: 1 });
  });
  return fixZipTimes(zipped, input.date);
}

// Imported under other names: the test's own `Paragraph`/`TextRun` would read as ours.
const { Paragraph: docxParagraph, TextRun: docxTextRun } = await import("docx");

const HOUSE: HouseStyle = {
  body: { font: "Georgia", size: 24 },
  title: { font: "Georgia", size: 44, bold: true, color: "7F0000" },
  heading1: { font: "Georgia", size: 26, bold: true },
  heading2: { font: "Georgia", size: 24, italic: true },
  heading3: { font: "Verdana", size: 22 },
};

/** Text as hostile as a workbook cell: markup, quotes, control characters, astral and lone surrogates. */
const cellText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(`Tom's "board" & <co>`, "\u0000\u0001\t\n\r\u001f", "\uE000", "]]>", "\ud800"),
);

const date = fc.date({
  min: new Date("1980-01-01T00:00:00Z"),
  max: new Date("2099-12-31T23:59:59Z"),
  noInvalidDate: true,
});

const chartXml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace/>';

describe("packing a document", () => {
  it("crc32 is the zip checksum", () => {
    expect(crc32(encoder.encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("encodes a part written in pieces as TextEncoder encodes the pieces joined", () => {
    const piece = fc.oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.constantFrom("\ud83d", "\ude00", "–", "£", ""),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const expected = encoder.encode(pieces.join(""));
        expect(Buffer.from(encodePieces(pieces)).equals(Buffer.from(expected))).toBe(true);
      }),
      { numRuns: 300 },
    );
    // A run of pieces that ends inside a surrogate pair, then one larger than the buffer it starts with.
    const split = ["a".repeat(8191), "\ud83d", "\ude00 – end"];
    expect(
      Buffer.from(encodePieces(split)).equals(Buffer.from(encoder.encode(split.join("")))),
    ).toBe(true);
    const big = Array.from(
      { length: 2000 },
      (_, i) => `<w:p>clause ${i} – ${"x".repeat(i % 300)}</w:p>`,
    );
    expect(Buffer.from(encodePieces(big)).equals(Buffer.from(encoder.encode(big.join(""))))).toBe(
      true,
    );
  });

  it("writes the zip fflate's zipSync writes, stamped with the document's date", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(
            fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
            fc.uint8Array({ maxLength: 3000 }),
          ),
          { selector: ([name]) => name, maxLength: 6 },
        ),
        date,
        (files, when) => {
          // No prototype, so a part named "__proto__" is a key like any other.
          const zippable = Object.create(null) as Zippable;
          // zipSync reads a name ending in "/" as a folder: not a part a document has.
          const parts = files.filter(([name]) => !name.endsWith("/"));
          for (const [name, data] of parts) zippable[name] = data;
          const expected = fixZipTimes(zipSync(zippable, { level: 1 }), when);
          const actual = writeZip(
            parts.map(([name, data]) => deflatedEntry(name, data)),
            when,
          );
          expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("gives the bytes docx gave for the whole package, whatever the header, comments, date, style or charts", () => {
    fc.assert(
      fc.property(
        fc.record({
          draft: fc.boolean(),
          style: fc.constantFrom(DEFAULT_HOUSE_STYLE, HOUSE),
          headerText: cellText,
          comments: fc.array(cellText, { maxLength: 4 }),
          date,
          content: fc.array(
            cellText.map((text) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`),
            { maxLength: 3 },
          ),
          charts: fc.integer({ min: 0, max: 2 }),
        }),
        (c) => {
          const input: PackageInput = {
            style: c.style,
            draft: c.draft,
            headerText: c.headerText,
            comments: c.comments,
            date: c.date,
            content: c.content,
            core: `<core>${c.date.toISOString()}</core>`,
            extra: Array.from({ length: c.charts }, (_, i) => chartPart(i + 1, chartXml)),
          };
          const actual = packDocument(input);
          const expected = referencePack(input);
          expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it("compiles the invariant parts once per house style and mode, then never calls docx again", async () => {
    const partnership = await example();
    await build("agreement", partnership);
    await build("agreement", partnership, { style: HOUSE });
    const compile = vi.spyOn(
      (Packer as unknown as { compiler: { compile: () => unknown } }).compiler,
      "compile",
    );
    try {
      for (let i = 0; i < 3; i++) {
        await build("agreement", partnership);
        await build("terms-of-reference", partnership, { style: { ...HOUSE } });
      }
      expect(compile).not.toHaveBeenCalled();
    } finally {
      compile.mockRestore();
    }
    const style = { ...DEFAULT_HOUSE_STYLE };
    expect(packageSkeleton(style, true, true)).toBe(
      packageSkeleton(DEFAULT_HOUSE_STYLE, true, true),
    );
    expect(packageSkeleton(style, false, false)).not.toBe(packageSkeleton(style, true, false));
    expect(packageSkeleton(HOUSE, true, true)).not.toBe(packageSkeleton(style, true, true));
  }, 60_000);
});

import { crc32 as zlibCrc32 } from "node:zlib";
import { unzipSync } from "fflate";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { crc32 } from "../../../core/zip/crc32.js";
import { FIXED_ENTRY_DATE } from "../../../adapters/exceljs/table-parts.js";
import { zipBytes, type EntryContent } from "../../../adapters/exceljs/zip-writer.js";

/** Bytes that do not compress to nothing: a simple linear congruential sequence. */
function noise(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

/** What the writer used to do: JSZip, folders created for each part, one fixed time, level 6. */
async function viaJsZip(files: [string, string | Uint8Array][]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, content] of files) zip.file(path, content);
  zip.forEach((_path, file) => {
    file.date = FIXED_ENTRY_DATE;
  });
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

/** The same parts for the zip writer: JSZip's entries in its order, folders included. */
function entriesLike(
  files: [string, string | Uint8Array][],
  content = new Map<string, EntryContent>(),
) {
  const zip = new JSZip();
  for (const [path, data] of files) zip.file(path, data);
  const byPath = new Map(files);
  const entries: { path: string; content: EntryContent }[] = [];
  zip.forEach((path, file) =>
    entries.push({ path, content: file.dir ? "" : (content.get(path) ?? byPath.get(path) ?? "") }),
  );
  return entries;
}

// Two- and three-byte characters placed to straddle the 64 KB blocks the writer fills.
const LONG_TEXT = `<x>${"é中a".repeat(40_000)}</x>`;

const FILES: [string, string | Uint8Array][] = [
  ["[Content_Types].xml", '<?xml version="1.0"?><Types/>'],
  ["_rels/.rels", "<Relationships/>"],
  ["xl/empty.xml", ""],
  ["xl/worksheets/sheet1.xml", LONG_TEXT],
  ["xl/media/image1.bin", noise(200_000)],
  ["xl/worksheets/_rels/sheet1.xml.rels", "<Relationships/>"],
];

describe("the zip writer lays a workbook out as JSZip did", () => {
  it("gives JSZip's bytes for text, empty, multi-block and binary parts and their folders", async () => {
    const ours = zipBytes(entriesLike(FILES), FIXED_ENTRY_DATE);
    expect(Buffer.from(ours).equals(Buffer.from(await viaJsZip(FILES)))).toBe(true);
  });

  it("gives the same bytes when a part comes in pieces of text and bytes", async () => {
    const pieces = [
      LONG_TEXT.slice(0, 70_001),
      new TextEncoder().encode(LONG_TEXT.slice(70_001, 150_000)),
      LONG_TEXT.slice(150_000),
    ];
    const entries = entriesLike(FILES, new Map([["xl/worksheets/sheet1.xml", pieces]]));
    expect(
      Buffer.from(zipBytes(entries, FIXED_ENTRY_DATE)).equals(Buffer.from(await viaJsZip(FILES))),
    ).toBe(true);
  });

  it("keeps a character outside the BMP that JSZip split at its 16 K chunk boundary (a deliberate change)", async () => {
    // JSZip encoded a text part 16,384 UTF-16 units at a time, so an emoji across that
    // boundary was written as two U+FFFD; the writer encodes the text whole.
    const text = `${"a".repeat(16_383)}🙂${"b".repeat(100)}🙂`;
    const ours = unzipSync(zipBytes([{ path: "part.xml", content: text }], FIXED_ENTRY_DATE));
    expect(new TextDecoder().decode(ours["part.xml"])).toBe(text);
    const theirs = unzipSync(await viaJsZip([["part.xml", text]]));
    expect(new TextDecoder().decode(theirs["part.xml"])).toBe(text.replace("🙂", "\uFFFD\uFFFD"));
  });

  it("refuses a name JSZip would have marked as Unicode", () => {
    expect(() => zipBytes([{ path: "xl/feuille-é.xml", content: "" }], FIXED_ENTRY_DATE)).toThrow(
      /plain ASCII: xl\/feuille-é\.xml/,
    );
  });
});

describe("crc32", () => {
  it("agrees with zlib's for every length around its eight-byte steps, and continues a running value", () => {
    const bytes = noise(1000);
    for (let length = 0; length <= 40; length++)
      expect(crc32(bytes.subarray(3, 3 + length))).toBe(zlibCrc32(bytes.subarray(3, 3 + length)));
    let running = 0;
    for (let at = 0; at < bytes.length; at += 97)
      running = crc32(bytes.subarray(at, at + 97), running);
    expect(running).toBe(zlibCrc32(bytes));
  });
});

import pako, { type Deflate } from "pako";
import { crc32 } from "../../core/zip/crc32.js";

/**
 * The zip container of a written workbook, laid out byte for byte as JSZip
 * lays it out (the writer used JSZip before: the same workbook must stay the
 * same bytes), but compressed in one pass, straight from the parts: no
 * worker pipeline, no copy of the whole text. The deflate stream is pako's
 * at level 6, the one JSZip runs. Runs in Node and the browser.
 *
 * Layout (JSZip 3, platform DOS, no comments, no data descriptors): local
 * header (version 1.0, no flags), data; then the central directory (made by
 * DOS 2.0, folders marked with the DOS directory attribute) and its end
 * record. Folders and empty parts are stored, everything else deflated.
 */

/** A part's content: text, bytes, or pieces of either (for parts too large to hold twice). */
export type EntryContent = string | Uint8Array | Iterable<string | Uint8Array>;

export interface ZipEntry {
  /** The part's path; a folder's ends with "/". */
  path: string;
  content: EntryContent;
}

const STORE = 0;
const DEFLATE = 8;
const LEVEL = 6;
/** Text and bytes are gathered into blocks this size before checksumming and compressing. */
const BLOCK = 64 * 1024;

const encoder = new TextEncoder();

interface Written {
  path: Uint8Array;
  method: number;
  crc: number;
  compressed: Uint8Array;
  size: number;
  offset: number;
  folder: boolean;
}

function dosTime(date: Date): number {
  return (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() / 2);
}

function dosDate(date: Date): number {
  return (
    ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
  );
}

/** Checksums and deflates a part's content, block by block. */
class EntryCompressor {
  private readonly block = new Uint8Array(BLOCK);
  private used = 0;
  private deflate: Deflate | null = null;
  crc = 0;
  size = 0;

  add(piece: string | Uint8Array): void {
    if (typeof piece === "string") this.addText(piece);
    else this.addBytes(piece);
  }

  private addText(text: string): void {
    let rest = text;
    while (rest.length > 0) {
      // A character may need three bytes: encode only what surely fits.
      if (BLOCK - this.used < 4) this.flushBlock();
      const { read, written } = encoder.encodeInto(rest, this.block.subarray(this.used));
      this.used += written;
      rest = rest.slice(read);
    }
  }

  private addBytes(bytes: Uint8Array): void {
    if (bytes.length >= BLOCK) {
      this.flushBlock();
      this.consume(bytes);
      return;
    }
    if (this.used + bytes.length > BLOCK) this.flushBlock();
    this.block.set(bytes, this.used);
    this.used += bytes.length;
  }

  private flushBlock(): void {
    if (this.used === 0) return;
    this.consume(this.block.subarray(0, this.used));
    this.used = 0;
  }

  private consume(bytes: Uint8Array): void {
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    this.deflate ??= new pako.Deflate({ raw: true, level: LEVEL });
    // pako copies the input into its window before push returns, so the block can be refilled.
    this.deflate.push(bytes, false);
  }

  /** The compressed bytes, or null when the content was empty (stored, as JSZip does). */
  finish(path: string): Uint8Array | null {
    this.flushBlock();
    if (!this.deflate) return null;
    this.deflate.push(new Uint8Array(0), true);
    if (this.deflate.err) throw new Error(`Could not compress ${path}: ${this.deflate.msg}`);
    return this.deflate.result;
  }
}

function compress(entry: ZipEntry): {
  method: number;
  crc: number;
  size: number;
  data: Uint8Array;
} {
  const compressor = new EntryCompressor();
  const { content } = entry;
  if (typeof content === "string" || content instanceof Uint8Array) compressor.add(content);
  else for (const piece of content) compressor.add(piece);
  const compressed = compressor.finish(entry.path);
  return compressed
    ? { method: DEFLATE, crc: compressor.crc, size: compressor.size, data: compressed }
    : { method: STORE, crc: 0, size: 0, data: new Uint8Array(0) };
}

function asciiPath(path: string): Uint8Array {
  // JSZip adds a Unicode path field for other names; parts of a workbook never need one.
  if (!/^[\x20-\x7E]+$/.test(path)) throw new Error(`Zip entry name must be plain ASCII: ${path}`);
  return encoder.encode(path);
}

export function zipBytes(entries: readonly ZipEntry[], date: Date): Uint8Array {
  const time = dosTime(date);
  const day = dosDate(date);
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const folder = entry.path.endsWith("/");
    const path = asciiPath(entry.path);
    const { method, crc, size, data } = folder
      ? { method: STORE, crc: 0, size: 0, data: new Uint8Array(0) }
      : compress(entry);
    written.push({ path, method, crc, compressed: data, size, offset, folder });
    offset += 30 + path.length + data.length;
  }
  const directoryStart = offset;
  const directorySize = written.reduce((sum, w) => sum + 46 + w.path.length, 0);
  const out = new Uint8Array(directoryStart + directorySize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (value: number) => {
    view.setUint16(at, value, true);
    at += 2;
  };
  const u32 = (value: number) => {
    view.setUint32(at, value >>> 0, true);
    at += 4;
  };
  const bytes = (value: Uint8Array) => {
    out.set(value, at);
    at += value.length;
  };
  /** The fields the local header and the central directory share. */
  const common = (w: Written) => {
    u16(0x000a); // version needed: 1.0
    u16(0); // flags
    u16(w.method);
    u16(time);
    u16(day);
    u32(w.crc);
    u32(w.compressed.length);
    u32(w.size);
    u16(w.path.length);
    u16(0); // extra field length
  };
  for (const w of written) {
    u32(0x04034b50);
    common(w);
    bytes(w.path);
    bytes(w.compressed);
  }
  for (const w of written) {
    u32(0x02014b50);
    u16(0x0014); // made by: DOS, 2.0
    common(w);
    u16(0); // comment length
    u16(0); // disk number
    u16(0); // internal attributes
    u32(w.folder ? 0x10 : 0); // external attributes: the DOS directory flag
    u32(w.offset);
    bytes(w.path);
  }
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(written.length);
  u16(written.length);
  u32(directorySize);
  u32(directoryStart);
  u16(0); // comment length
  return out;
}

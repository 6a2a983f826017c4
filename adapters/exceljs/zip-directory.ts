/**
 * The zip container of an .xlsx file, read from its central directory so that
 * every part's size is known (and checked) before anything is inflated.
 * Only what an .xlsx needs: stored and deflated entries, Zip64 sizes.
 */
import { UnreadableWorkbookError } from "./unreadable.js";
import { READ_LIMITS } from "./read-limits.js";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As the directory declares it: a hostile file can lie, so inflating checks it again. */
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;

const damaged = (): UnreadableWorkbookError =>
  new UnreadableWorkbookError(
    "the file is damaged or incomplete (it may have been truncated while copying); open it in Excel and save it again",
  );

class ByteReader {
  constructor(private readonly bytes: Uint8Array) {}
  u16(at: number): number {
    if (at < 0 || at + 2 > this.bytes.length) throw damaged();
    return (this.bytes[at] ?? 0) | ((this.bytes[at + 1] ?? 0) << 8);
  }
  u32(at: number): number {
    return (this.u16(at) + this.u16(at + 2) * 0x10000) >>> 0;
  }
  /** 64-bit sizes beyond 2^53 are nonsense for a workbook: they fail the size limits anyway. */
  u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 0x1_0000_0000;
  }
}

function findEndOfDirectory(bytes: Uint8Array, reader: ByteReader): number {
  const lowest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && reader.u32(at) === EOCD) return at;
  }
  throw damaged();
}

interface Directory {
  count: number;
  offset: number;
}

function directoryBounds(bytes: Uint8Array, reader: ByteReader): Directory {
  const end = findEndOfDirectory(bytes, reader);
  let count = reader.u16(end + 10);
  let offset = reader.u32(end + 16);
  if (
    (count === 0xffff || offset === 0xffffffff) &&
    end >= 20 &&
    reader.u32(end - 20) === ZIP64_LOCATOR
  ) {
    const zip64 = reader.u64(end - 20 + 8);
    if (reader.u32(zip64) !== ZIP64_EOCD) throw damaged();
    count = reader.u64(zip64 + 32);
    offset = reader.u64(zip64 + 48);
  }
  return { count, offset };
}

/** Zip64 keeps the real values in an extra field when the 32-bit ones are all ones. */
function applyZip64(
  entry: ZipEntry,
  reader: ByteReader,
  extraStart: number,
  extraEnd: number,
): void {
  for (let at = extraStart; at + 4 <= extraEnd;) {
    const id = reader.u16(at);
    const length = reader.u16(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      if (entry.size === 0xffffffff) {
        entry.size = reader.u64(field);
        field += 8;
      }
      if (entry.compressedSize === 0xffffffff) {
        entry.compressedSize = reader.u64(field);
        field += 8;
      }
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = reader.u64(field);
      return;
    }
    at += 4 + length;
  }
}

const utf8 = new TextDecoder("utf-8");

/**
 * Part names are looked up case-insensitively (Open Packaging Conventions
 * say part names are), with backslashes taken as slashes as some writers use them.
 */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

/** Reads the central directory; throws UnreadableWorkbookError for a damaged or oversized one. */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const reader = new ByteReader(bytes);
  const { count, offset } = directoryBounds(bytes, reader);
  if (count > READ_LIMITS.zipEntries) {
    throw new UnreadableWorkbookError(
      `the file holds ${count.toLocaleString("en-GB")} parts, more than the ${READ_LIMITS.zipEntries.toLocaleString("en-GB")} this tool reads; open it in Excel, remove what the workbook does not need and save it again`,
    );
  }
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (reader.u32(at) !== CENTRAL_HEADER) throw damaged();
    const nameLength = reader.u16(at + 28);
    const extraLength = reader.u16(at + 30);
    const commentLength = reader.u16(at + 32);
    const nameStart = at + 46;
    if (nameStart + nameLength > bytes.length) throw damaged();
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(nameStart, nameStart + nameLength)),
      flags: reader.u16(at + 8),
      method: reader.u16(at + 10),
      compressedSize: reader.u32(at + 20),
      size: reader.u32(at + 24),
      localHeaderOffset: reader.u32(at + 42),
    };
    applyZip64(entry, reader, nameStart + nameLength, nameStart + nameLength + extraLength);
    const key = partKey(entry.name);
    if (!entries.has(key)) entries.set(key, entry);
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's compressed bytes lie, from its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const reader = new ByteReader(bytes);
  const at = entry.localHeaderOffset;
  if (reader.u32(at) !== LOCAL_HEADER) throw damaged();
  const start = at + 30 + reader.u16(at + 26) + reader.u16(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw damaged();
  return bytes.subarray(start, end);
}

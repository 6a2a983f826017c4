import { deflateSync } from "fflate";
import { crc32 } from "../../zip/crc32.js";

/**
 * The .docx zip, assembled from entries deflated ahead of time, so parts that
 * are the same in every document (styles, numbering, theme…) are compressed
 * once and their raw deflate streams reused. The layout is byte for byte the
 * one fflate's zipSync writes (and the tests compare the two): local headers
 * and data in order, then the central directory, no data descriptors, no
 * extra fields, version 2.0, every entry stamped with the document's date
 * rather than the clock, so the same input always gives the same file.
 */

export interface ZipEntry {
  /** The path, UTF-8. */
  name: Uint8Array;
  /** Whether the path needed more than ASCII (zip's UTF-8 flag). */
  utf8: boolean;
  crc: number;
  size: number;
  /** The raw deflate stream. */
  deflated: Uint8Array;
}

const encoder = new TextEncoder();

/** Deflates a part as zipSync does at level 1: level 1 is several times faster than 6 on XML, for a few percent more bytes. */
export function deflatedEntry(path: string, data: Uint8Array): ZipEntry {
  const name = encoder.encode(path);
  return {
    name,
    utf8: name.length !== path.length,
    crc: crc32(data),
    size: data.length,
    deflated: deflateSync(data, { level: 1 }),
  };
}

/** DOS date and time fields; DOS dates start in 1980, and the fields are read here in UTC. */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time:
      (date.getUTCHours() << 11) |
      (date.getUTCMinutes() << 5) |
      Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const LOCAL = 30;
const CENTRAL = 46;
const END = 22;

export function writeZip(entries: readonly ZipEntry[], when: Date): Uint8Array {
  const stamp = dosDateTime(when);
  let locals = 0;
  let directory = 0;
  for (const entry of entries) {
    locals += LOCAL + entry.name.length + entry.deflated.length;
    directory += CENTRAL + entry.name.length;
  }
  const out = new Uint8Array(locals + directory + END);
  const view = new DataView(out.buffer);
  const header = (at: number, entry: ZipEntry, central: boolean, offset: number): number => {
    let b = at;
    view.setUint32(b, central ? 0x02014b50 : 0x04034b50, true);
    b += 4;
    if (central) {
      view.setUint16(b, 20, true); // made by: version 2.0, MS-DOS
      b += 2;
    }
    view.setUint16(b, 20, true); // needed to extract: 2.0
    view.setUint16(b + 2, entry.utf8 ? 0x0800 : 0, true);
    view.setUint16(b + 4, 8, true); // deflate
    view.setUint16(b + 6, stamp.time, true);
    view.setUint16(b + 8, stamp.date, true);
    view.setUint32(b + 10, entry.crc, true);
    view.setUint32(b + 14, entry.deflated.length, true);
    view.setUint32(b + 18, entry.size, true);
    view.setUint16(b + 22, entry.name.length, true);
    b += 26; // extra field length 0
    if (central) {
      view.setUint32(b + 10, offset, true); // comment, disk, attributes: 0
      b += 14;
    }
    out.set(entry.name, b);
    return b + entry.name.length;
  };
  let at = 0;
  const offsets: number[] = [];
  for (const entry of entries) {
    offsets.push(at);
    at = header(at, entry, false, 0);
    out.set(entry.deflated, at);
    at += entry.deflated.length;
  }
  entries.forEach((entry, i) => (at = header(at, entry, true, offsets[i] ?? 0)));
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, directory, true);
  view.setUint32(at + 16, locals, true);
  return out;
}

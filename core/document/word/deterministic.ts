/**
 * Byte-identical output for identical input, so legal teams can diff drafts
 * and re-running a batch changes nothing. docx 9.15 is not deterministic on
 * its own, for three reasons, each fixed here:
 *
 * 1. Ids from `nanoid/non-secure`, which draws on `Math.random` (the DRAFT
 *    watermark's shape id, hyperlink and part ids). There is no hook to inject
 *    ids, so `withSeededRandom` swaps in a seeded generator for the duration of
 *    a synchronous call that builds and packs the document, and puts the real
 *    one back before returning. Nothing else can run in between (JavaScript
 *    is single-threaded and the call does not yield), in Node or in the
 *    add-in's browser.
 * 2. `docProps/core.xml` stamped with the current time: replaced through the
 *    Packer's public `overrides` with one dated from the workbook.
 * 3. Zip entries stamped with the current time by fflate: `fixZipTimes`
 *    rewrites the DOS date and time fields in place (they are not covered by
 *    the entries' CRCs, so nothing else changes).
 */

import { seededRandom } from "../../model/random.js";
import { escapeXml } from "../../text/xml-escape.js";

export function withSeededRandom<T>(seed: number, build: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return build();
  } finally {
    Math.random = original;
  }
}

/** `docProps/core.xml` with fixed dates (the document date from the workbook). */
export function coreProperties(props: {
  title: string;
  description: string;
  creator: string;
  date: Date;
}): string {
  const when = props.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(props.title)}</dc:title>` +
    `<dc:creator>${escapeXml(props.creator)}</dc:creator>` +
    `<dc:description>${escapeXml(props.description)}</dc:description>` +
    `<cp:lastModifiedBy>${escapeXml(props.creator)}</cp:lastModifiedBy>` +
    "<cp:revision>1</cp:revision>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

function dosDateTime(date: Date): { time: number; date: number } {
  // DOS dates start in 1980; the fields hold local calendar values, taken here in UTC.
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time:
      (date.getUTCHours() << 11) |
      (date.getUTCMinutes() << 5) |
      Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** Sets every entry's modification time in a zip file to `when`, in place. */
export function fixZipTimes(zip: Uint8Array, when: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const stamp = dosDateTime(when);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("Not a zip file: no end of central directory");
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(offset, true) !== 0x02014b50)
      throw new Error("Corrupt zip central directory");
    view.setUint16(offset + 12, stamp.time, true);
    view.setUint16(offset + 14, stamp.date, true);
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, stamp.time, true);
      view.setUint16(local + 12, stamp.date, true);
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return zip;
}

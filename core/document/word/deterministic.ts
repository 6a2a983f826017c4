/**
 * Byte-identical output for identical input, so legal teams can diff drafts
 * and re-running a batch changes nothing. docx 9.15 is not deterministic on
 * its own, for three reasons, each fixed here:
 *
 * 1. Ids from `nanoid/non-secure`, which draws on `Math.random` (the DRAFT
 *    watermark's shape id, hyperlink and part ids). There is no hook to inject
 *    ids, so `withSeededRandom` swaps in a seeded generator for the duration of
 *    a synchronous call that builds and compiles the package (skeleton.ts),
 *    and puts the real one back before returning. Nothing else can run in
 *    between (JavaScript is single-threaded and the call does not yield), in
 *    Node or in the add-in's browser.
 * 2. `docProps/core.xml` stamped with the current time: `coreProperties`
 *    writes one dated from the workbook instead.
 * 3. Zip entries stamped with the current time by fflate's zipSync: zip.ts
 *    assembles the zip itself and stamps every entry with the document's date.
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

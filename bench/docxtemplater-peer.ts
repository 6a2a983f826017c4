// The peer the document bench measures against: docxtemplater rendering an
// agreement-shaped template. The template is made here from our own output,
// so both sides produce the same document with the same amount of XML:
//  - every paragraph outside a table keeps its properties, runs, bookmarks,
//    hyperlinks, fields and comment marks, and its text becomes one tag
//    `{pN}` (in its first text element) whose value is the paragraph's text:
//    as many paragraphs and tags as our agreement has paragraphs, the way a
//    template fed from a data source is written;
//  - every table keeps its header row and turns its body into one loop row
//    `{#tK}…{/tK}` with a tag per cell, and the data holds the real rows:
//    as many loops as our agreement has tables, and the same rows;
//  - the header's text is a tag; every other part (styles, numbering,
//    settings, theme, comments…) is carried over as it is, so pizzip reuses
//    its compressed bytes, just as we reuse our invariant parts.
// Each document is what a docxtemplater user writes: load the template zip,
// render, generate, deflating at level 1 like ours (its default level 6
// would only make the peer slower).
import { unescapeXml } from "../core/text/xml-escape.js";
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export interface PeerTemplate {
  template: Uint8Array;
  data: Record<string, unknown>;
  paragraphs: number;
  loops: number;
  loopRows: number;
}

const TEXT = /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g;

/** A paragraph whose text is one tag: the first text element holds it, the others are emptied. */
function tagParagraph(xml: string, tag: string): { xml: string; text: string } | null {
  const texts = [...xml.matchAll(TEXT)].map((m) => unescapeXml(m[1] ?? ""));
  const text = texts.join("");
  if (text === "") return null;
  let first = true;
  const tagged = xml.replace(TEXT, () => {
    if (!first) return "";
    first = false;
    return `<w:t xml:space="preserve">{${tag}}</w:t>`;
  });
  return { xml: tagged, text };
}

/** The cell's paragraphs, their text as one tag; loop markers around the row. */
function loopRow(row: string, loop: string): string {
  const cells = row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
  let out = row;
  cells.forEach((cell, j) => {
    let firstParagraph = true;
    const tagged = cell.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => {
      if (!firstParagraph) return "";
      firstParagraph = false;
      const open = j === 0 ? `{#${loop}}` : "";
      const close = j === cells.length - 1 ? `{/${loop}}` : "";
      const pPr = /^<w:p>(<w:pPr>[\s\S]*?<\/w:pPr>)?/.exec(p)?.[1] ?? "";
      return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${open}{c${j}}${close}</w:t></w:r></w:p>`;
    });
    out = out.replace(cell, tagged);
  });
  return out;
}

function cellText(cell: string): string {
  return [...cell.matchAll(TEXT)].map((m) => unescapeXml(m[1] ?? "")).join("");
}

export function agreementShapedTemplate(ours: Uint8Array): PeerTemplate {
  const parts = unzipSync(ours);
  const documentXml = strFromU8(parts["word/document.xml"] ?? new Uint8Array());
  const data: Record<string, unknown> = {};
  let paragraphs = 0;
  let loops = 0;
  let loopRows = 0;
  // Tables first (their paragraphs belong to the loop), then the paragraphs between them.
  const pieces = documentXml.split(/(<w:tbl>[\s\S]*?<\/w:tbl>)/);
  const templated = pieces
    .map((piece) => {
      if (piece.startsWith("<w:tbl>")) {
        const rows = piece.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
        const [head, first, ...rest] = rows;
        if (!head || !first) return piece;
        const loop = `t${loops++}`;
        const body = [first, ...rest].map((row) =>
          Object.fromEntries(
            (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cell, j) => [
              `c${j}`,
              cellText(cell),
            ]),
          ),
        );
        loopRows += body.length;
        data[loop] = body;
        const start = piece.indexOf(first);
        const end = piece.lastIndexOf("</w:tr>") + "</w:tr>".length;
        return piece.slice(0, start) + loopRow(first, loop) + piece.slice(end);
      }
      return piece.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => {
        const tag = `p${paragraphs}`;
        const tagged = tagParagraph(p, tag);
        if (!tagged) return p;
        paragraphs++;
        data[tag] = tagged.text;
        return tagged.xml;
      });
    })
    .join("");
  const header = strFromU8(parts["word/header1.xml"] ?? new Uint8Array());
  const headerTagged = tagParagraph(header, "header");
  if (headerTagged) data.header = headerTagged.text;
  const files = {
    ...parts,
    "word/document.xml": strToU8(templated),
    ...(headerTagged ? { "word/header1.xml": strToU8(headerTagged.xml) } : {}),
  };
  return { template: zipSync(files, { level: 6 }), data, paragraphs, loops, loopRows };
}

/** One document the way docxtemplater's users make one. */
export function renderWithDocxtemplater(peer: PeerTemplate): Uint8Array {
  const zip = new PizZip(peer.template);
  const doc = new Docxtemplater(zip, { paragraphLoop: true });
  doc.render(peer.data);
  return doc.getZip().generate({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 1 },
  });
}

/** The words of a document's body, to check the peer's document says what ours says. */
export function bodyText(docx: Uint8Array): string {
  const xml = strFromU8(unzipSync(docx)["word/document.xml"] ?? new Uint8Array());
  return [...xml.matchAll(TEXT)].map((m) => unescapeXml(m[1] ?? "")).join("");
}

import { unescapeXml as unescape } from "../../../../core/text/xml-escape.js";
import { unzipSync } from "fflate";

/**
 * A document's text after accepting or rejecting every tracked change, read
 * straight from word/document.xml (no Word needed): one string per paragraph,
 * in order, table cells included. The contents page is left out (a TOC field
 * Word rebuilds), and a REF field reads as "[ref]": its number is Word's to
 * update, and renumbering is deliberately not a change.
 */

export type Decision = "accept" | "reject" | "none";

export function documentXml(docx: Uint8Array): string {
  const data = unzipSync(docx)["word/document.xml"];
  if (!data) throw new Error("no word/document.xml");
  return new TextDecoder().decode(data);
}

/** LibreOffice's way of writing the same things, brought to this tool's (empty elements self-closed). */
function normalise(xml: string): string {
  return xml
    .replace(/<(w:ins|w:del|w:fldChar)( [^>]*)?><\/\1>/g, "<$1$2/>")
    .replace(/<w:rPr><\/w:rPr>/g, "")
    .replace(/<w:(p|tr)( [^>]*)?>/g, "<w:$1>");
}

function apply(xml: string, decision: Decision): string {
  if (decision === "none") return xml;
  const gone = decision === "accept" ? "del" : "ins";
  const kept = decision === "accept" ? "ins" : "del";
  let out = xml.replace(/<w:tr>(?:(?!<\/w:tr>)[\s\S])*?<\/w:tr>/g, (row) =>
    new RegExp(`<w:trPr>(?:(?!</w:trPr>).)*<w:${gone} `).test(row) ? "" : row,
  );
  out = out.replace(new RegExp(`<w:${gone} [^>]*[^/]>[\\s\\S]*?</w:${gone}>`, "g"), "");
  out = out.replace(new RegExp(`<w:${kept} [^>]*[^/]>|</w:${kept}>`, "g"), "");
  if (decision === "reject")
    out = out.replace(/w:delText/g, "w:t").replace(/w:delInstrText/g, "w:instrText");
  return out;
}

const PIECE =
  /<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:instrText(?: [^>]*)?>([^<]*)<\/w:instrText>|<w:fldChar w:fldCharType="(\w+)"\/>/g;

/** A paragraph's text; a REF field, whatever number it shows, reads "[ref]". */
function paragraphText(p: string): string {
  let text = "";
  // Per open field: whether it is a REF (its shown number is skipped), and whether its result has begun.
  const fields: { instruction: string; result: boolean }[] = [];
  for (const m of p.matchAll(PIECE)) {
    const field = fields[fields.length - 1];
    if (m[3] === "begin") fields.push({ instruction: "", result: false });
    else if (m[3] === "separate" && field) {
      field.result = true;
      if (/^\s*REF /.test(field.instruction)) text += "[ref]";
    } else if (m[3] === "end") fields.pop();
    else if (m[2] !== undefined) {
      if (field) field.instruction += unescape(m[2]);
    } else if (field && (!field.result || /^\s*REF /.test(field.instruction))) continue;
    else if (m[0] === "<w:tab/>") text += "\t";
    else if (m[0] === "<w:br/>") text += "\n";
    else text += unescape(m[1] ?? "");
  }
  return text;
}

/** The paragraphs' texts once every change is accepted, rejected, or (none) as the file stands. */
export function trackedText(docx: Uint8Array, decision: Decision): string[] {
  const xml = apply(
    normalise(documentXml(docx)).replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, ""),
    decision,
  );
  const gone = decision === "accept" ? "del" : "ins";
  const texts: string[] = [];
  let carried = "";
  for (const m of xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*<\/w:p>|<w:p\/>/g)) {
    const p = m[0];
    const pPr = /^<w:p><w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? "";
    // The contents page is a field Word and LibreOffice rebuild: not part of the comparison.
    if (/<w:pStyle w:val="(TOC|Contents)\w*"\/>/i.test(pPr)) continue;
    const text = carried + paragraphText(p);
    // A paragraph whose mark goes joins the next one.
    if (decision !== "none" && new RegExp(`<w:rPr><w:${gone} `).test(pPr)) {
      carried = text;
      continue;
    }
    carried = "";
    texts.push(text);
  }
  return texts;
}

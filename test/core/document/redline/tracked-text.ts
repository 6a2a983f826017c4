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

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
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

function paragraphText(p: string): string {
  const withRefs = p.replace(
    /<w:r><w:fldChar w:fldCharType="begin"\/><\/w:r><w:r><w:instrText[^>]*>\s*REF [\s\S]*?<w:fldChar w:fldCharType="end"\/><\/w:r>/g,
    "<w:r><w:t>[ref]</w:t></w:r>",
  );
  let text = "";
  for (const m of withRefs.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
    if (m[0] === "<w:tab/>") text += "\t";
    else if (m[0] === "<w:br/>") text += "\n";
    else text += unescape(m[1] ?? "");
  }
  return text;
}

/** The paragraphs' texts once every change is accepted, rejected, or (none) as the file stands. */
export function trackedText(docx: Uint8Array, decision: Decision): string[] {
  const xml = apply(documentXml(docx).replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, ""), decision);
  const gone = decision === "accept" ? "del" : "ins";
  const texts: string[] = [];
  let carried = "";
  for (const m of xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*<\/w:p>|<w:p\/>/g)) {
    const p = m[0];
    const pPr = /^<w:p><w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? "";
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

/**
 * Escaping for text placed in any XML part we write (Word, SpreadsheetML,
 * package properties). Workbook cells may hold characters XML 1.0 cannot
 * carry at all (control characters pasted from other systems); they are
 * dropped rather than written, so every part stays well-formed.
 */

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text safe inside an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(INVALID_XML, "").replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);
}

/** Text without the characters XML 1.0 cannot carry, for libraries that escape the rest themselves. */
export function withoutInvalidXmlCharacters(text: string): string {
  return text.replace(INVALID_XML, "");
}

/** XML text → the characters it stands for; chained replaces, far faster than a callback on a large record. */
export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  let out = text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
  if (out.includes("&#"))
    out = out.replace(/&#(x[0-9a-fA-F]+|\d+);/g, (_, code: string) =>
      String.fromCodePoint(code.startsWith("x") ? parseInt(code.slice(1), 16) : parseInt(code, 10)),
    );
  return out.replace(/&amp;/g, "&");
}

/**
 * xl/sharedStrings.xml: the text of string cells, by index. Rich text runs
 * are joined; phonetic guides (`rPh`) are left out, as Excel shows them.
 */
import { decodeEscapedCharacters, XmlScanner } from "./xml-scanner.js";

/** Reads the text inside the current open element up to its close, `t` elements only. */
export function runText(scanner: XmlScanner): string {
  if (scanner.empty) return "";
  let text = "";
  let depth = 1;
  while (scanner.next()) {
    if (scanner.closing) {
      if (--depth === 0) break;
      continue;
    }
    if (scanner.name === "rPh") {
      scanner.skipElement();
      continue;
    }
    if (scanner.empty) continue;
    if (scanner.name === "t") text += scanner.text();
    depth++;
  }
  return decodeEscapedCharacters(text);
}

export function parseSharedStrings(xml: Uint8Array | null): string[] {
  if (xml === null) return [];
  const strings: string[] = [];
  const scanner = new XmlScanner(xml);
  while (scanner.next()) {
    if (scanner.closing || scanner.name !== "si") continue;
    strings.push(runText(scanner));
  }
  return strings;
}

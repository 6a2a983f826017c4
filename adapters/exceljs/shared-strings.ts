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

const encoder = new TextEncoder();

function isNameEnd(code: number | undefined): boolean {
  return code === 62 || code === 47 || code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * The strings, found by index and decoded only when a cell asks for one:
 * indexing is a byte search, so a part of millions of strings costs a
 * list of offsets, not millions of strings.
 */
export class SharedStrings {
  private readonly starts: number[] = [];
  private readonly decoded = new Map<number, string>();

  constructor(private readonly xml: Uint8Array | null) {
    if (xml === null) return;
    const root = new XmlScanner(xml);
    if (!root.next()) return;
    const open = encoder.encode(`<${root.prefix()}si`);
    // A plain loop: millions of tiny strings would make millions of indexOf calls.
    const last = xml.length - open.length;
    for (let at = root.pos; at < last; at++) {
      if (xml[at] !== 60) continue;
      let k = 1;
      while (k < open.length && xml[at + k] === open[k]) k++;
      // `<si>`, `<si/>` or `<si attr…>`, not another element whose name starts "si"
      if (k === open.length && isNameEnd(xml[at + k])) this.starts.push(at);
    }
  }

  get count(): number {
    return this.starts.length;
  }

  /** The string at `index`; undefined when there is no such string. */
  get(index: number): string | undefined {
    const start = this.starts[index];
    if (start === undefined || this.xml === null) return undefined;
    let text = this.decoded.get(index);
    if (text === undefined) {
      const scanner = new XmlScanner(this.xml, start);
      scanner.next();
      text = runText(scanner);
      this.decoded.set(index, text);
    }
    return text;
  }
}

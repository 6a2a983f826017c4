/**
 * A forward-only XML tag scanner: one pass, no regular expressions over
 * whole parts, no document-type processing (so no entity expansion bombs),
 * element and attribute names taken without their namespace prefix. It is
 * lenient: a malformed part reads as far as it makes sense, never throws.
 */

const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const DQUOTE = 34;
const SQUOTE = 39;
const EQUALS = 61;
const COLON = 58;

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ENTITY = /&(?:#(\d{1,8})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;

function codePoint(code: number): string {
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return valid ? String.fromCodePoint(code) : "\uFFFD";
}

/** Decodes the predefined entities and character references; anything else stays as written. */
export function decodeXml(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (_match, dec?: string, hex?: string, named?: string) =>
    named ? (NAMED[named] ?? "") : codePoint(dec ? parseInt(dec, 10) : parseInt(hex ?? "", 16)),
  );
}

const ESCAPED_CHARACTER = /_x([0-9A-Fa-f]{4})_/g;

/** SpreadsheetML's own escape for characters XML cannot carry: `_x000D_` is a carriage return. */
export function decodeEscapedCharacters(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(ESCAPED_CHARACTER, (_match, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

export class XmlScanner {
  /** Where scanning continues: just after the current tag. */
  pos: number;
  /** Local name of the current tag ("c" for `<x:c>`). */
  name = "";
  /** The name as written, prefix included, to find a matching close tag. */
  qualifiedName = "";
  /** `</name>` */
  closing = false;
  /** `<name/>` */
  empty = false;
  private attributesFrom = 0;
  private attributesTo = 0;

  constructor(
    readonly xml: string,
    from = 0,
  ) {
    this.pos = from;
  }

  /** Moves to the next element tag (open, close or empty); false at the end of the text. */
  next(): boolean {
    const xml = this.xml;
    const length = xml.length;
    for (;;) {
      const lt = xml.indexOf("<", this.pos);
      if (lt < 0 || lt + 1 >= length) {
        this.pos = length;
        return false;
      }
      const first = xml.charCodeAt(lt + 1);
      if (first === BANG) {
        this.pos = this.skipDeclaration(lt);
        continue;
      }
      if (first === QUESTION) {
        const end = xml.indexOf("?>", lt + 2);
        this.pos = end < 0 ? length : end + 2;
        continue;
      }
      this.closing = first === SLASH;
      const nameStart = this.closing ? lt + 2 : lt + 1;
      let i = nameStart;
      let colon = -1;
      for (; i < length; i++) {
        const code = xml.charCodeAt(i);
        if (code === GT || code === SLASH || isSpace(code)) break;
        if (code === COLON) colon = i;
      }
      this.qualifiedName = xml.slice(nameStart, i);
      this.name = colon < 0 ? this.qualifiedName : xml.slice(colon + 1, i);
      this.attributesFrom = i;
      while (i < length) {
        const code = xml.charCodeAt(i);
        if (code === GT) break;
        if (code === DQUOTE || code === SQUOTE) {
          const end = xml.indexOf(code === DQUOTE ? '"' : "'", i + 1);
          i = end < 0 ? length : end + 1;
        } else i++;
      }
      if (i >= length) {
        this.pos = length;
        return false;
      }
      this.empty = !this.closing && xml.charCodeAt(i - 1) === SLASH;
      this.attributesTo = this.empty ? i - 1 : i;
      this.pos = i + 1;
      return true;
    }
  }

  /** The value of the current tag's attribute with this local name, decoded; undefined when absent. */
  attr(localName: string): string | undefined {
    let found: string | undefined;
    this.eachAttribute((name, value) => {
      if (found === undefined && name === localName) found = value;
    });
    return found === undefined ? undefined : decodeXml(found);
  }

  /** Calls back with each attribute's local name and raw (undecoded) value. */
  eachAttribute(visit: (localName: string, rawValue: string) => void): void {
    const xml = this.xml;
    let i = this.attributesFrom;
    const end = this.attributesTo;
    while (i < end) {
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      const nameStart = i;
      let colon = -1;
      while (i < end) {
        const code = xml.charCodeAt(i);
        if (code === EQUALS || isSpace(code)) break;
        if (code === COLON) colon = i;
        i++;
      }
      const name = xml.slice(colon < 0 ? nameStart : colon + 1, i);
      while (i < end && xml.charCodeAt(i) !== EQUALS) i++;
      i++;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== DQUOTE && quote !== SQUOTE) return;
      const close = xml.indexOf(quote === DQUOTE ? '"' : "'", i + 1);
      if (close < 0 || close > end) return;
      if (name) visit(name, xml.slice(i + 1, close));
      i = close + 1;
    }
  }

  /**
   * The text content after the current open tag, up to the next tag
   * (character data sections included, comments left out), decoded.
   */
  text(): string {
    if (this.empty || this.closing) return "";
    const xml = this.xml;
    let out = "";
    for (;;) {
      const lt = xml.indexOf("<", this.pos);
      const stop = lt < 0 ? xml.length : lt;
      out += decodeXml(xml.slice(this.pos, stop));
      this.pos = stop;
      if (lt < 0) return out;
      if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        out += xml.slice(lt + 9, end < 0 ? xml.length : end);
        this.pos = end < 0 ? xml.length : end + 3;
      } else if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        this.pos = end < 0 ? xml.length : end + 3;
      } else return out;
    }
  }

  /** From an open tag, moves past its matching close tag. */
  skipElement(): void {
    if (this.empty || this.closing) return;
    let depth = 1;
    while (depth > 0 && this.next()) {
      if (this.closing) depth--;
      else if (!this.empty) depth++;
    }
  }

  /**
   * From an open tag of an element that cannot contain itself (a row, a
   * cell), jumps straight to its close tag without reading what is inside.
   */
  skipFlatElement(): void {
    if (this.empty || this.closing) return;
    const close = this.xml.indexOf(`</${this.qualifiedName}`, this.pos);
    if (close < 0) {
      this.pos = this.xml.length;
      return;
    }
    this.pos = close;
    this.next();
  }

  private skipDeclaration(lt: number): number {
    const xml = this.xml;
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      return end < 0 ? xml.length : end + 3;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      return end < 0 ? xml.length : end + 3;
    }
    // <!DOCTYPE …[ internal subset ]>: skipped whole, never interpreted.
    const gt = xml.indexOf(">", lt);
    const bracket = xml.indexOf("[", lt);
    if (bracket >= 0 && (gt < 0 || bracket < gt)) {
      const close = xml.indexOf("]", bracket);
      const end = close < 0 ? -1 : xml.indexOf(">", close);
      return end < 0 ? xml.length : end + 1;
    }
    return gt < 0 ? xml.length : gt + 1;
  }
}

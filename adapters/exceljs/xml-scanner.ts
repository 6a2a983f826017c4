/**
 * A forward-only XML tag scanner over UTF-8 bytes: one pass, no regular
 * expressions over whole parts, no document-type processing (so no entity
 * expansion bombs), element and attribute names without their namespace
 * prefix. Only the text the reader asks for is decoded, never a whole part:
 * a sheet is mostly formulas the reader skips. It is lenient: a malformed
 * part reads as far as it makes sense, and nothing here throws.
 */

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const DQUOTE = 34;
const SQUOTE = 39;
const EQUALS = 61;
const COLON = 58;
const OPEN_SQUARE = 91;
const CLOSE_SQUARE = 93;
const DASH = 45;

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

function isSpace(code: number | undefined): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

const utf8 = new TextDecoder("utf-8");

/** Text of bytes[from, to): short ASCII runs (names, numbers, addresses) without a decoder call. */
function decodeBytes(bytes: Uint8Array, from: number, to: number): string {
  const length = to - from;
  if (length > 64) return utf8.decode(bytes.subarray(from, to));
  for (let i = from; i < to; i++) {
    if ((bytes[i] ?? 0) >= 0x80) return utf8.decode(bytes.subarray(from, to));
  }
  if (length === 1) return String.fromCharCode(bytes[from] ?? 0); // V8 keeps these made
  // A typed array serves as the argument list: one call, no per-character strings.
  return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
}

const encoder = new TextEncoder();

/** Where `needle` starts in `bytes` at or after `from`; -1 when it does not. */
function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0] ?? 0;
  for (let at = bytes.indexOf(first, from); at >= 0; at = bytes.indexOf(first, at + 1)) {
    let i = 1;
    while (i < needle.length && bytes[at + i] === needle[i]) i++;
    if (i === needle.length) return at;
  }
  return -1;
}

const CDATA_OPEN = encoder.encode("<![CDATA[");
const CDATA_CLOSE = encoder.encode("]]>");
const COMMENT_CLOSE = encoder.encode("-->");
const PI_CLOSE = encoder.encode("?>");

function startsWithBytes(bytes: Uint8Array, prefix: Uint8Array, at: number): boolean {
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/** Names repeat endlessly ("c", "v", "row"): each distinct one is decoded once. */
const NAMES = new Map<number, string>();

function nameAt(bytes: Uint8Array, from: number, to: number): string {
  const length = to - from;
  if (length > 6) return decodeBytes(bytes, from, to);
  let key = length;
  for (let i = from; i < to; i++) key = key * 256 + (bytes[i] ?? 0);
  let name = NAMES.get(key);
  if (name === undefined) {
    name = decodeBytes(bytes, from, to);
    if (NAMES.size < 4096) NAMES.set(key, name);
  }
  return name;
}

export class XmlScanner {
  /** Where scanning continues: just after the current tag. */
  pos: number;
  /** Local name of the current tag ("c" for `<x:c>`). */
  name = "";
  /** `</name>` */
  closing = false;
  /** `<name/>` */
  empty = false;
  private nameFrom = 0;
  private nameTo = 0;
  private attributesFrom = 0;
  private attributesTo = 0;

  constructor(
    readonly bytes: Uint8Array,
    from = 0,
  ) {
    this.pos = from;
  }

  /** Moves to the next element tag (open, close or empty); false at the end of the part. */
  next(): boolean {
    const bytes = this.bytes;
    const length = bytes.length;
    for (;;) {
      const lt = bytes.indexOf(LT, this.pos);
      if (lt < 0 || lt + 1 >= length) {
        this.pos = length;
        return false;
      }
      const first = bytes[lt + 1];
      if (first === BANG) {
        this.pos = this.skipDeclaration(lt);
        continue;
      }
      if (first === QUESTION) {
        const end = indexOfBytes(bytes, PI_CLOSE, lt + 2);
        this.pos = end < 0 ? length : end + 2;
        continue;
      }
      this.closing = first === SLASH;
      const nameStart = this.closing ? lt + 2 : lt + 1;
      let i = nameStart;
      let colon = -1;
      for (; i < length; i++) {
        const code = bytes[i];
        if (code === GT || code === SLASH || isSpace(code)) break;
        if (code === COLON) colon = i;
      }
      this.nameFrom = nameStart;
      this.nameTo = i;
      this.name = nameAt(bytes, colon < 0 ? nameStart : colon + 1, i);
      this.attributesFrom = i;
      while (i < length) {
        const code = bytes[i];
        if (code === GT) break;
        if (code === DQUOTE || code === SQUOTE) {
          const end = bytes.indexOf(code, i + 1);
          i = end < 0 ? length : end + 1;
        } else i++;
      }
      if (i >= length) {
        this.pos = length;
        return false;
      }
      this.empty = !this.closing && bytes[i - 1] === SLASH;
      this.attributesTo = this.empty ? i - 1 : i;
      this.pos = i + 1;
      return true;
    }
  }

  /** The namespace prefix of the current tag with its colon ("x:" for `<x:c>`), or "". */
  prefix(): string {
    const colon = this.bytes.subarray(this.nameFrom, this.nameTo).indexOf(COLON);
    return colon < 0 ? "" : decodeBytes(this.bytes, this.nameFrom, this.nameFrom + colon + 1);
  }

  /** Bounds of the value `findAttribute` last found, in `bytes`. */
  valueFrom = 0;
  valueTo = 0;

  /**
   * Finds the current tag's attribute with this local name and sets
   * valueFrom/valueTo to its (undecoded) value, without making strings:
   * for the attributes of every cell.
   */
  findAttribute(localName: string): boolean {
    const bytes = this.bytes;
    const end = this.attributesTo;
    let i = this.attributesFrom;
    while (i < end) {
      while (i < end && isSpace(bytes[i])) i++;
      let nameStart = i;
      while (i < end && bytes[i] !== EQUALS && !isSpace(bytes[i])) {
        if (bytes[i] === COLON) nameStart = i + 1;
        i++;
      }
      const nameEnd = i;
      while (i < end && bytes[i] !== EQUALS) i++;
      i++;
      while (i < end && isSpace(bytes[i])) i++;
      const quote = bytes[i];
      if (quote !== DQUOTE && quote !== SQUOTE) return false;
      const close = bytes.indexOf(quote, i + 1);
      if (close < 0 || close > end) return false;
      if (nameEnd - nameStart === localName.length) {
        let same = true;
        for (let k = 0; k < localName.length && same; k++)
          same = bytes[nameStart + k] === localName.charCodeAt(k);
        if (same) {
          this.valueFrom = i + 1;
          this.valueTo = close;
          return true;
        }
      }
      i = close + 1;
    }
    return false;
  }

  /** Whether the value `findAttribute` found is exactly `text` (ASCII), compared without making a string. */
  foundIs(text: string): boolean {
    if (this.valueTo - this.valueFrom !== text.length) return false;
    for (let k = 0; k < text.length; k++)
      if (this.bytes[this.valueFrom + k] !== text.charCodeAt(k)) return false;
    return true;
  }

  /** The value `findAttribute` found, decoded. */
  foundValue(): string {
    return decodeXml(decodeBytes(this.bytes, this.valueFrom, this.valueTo));
  }

  /** The value `findAttribute` found as a whole number of at most nine digits, or -1. */
  foundInteger(): number {
    const length = this.valueTo - this.valueFrom;
    if (length < 1 || length > 9) return -1;
    let n = 0;
    for (let i = this.valueFrom; i < this.valueTo; i++) {
      const digit = (this.bytes[i] ?? 0) - 48;
      if (digit < 0 || digit > 9) return -1;
      n = n * 10 + digit;
    }
    return n;
  }

  /** The value of the current tag's attribute with this local name, decoded; undefined when absent. */
  attr(localName: string): string | undefined {
    let found: string | undefined;
    this.eachAttribute((name, value) => {
      if (found === undefined && name === localName) found = value;
    });
    return found;
  }

  /** Calls back with each attribute's local name and decoded value. */
  eachAttribute(visit: (localName: string, value: string) => void): void {
    const bytes = this.bytes;
    let i = this.attributesFrom;
    const end = this.attributesTo;
    while (i < end) {
      while (i < end && isSpace(bytes[i])) i++;
      const nameStart = i;
      let colon = -1;
      while (i < end) {
        const code = bytes[i];
        if (code === EQUALS || isSpace(code)) break;
        if (code === COLON) colon = i;
        i++;
      }
      const nameEnd = i;
      while (i < end && bytes[i] !== EQUALS) i++;
      i++;
      while (i < end && isSpace(bytes[i])) i++;
      const quote = bytes[i];
      if (quote !== DQUOTE && quote !== SQUOTE) return;
      const close = bytes.indexOf(quote, i + 1);
      if (close < 0 || close > end) return;
      if (nameEnd > nameStart) {
        const name = nameAt(bytes, colon < 0 ? nameStart : colon + 1, nameEnd);
        visit(name, decodeXml(decodeBytes(bytes, i + 1, close)));
      }
      i = close + 1;
    }
  }

  /**
   * The text content after the current open tag, up to the next tag
   * (character data sections included, comments left out), decoded.
   */
  text(): string {
    if (this.empty || this.closing) return "";
    const bytes = this.bytes;
    let out = "";
    for (;;) {
      const lt = bytes.indexOf(LT, this.pos);
      const stop = lt < 0 ? bytes.length : lt;
      if (stop > this.pos) out += decodeXml(decodeBytes(bytes, this.pos, stop));
      this.pos = stop;
      if (lt < 0) return out;
      if (startsWithBytes(bytes, CDATA_OPEN, lt)) {
        const end = indexOfBytes(bytes, CDATA_CLOSE, lt + 9);
        out += decodeBytes(bytes, lt + 9, end < 0 ? bytes.length : end);
        this.pos = end < 0 ? bytes.length : end + 3;
      } else if (bytes[lt + 1] === BANG && bytes[lt + 2] === DASH && bytes[lt + 3] === DASH) {
        const end = indexOfBytes(bytes, COMMENT_CLOSE, lt + 4);
        this.pos = end < 0 ? bytes.length : end + 3;
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
    const close = new Uint8Array(2 + this.nameTo - this.nameFrom);
    close[0] = LT;
    close[1] = SLASH;
    close.set(this.bytes.subarray(this.nameFrom, this.nameTo), 2);
    const at = indexOfBytes(this.bytes, close, this.pos);
    if (at < 0) {
      this.pos = this.bytes.length;
      return;
    }
    this.pos = at;
    this.next();
  }

  private skipDeclaration(lt: number): number {
    const bytes = this.bytes;
    if (bytes[lt + 2] === DASH && bytes[lt + 3] === DASH) {
      const end = indexOfBytes(bytes, COMMENT_CLOSE, lt + 4);
      return end < 0 ? bytes.length : end + 3;
    }
    if (startsWithBytes(bytes, CDATA_OPEN, lt)) {
      const end = indexOfBytes(bytes, CDATA_CLOSE, lt + 9);
      return end < 0 ? bytes.length : end + 3;
    }
    // <!DOCTYPE …[ internal subset ]>: skipped whole, never interpreted.
    const gt = bytes.indexOf(GT, lt);
    const bracket = bytes.indexOf(OPEN_SQUARE, lt);
    if (bracket >= 0 && (gt < 0 || bracket < gt)) {
      const close = bytes.indexOf(CLOSE_SQUARE, bracket);
      const end = close < 0 ? -1 : bytes.indexOf(GT, close);
      return end < 0 ? bytes.length : end + 1;
    }
    return gt < 0 ? bytes.length : gt + 1;
  }
}

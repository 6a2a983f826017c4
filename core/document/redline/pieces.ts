import { elementEnd } from "./body-xml.js";
import { unescapeXml } from "../../text/xml-escape.js";

/**
 * A paragraph's content as pieces: text (with the run properties it was
 * written with), fields (a REF cross-reference, whole), and marks that take
 * no room in the text (bookmarks, comment anchors, a page break, a chart).
 * The redline diffs the text and fields and keeps the marks where they were.
 */

export type Piece =
  | { kind: "text"; rPr: string; text: string }
  | { kind: "field"; xml: string; instruction: string; shown: string }
  | { kind: "mark"; xml: string };

interface RunParts {
  rPr: string;
  /** The run's text, tabs as \t and line breaks as \n; null when the run holds something else. */
  text: string | null;
  fldChar: "begin" | "separate" | "end" | null;
  instruction: string;
}

const TOKEN =
  /<(w:t|w:delText|w:instrText)(?: [^>]*)?>([^<]*)<\/\1>|<w:tab\/>|<w:br\/>|<w:(\w+)[ />]/g;

/** Run content that changes nothing in the text: Word adds these when it saves a file. */
const TEXT_NEUTRAL = new Set(["t", "lastRenderedPageBreak", "softHyphen", "noProof"]);

function runParts(xml: string): RunParts {
  const inner = xml.slice(xml.indexOf(">") + 1, xml.lastIndexOf("</w:r>"));
  const rPr = inner.startsWith("<w:rPr>") ? inner.slice(0, elementEnd(inner, 0, "w:rPr")) : "";
  const body = inner.slice(rPr.length);
  let text = "";
  let other = false;
  let instruction = "";
  let fldChar: RunParts["fldChar"] = null;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(body); match; match = TOKEN.exec(body)) {
    const [whole, textTag, value, element] = match;
    if (textTag === "w:t") text += unescapeXml(value ?? "");
    else if (textTag === "w:instrText") instruction += unescapeXml(value ?? "");
    else if (whole === "<w:tab/>") text += "\t";
    else if (whole === "<w:br/>") text += "\n";
    else if (element === "fldChar") {
      fldChar = /w:fldCharType="(\w+)"/.exec(body.slice(match.index))?.[1] as RunParts["fldChar"];
    } else if (element && !TEXT_NEUTRAL.has(element)) other = true;
  }
  return { rPr, text: other || fldChar || instruction ? null : text, fldChar, instruction };
}

function startsWithElement(xml: string, at: number): string | null {
  return /^<([\w:]+)/.exec(xml.slice(at, at + 40))?.[1] ?? null;
}

/** A paragraph's content (what follows its properties) as pieces. */
export function paragraphPieces(content: string): Piece[] {
  const pieces: Piece[] = [];
  let field: {
    xml: string;
    depth: number;
    instruction: string;
    shown: string;
    result: boolean;
  } | null = null;
  let at = 0;
  while (at < content.length) {
    const lt = content.indexOf("<", at);
    if (lt < 0) break;
    const name = startsWithElement(content, lt);
    if (!name) break;
    const end = elementEnd(content, lt, name);
    const xml = content.slice(lt, end);
    at = end;
    if (name !== "w:r") {
      if (field) field.xml += xml;
      else pieces.push({ kind: "mark", xml });
      continue;
    }
    const run = runParts(xml);
    if (field) {
      field.xml += xml;
      if (run.fldChar === "begin") field.depth++;
      else if (run.fldChar === "separate" && field.depth === 1) field.result = true;
      else if (run.fldChar === "end" && --field.depth === 0) {
        pieces.push({
          kind: "field",
          xml: field.xml,
          instruction: field.instruction.trim(),
          shown: field.shown,
        });
        field = null;
      } else if (field.depth === 1) {
        field.instruction += run.instruction;
        if (field.result && run.text !== null) field.shown += run.text;
      }
      continue;
    }
    if (run.fldChar === "begin") {
      field = { xml, depth: 1, instruction: "", shown: "", result: false };
      continue;
    }
    if (run.text === null) pieces.push({ kind: "mark", xml });
    else if (run.text !== "") pieces.push({ kind: "text", rPr: run.rPr, text: run.text });
  }
  // A field left open (one that spans paragraphs) is kept as it stands.
  if (field) pieces.push({ kind: "mark", xml: field.xml });
  return pieces;
}

/** The bookmark a REF field's instruction points to, if it is one. */
export function refTarget(instruction: string): string | null {
  return /^REF\s+(\S+)/.exec(instruction)?.[1] ?? null;
}

/** Names of the bookmarks that start in a paragraph's content. */
export function bookmarksIn(content: string): string[] {
  return [...content.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1] ?? "");
}

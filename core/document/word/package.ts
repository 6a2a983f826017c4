import { escapeXml } from "../../text/xml-escape.js";
import { docxEscape } from "./docx-escape.js";
import { documentXml } from "./document.js";
import type { HouseStyle } from "./house-style.js";
import { COMMENT_AUTHOR, COMMENT_INITIALS, type CommentText } from "./runs.js";
import {
  CONTENT_TYPES_PATH,
  CORE_PATH,
  DOCUMENT_PATH,
  packageSkeleton,
  RELATIONSHIPS_PATH,
  type Skeleton,
} from "./skeleton.js";
import { encodePieces } from "./utf8.js";
import { deflatedEntry, writeZip, type ZipEntry } from "./zip.js";

/**
 * Packs a document into .docx bytes: the parts that are the same for every
 * document in a house style and mode come compressed from the skeleton; the
 * body, the properties, the header's text, the comments and the charts are
 * written and deflated here, for this document only.
 */

/**
 * A part docx knows nothing about (a chart), with what makes it reachable:
 * its content type and the relationship from the part that uses it.
 */
export interface PackagePart {
  path: string;
  data: string;
  contentType: string;
  /** Absent for a part reached from another extra part (listed in that part's own .rels, itself an extra part). */
  relationship?: { from: string; id: string; type: string; target: string };
}

export interface PackageInput {
  style: HouseStyle;
  draft: boolean;
  /** The header line: version and date (and the title in finals). */
  headerText: string;
  comments: readonly CommentText[];
  /** The document's date: the comments' date and every zip entry's time. */
  date: Date;
  /** The body of `word/document.xml`, in pieces: title page, contents, clauses. */
  content: readonly string[];
  /** `docProps/core.xml`. */
  core: string;
  extra?: readonly PackagePart[];
}

/** Inserts `addition` before the closing tag of a part docx wrote; docx is pinned, so a miss is a bug. */
function insertBefore(xml: string, close: string, addition: string): string {
  const at = xml.lastIndexOf(close);
  if (at < 0) throw new Error(`Package part without ${close}`);
  return xml.slice(0, at) + addition + xml.slice(at);
}

/** The document's relationships and content types with the extra parts added, as docx's own parts would list them. */
export function withExtraParts(
  relationships: string,
  contentTypes: string,
  extra: readonly PackagePart[],
): { relationships: string; contentTypes: string } {
  const types = extra
    .filter((p) => p.contentType !== "")
    .map((p) => `<Override ContentType="${p.contentType}" PartName="/${escapeXml(p.path)}"/>`)
    .join("");
  let rels = relationships;
  for (const part of extra) {
    if (!part.relationship) continue;
    const { from, id, type, target } = part.relationship;
    if (from !== RELATIONSHIPS_PATH) throw new Error(`${part.path}: only the document may use it`);
    rels = insertBefore(
      rels,
      "</Relationships>",
      `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`,
    );
  }
  return {
    relationships: rels,
    contentTypes: extra.length ? insertBefore(contentTypes, "</Types>", types) : contentTypes,
  };
}

/** One comment as docx writes it: a paragraph with one run of the text. */
function commentXml(id: number, date: string, text: CommentText): string {
  return (
    `<w:comment w:id="${id}" w:initials="${COMMENT_INITIALS}" w:author="${COMMENT_AUTHOR}" w:date="${date}">` +
    `<w:p><w:r><w:t xml:space="preserve">${docxEscape(text)}</w:t></w:r></w:p></w:comment>`
  );
}

function commentsXml(skeleton: Skeleton, comments: readonly CommentText[], date: Date): string {
  if (!skeleton.comments)
    throw new Error("A package without a comments part cannot carry comments");
  const iso = date.toISOString();
  let xml = skeleton.comments.before;
  comments.forEach((text, id) => (xml += commentXml(id, iso, text)));
  return xml + skeleton.comments.after;
}

function entry(path: string, ...xml: readonly string[]): ZipEntry {
  return deflatedEntry(path, encodePieces(xml));
}

export function packDocument(input: PackageInput): Uint8Array {
  const extra = input.extra ?? [];
  const skeleton = packageSkeleton(input.style, input.draft, input.comments.length > 0);
  const listed = extra.length
    ? withExtraParts(skeleton.relationships, skeleton.contentTypes, extra)
    : null;
  const entries: ZipEntry[] = skeleton.parts.map((part) => {
    switch (part.kind) {
      case "fixed":
        return part.entry;
      case "document":
        return entry(DOCUMENT_PATH, ...documentXml(input.content, skeleton.references));
      case "core":
        return entry(CORE_PATH, input.core);
      case "header":
        return entry(
          skeleton.paths.header,
          skeleton.header.before + docxEscape(input.headerText) + skeleton.header.after,
        );
      case "comments":
        return entry(
          skeleton.paths.comments ?? "",
          commentsXml(skeleton, input.comments, input.date),
        );
      case "relationships":
        return listed
          ? entry(RELATIONSHIPS_PATH, listed.relationships)
          : skeleton.plain.relationships;
      case "contentTypes":
        return listed
          ? entry(CONTENT_TYPES_PATH, listed.contentTypes)
          : skeleton.plain.contentTypes;
    }
  });
  for (const part of extra) entries.push(entry(part.path, part.data));
  return writeZip(entries, input.date);
}

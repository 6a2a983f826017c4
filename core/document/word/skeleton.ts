import { Packer, type File } from "docx";
import { withSeededRandom } from "./deterministic.js";
import { wordPackage, sectionReferences, type SectionReferences } from "./document.js";
import type { HouseStyle } from "./house-style.js";
import { COMMENT_AUTHOR, COMMENT_INITIALS } from "./runs.js";
import { deflatedEntry, type ZipEntry } from "./zip.js";

/**
 * What docx writes around the body, built once per house style and mode and
 * kept: styles, numbering, settings, theme, fonts, footer, relationships and
 * content types are the same in every document of a batch, so they are
 * compiled and deflated once and their deflate streams reused. Only the
 * header's text and the comments change from one document to the next; they
 * are compiled here around sentinels, and each document fills the gaps with
 * its own text, escaped as docx escapes it. The result is byte for byte what
 * docx writes for the whole document (the tests compare the two).
 */

/** Seed for the docx library's ids (the watermark's shape id): any constant will do. */
const ID_SEED = 0x5eed;
/** Stands for the header's text and a comment's text: private use, so neither escaped nor in any template. */
const SENTINEL = "\uE000";
const COMMENTS_CLOSE = "</w:comments>";

export const DOCUMENT_PATH = "word/document.xml";
export const CORE_PATH = "docProps/core.xml";
export const RELATIONSHIPS_PATH = "word/_rels/document.xml.rels";
export const CONTENT_TYPES_PATH = "[Content_Types].xml";

/** A part of the package: reused as it is, or written for each document. */
export type SkeletonPart =
  | { kind: "fixed"; entry: ZipEntry }
  | { kind: "document" | "core" | "header" | "comments" | "relationships" | "contentTypes" };

export interface Skeleton {
  /** Every part in the order docx writes them. */
  parts: readonly SkeletonPart[];
  /** Paths of the parts written for each document. */
  paths: { header: string; comments: string | null };
  references: SectionReferences;
  /** The header part with its text left out: before + text + after. */
  header: { before: string; after: string };
  /** The comments part without its comments (null when the document has none). */
  comments: { before: string; after: string } | null;
  /** As docx wrote them, for documents that add parts (charts) to them. */
  relationships: string;
  contentTypes: string;
  /** The two parts deflated, for documents that add nothing to them. */
  plain: { relationships: ZipEntry; contentTypes: ZipEntry };
}

/** Packer's compiler is not exported: reached through its static field (docx is pinned; the document tests fail if it moves). */
interface PackerInternals {
  compiler: {
    compile(
      file: File,
      prettify: undefined,
      overrides: readonly { path: string; data: string }[],
    ): Map<string, string | Uint8Array>;
  };
}

export function compileParts(
  document: File,
  overrides: readonly { path: string; data: string }[],
): Map<string, string | Uint8Array> {
  return (Packer as unknown as PackerInternals).compiler.compile(document, undefined, overrides);
}

const encoder = new TextEncoder();

function splitAt(xml: string, marker: string, path: string): { before: string; after: string } {
  const at = xml.indexOf(marker);
  if (at < 0 || xml.indexOf(marker, at + 1) >= 0)
    throw new Error(`${path}: the skeleton's marker is not there exactly once`);
  return { before: xml.slice(0, at), after: xml.slice(at + marker.length) };
}

function text(data: string | Uint8Array | undefined, path: string): string {
  if (typeof data !== "string") throw new Error(`${path} is not a text part`);
  return data;
}

function buildSkeleton(style: HouseStyle, draft: boolean, withComments: boolean): Skeleton {
  const comments = withComments
    ? [
        {
          id: 0,
          author: COMMENT_AUTHOR,
          initials: COMMENT_INITIALS,
          date: new Date(0),
          children: [],
        },
      ]
    : [];
  const { compiled, references } = withSeededRandom(ID_SEED, () => {
    const document = wordPackage({ style, draft, headerText: SENTINEL, comments });
    const overrides = [DOCUMENT_PATH, CORE_PATH].map((path) => ({ path, data: "" }));
    return { compiled: compileParts(document, overrides), references: sectionReferences(document) };
  });
  let header: { path: string; before: string; after: string } | null = null;
  let commentsPart: { path: string; before: string; after: string } | null = null;
  const parts: SkeletonPart[] = [];
  for (const [path, data] of compiled) {
    if (path === DOCUMENT_PATH) parts.push({ kind: "document" });
    else if (path === CORE_PATH) parts.push({ kind: "core" });
    else if (path === RELATIONSHIPS_PATH) parts.push({ kind: "relationships" });
    else if (path === CONTENT_TYPES_PATH) parts.push({ kind: "contentTypes" });
    else if (typeof data === "string" && data.includes(SENTINEL)) {
      header = { path, ...splitAt(data, SENTINEL, path) };
      parts.push({ kind: "header" });
    } else if (withComments && typeof data === "string" && data.includes("<w:comments ")) {
      // The sentinel comment has no paragraphs: everything between the part's opening and closing tags is comments.
      const xml = data;
      const first = xml.indexOf("<w:comment ");
      commentsPart = { path, before: xml.slice(0, first), after: COMMENTS_CLOSE };
      if (!xml.endsWith(COMMENTS_CLOSE)) throw new Error(`${path} does not end its comments`);
      parts.push({ kind: "comments" });
    } else {
      const bytes = typeof data === "string" ? encoder.encode(data) : data;
      parts.push({ kind: "fixed", entry: deflatedEntry(path, bytes) });
    }
  }
  if (!header) throw new Error("The package has no header");
  if (withComments && !commentsPart) throw new Error("The package has no comments part");
  const relationships = text(compiled.get(RELATIONSHIPS_PATH), RELATIONSHIPS_PATH);
  const contentTypes = text(compiled.get(CONTENT_TYPES_PATH), CONTENT_TYPES_PATH);
  return {
    parts,
    paths: { header: header.path, comments: commentsPart?.path ?? null },
    references,
    header: { before: header.before, after: header.after },
    comments: commentsPart ? { before: commentsPart.before, after: commentsPart.after } : null,
    relationships,
    contentTypes,
    plain: {
      relationships: deflatedEntry(RELATIONSHIPS_PATH, encoder.encode(relationships)),
      contentTypes: deflatedEntry(CONTENT_TYPES_PATH, encoder.encode(contentTypes)),
    },
  };
}

/**
 * Keyed by the house style's content (not its identity, so an edited style
 * object never gets a stale skeleton) and the mode. A host uses one or two
 * styles; the bound only stops a long-lived pane from collecting them.
 */
const cache = new Map<string, Skeleton>();
const CACHE_LIMIT = 16;

export function packageSkeleton(
  style: HouseStyle,
  draft: boolean,
  withComments: boolean,
): Skeleton {
  const key = `${draft ? "draft" : "final"}|${withComments ? "comments" : "none"}|${JSON.stringify(style)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const built = buildSkeleton(style, draft, withComments);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, built);
  return built;
}

import { Packer, type File } from "docx";
import { zipSync, type Zippable } from "fflate";
import { escapeXml } from "../../text/xml-escape.js";

/**
 * Packs a document into .docx bytes. docx compiles the parts; we zip them
 * ourselves because Packer.pack deflates at fflate's default level 6, which
 * was a third of the time of a whole agreement. Level 1 is several times
 * faster for XML at a few percent more bytes.
 *
 * Packer's compiler is not exported, so it is reached through Packer's static
 * field; docx is pinned to an exact version and the document tests (schema
 * validation, LibreOffice, golden text, determinism) fail if it moves.
 */
interface PackerInternals {
  compiler: {
    compile(
      file: File,
      prettify: undefined,
      overrides: readonly { path: string; data: string }[],
    ): Map<string, string | Uint8Array>;
  };
}

/**
 * A part docx knows nothing about (a chart), with what makes it reachable:
 * its content type and the relationship from the part that uses it.
 */
export interface PackagePart {
  path: string;
  data: string;
  contentType: string;
  relationship: { from: string; id: string; type: string; target: string };
}

const encoder = new TextEncoder();

/** Inserts `addition` before the closing tag of a part docx wrote; docx is pinned, so a miss is a bug. */
function insertBefore(xml: string | Uint8Array | undefined, close: string, addition: string) {
  const at = typeof xml === "string" ? xml.lastIndexOf(close) : -1;
  if (typeof xml !== "string" || at < 0) throw new Error(`Package part without ${close}`);
  return xml.slice(0, at) + addition + xml.slice(at);
}

function addParts(parts: Map<string, string | Uint8Array>, extra: readonly PackagePart[]): void {
  if (extra.length === 0) return;
  const types = extra
    .map((p) => `<Override ContentType="${p.contentType}" PartName="/${escapeXml(p.path)}"/>`)
    .join("");
  parts.set(
    "[Content_Types].xml",
    insertBefore(parts.get("[Content_Types].xml"), "</Types>", types),
  );
  for (const part of extra) {
    const { from, id, type, target } = part.relationship;
    const relationship = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
    parts.set(from, insertBefore(parts.get(from), "</Relationships>", relationship));
    parts.set(part.path, part.data);
  }
}

export function packDocument(
  document: File,
  overrides: readonly { path: string; data: string }[],
  extra: readonly PackagePart[] = [],
): Uint8Array {
  const { compiler } = Packer as unknown as PackerInternals;
  const parts = compiler.compile(document, undefined, overrides);
  addParts(parts, extra);
  const zippable: Zippable = {};
  for (const [path, data] of parts)
    zippable[path] = typeof data === "string" ? encoder.encode(data) : data;
  return zipSync(zippable, { level: 1 });
}

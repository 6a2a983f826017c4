import { Packer, type File } from "docx";
import { zipSync, type Zippable } from "fflate";

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

const encoder = new TextEncoder();

export function packDocument(
  document: File,
  overrides: readonly { path: string; data: string }[],
): Uint8Array {
  const { compiler } = Packer as unknown as PackerInternals;
  const parts = compiler.compile(document, undefined, overrides);
  const zippable: Zippable = {};
  for (const [path, data] of parts)
    zippable[path] = typeof data === "string" ? encoder.encode(data) : data;
  return zipSync(zippable, { level: 1 });
}

import { buildDocument, type DocumentKind } from "../core/document/index.js";
import type { Partnership } from "../core/model/types.js";

/** A partnership's document as the benches build it: a draft with notes; a refusal is a bench bug. */
export async function draftDocument(
  kind: DocumentKind,
  partnership: Partnership,
  templates: Readonly<Record<string, string>>,
): Promise<Uint8Array> {
  const built = await buildDocument({
    kind,
    partnership,
    workbookProblems: [],
    templates,
    mode: "draft",
    notes: true,
  });
  if (!built.bytes) throw new Error(`the ${kind} was refused`);
  return built.bytes;
}

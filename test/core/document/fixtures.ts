import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  buildDocument,
  TEMPLATE_FILES,
  type BuildInput,
  type DocumentKind,
} from "../../../core/document/index.js";
import { examplePartnership } from "../../../core/example/partnership.js";
import type { Partnership } from "../../../core/model/types.js";
import { loadInstruments } from "../../../generator/instruments.js";

/** Shared set-up for the document tests: the shipped templates and the example partnership. */

const TEMPLATES_DIR = fileURLToPath(new URL("../../../templates/documents/", import.meta.url));

export const templates: Record<string, string> = Object.fromEntries(
  TEMPLATE_FILES.map((file) => [file, readFileSync(`${TEMPLATES_DIR}${file}`, "utf8")]),
);

export async function example(): Promise<Partnership> {
  return examplePartnership(await loadInstruments());
}

/** The example with every gap a final document would refuse filled in. */
export async function completeExample(): Promise<Partnership> {
  const partnership = await example();
  for (const objective of partnership.objectives) objective.dueDate ??= "2026-03-31";
  return partnership;
}

export function build(
  kind: DocumentKind,
  partnership: Partnership,
  options: Partial<Omit<BuildInput, "kind" | "partnership">> = {},
) {
  return buildDocument({
    kind,
    partnership,
    workbookProblems: [],
    templates,
    mode: "draft",
    notes: true,
    ...options,
  });
}

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TEMPLATE_FILES } from "../../core/document/index.js";
import { UserError } from "../command.js";

/** `templates/documents/`, two levels up from this file. */
export const DEFAULT_DOCUMENTS_DIR = fileURLToPath(
  new URL("../../templates/documents/", import.meta.url),
);

/** Reads the document templates core needs (TEMPLATE_FILES) from a folder. */
export async function loadDocumentTemplates(
  dir: string = DEFAULT_DOCUMENTS_DIR,
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    TEMPLATE_FILES.map(async (file) => {
      try {
        return [file, await readFile(join(dir, file), "utf8")] as const;
      } catch {
        throw new UserError(`Cannot read the document template ${join(dir, file)}.`, 2);
      }
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * Validates manifest.xml against the published add-in manifest schemas,
 * offline (`office-addin-manifest validate` needs a Microsoft web service).
 * Uses xmllint compiled to WebAssembly, so no system tool is needed.
 *
 *   tsx addin/manifest/validate.ts [manifest.xml]
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

/** The published schemas, kept in the repository (schemas/office-manifest); MANIFEST_XSD_DIR overrides. */
export const SCHEMA_DIR =
  process.env.MANIFEST_XSD_DIR ??
  fileURLToPath(new URL("../../schemas/office-manifest/", import.meta.url));
export const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

export interface ManifestCheck {
  valid: boolean;
  errors: string[];
}

export async function validateManifest(
  manifestPath: string,
  schemaDir = SCHEMA_DIR,
): Promise<ManifestCheck> {
  const names = (await readdir(schemaDir)).filter((n) => n.endsWith(".xsd"));
  const files = await Promise.all(
    names.map(async (fileName) => ({
      fileName,
      contents: await readFile(path.join(schemaDir, fileName), "utf8"),
    })),
  );
  const main = files.find((f) => f.fileName === MAIN_SCHEMA);
  if (!main) throw new Error(`${MAIN_SCHEMA} is not in ${schemaDir}`);
  const result = await validateXML({
    xml: [
      { fileName: path.basename(manifestPath), contents: await readFile(manifestPath, "utf8") },
    ],
    schema: [main],
    // The main schema imports the others by file name.
    preload: files.filter((f) => f !== main),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const manifest = process.argv[2] ?? "manifest.xml";
  validateManifest(manifest)
    .then(({ valid, errors }) => {
      if (valid) {
        console.log(`${manifest} is valid against ${MAIN_SCHEMA} (offline check).`);
        return;
      }
      console.error(`${manifest} is not valid:\n${errors.map((e) => `  ${e}`).join("\n")}`);
      process.exitCode = 1;
    })
    .catch((error: unknown) => {
      console.error(
        `Could not validate ${manifest}: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exitCode = 2;
    });
}

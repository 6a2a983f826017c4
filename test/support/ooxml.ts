import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Validates Office Open XML parts against the ISO/IEC 29500 schemas in
 * schemas/ooxml with xmllint, after doing what a consuming
 * application does with markup-compatibility: drop the ignorable namespaces'
 * attributes and elements and keep each mc:AlternateContent's fallback.
 */

/** The schemas are kept in the repository (schemas/ooxml, see schemas/README.md). */
const SCHEMA_ROOTS = [fileURLToPath(new URL("../../schemas/ooxml/", import.meta.url))];

export function schemaDir(): string | null {
  return (
    SCHEMA_ROOTS.find((dir) => existsSync(join(dir, "ISO-IEC29500-4_2016", "sml.xsd"))) ?? null
  );
}

export function schemaPath(relative: string): string {
  const dir = schemaDir();
  if (!dir) throw new Error("OOXML schemas not found (schemas/ooxml)");
  return join(dir, relative);
}

export const SPREADSHEET_SCHEMA = "ISO-IEC29500-4_2016/sml.xsd";
export const WORD_SCHEMA = "microsoft/wml-2010.xsd";

export function findXmllint(): string | null {
  return ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].find((p) => existsSync(p)) ?? null;
}

export const XMLLINT_MISSING =
  "xmllint (libxml2-utils) is not installed: skipping OOXML schema validation. CI installs it with apt-get (libxml2-utils).";

/** Applies markup-compatibility processing (ECMA-376 Part 3) as a consumer would. */
export function resolveMarkupCompatibility(xml: string): string {
  const ignorable = /\bmc:Ignorable="([^"]*)"/.exec(xml)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  let out = xml.replace(
    /<mc:AlternateContent\b[^>]*>[\s\S]*?<mc:Fallback>([\s\S]*?)<\/mc:Fallback>\s*<\/mc:AlternateContent>/g,
    "$1",
  );
  out = out.replace(/<mc:AlternateContent\b[^>]*>[\s\S]*?<\/mc:AlternateContent>/g, "");
  for (const prefix of ignorable) {
    const p = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out
      .replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*/>`, "g"), "")
      .replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*>[\\s\\S]*?</${p}:\\1>`, "g"), "")
      .replace(new RegExp(`\\s${p}:[\\w.-]+="[^"]*"`, "g"), "");
  }
  return out.replace(/\smc:Ignorable="[^"]*"/g, "");
}

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

/** Validates one XML part; `schema` is a path to an .xsd file. */
export function validatePart(xml: string, schema: string): ValidationResult {
  const xmllint = findXmllint();
  if (!xmllint) throw new Error(XMLLINT_MISSING);
  const dir = mkdtempSync(join(tmpdir(), "pw-ooxml-"));
  const file = join(dir, "part.xml");
  writeFileSync(file, resolveMarkupCompatibility(xml));
  try {
    execFileSync(xmllint, ["--noout", "--schema", schema, file], { stdio: "pipe" });
    return { valid: true, errors: [] };
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? error);
    const errors = stderr.split("\n").filter((line) => line.trim() && !/validates$/.test(line));
    return { valid: false, errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MAIN_SCHEMA, SCHEMA_DIR, validateManifest } from "../../../addin/manifest/validate.js";

const MANIFEST = fileURLToPath(new URL("../../../manifest.xml", import.meta.url));
const SYSTEM_XMLLINT = "/usr/bin/xmllint";
const hasXmllint = existsSync(SYSTEM_XMLLINT);
if (!hasXmllint)
  console.warn(
    `Skipping the system xmllint cross-check: ${SYSTEM_XMLLINT} is missing (apt-get install libxml2-utils).`,
  );

describe("manifest.xml", () => {
  it("validates against the published schemas, offline (xmllint-wasm)", async () => {
    const result = await validateManifest(MANIFEST);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.skipIf(!hasXmllint)("validates with the system xmllint too", () => {
    const output = execFileSync(
      SYSTEM_XMLLINT,
      ["--noout", "--schema", join(SCHEMA_DIR, MAIN_SCHEMA), MANIFEST],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    expect(output).toBe("");
  });

  it("rejects a manifest that breaks the schema", async () => {
    const broken = readFileSync(MANIFEST, "utf8").replace(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>Everything</Permissions>",
    );
    const path = join(mkdtempSync(join(tmpdir(), "manifest-")), "manifest.xml");
    writeFileSync(path, broken);
    const result = await validateManifest(path);
    expect(result.valid).toBe(false);
  });

  it("is the add-in the issue asks for", () => {
    const xml = readFileSync(MANIFEST, "utf8");
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(xml).toMatch(
      /<\/Hosts>\s*<Requirements>\s*<Sets[^>]*>\s*<Set Name="ExcelApi" MinVersion="1.9"\/>/,
    );
    expect(xml).toContain('<OfficeTab id="TabHome">');
    for (const size of [16, 32, 64, 80]) {
      expect(xml).toContain(`https://localhost:3000/assets/icon-${size}.png`);
      expect(
        existsSync(fileURLToPath(new URL(`../../../assets/icon-${size}.png`, import.meta.url))),
      ).toBe(true);
    }
  });
});

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DOCUMENTS_DIR } from "../../generator/documents/templates.js";
import { docxText } from "../support/docx-text.js";
import { runCli } from "../support/run-cli.js";

/**
 * `--templates DIR`: a legal team's copy of the templates folder (its house
 * precedents) is used instead of the shipped one, and a mistake in it is
 * reported with the file in DIR, the line and the column.
 */

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pw-templates-"));
  const built = await runCli(dir, ["workbook", "--out", "example.xlsx", "--example"]);
  expect(built.code).toBe(0);
}, 60_000);

function houseCopy(name: string, edit: (agreement: string) => string): void {
  cpSync(DEFAULT_DOCUMENTS_DIR, join(dir, name), { recursive: true });
  const file = join(dir, name, "agreement.md.hbs");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
}

describe("partnership generate --templates DIR", () => {
  it("uses the house copy instead of the shipped templates", async () => {
    houseCopy("house", (source) =>
      source.replace(
        /\n# /,
        "\n# House precedent clause {#house}\n\n## Northvale house rule.\n\n# ",
      ),
    );
    const r = await runCli(dir, [
      "generate",
      "agreement",
      "--workbook",
      "example.xlsx",
      "--templates",
      "house",
      "--out",
      "house.docx",
    ]);
    expect(r.code, r.stdout + r.stderr).not.toBe(2);
    const text = await docxText(readFileSync(join(dir, "house.docx")));
    expect(text).toContain("1.\tHouse precedent clause");
    expect(text).toContain("1.1\tNorthvale house rule.");
  }, 60_000);

  it("reports a broken house template at its file, line and column in DIR", async () => {
    let line = 0;
    houseCopy("broken", (source) => {
      const lines = source.replace(/\n+$/, "").split("\n");
      lines.push("", "Signed at {{nosuchfield}} today.", "");
      line = lines.length - 1;
      return lines.join("\n");
    });
    const r = await runCli(dir, [
      "generate",
      "agreement",
      "--workbook",
      "example.xlsx",
      "--templates",
      "broken",
      "--out",
      "broken.docx",
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${join("broken", "agreement.md.hbs")}!${line}:13: Template: unknown field "nosuchfield"`,
    );
  }, 60_000);

  it("refuses a folder that does not exist before doing any work", async () => {
    const r = await runCli(dir, [
      "generate",
      "agreement",
      "--workbook",
      "example.xlsx",
      "--templates",
      "no-such-folder",
      "--out",
      "none.docx",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain("Cannot use no-such-folder as --templates");
  });
});

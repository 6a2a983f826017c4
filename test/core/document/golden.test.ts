import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { docxText } from "../../support/docx-text.js";
import { build, example } from "./fixtures.js";

/**
 * Golden text of both documents for the example partnership: the words a
 * reader sees, one line per paragraph, so a change to a template or to the
 * numbering shows up as a readable diff. After an intended change, refresh
 * with UPDATE_GOLDEN=1 npx vitest run test/core/document/golden.test.ts and
 * review the diff like any other.
 */

const GOLDEN = fileURLToPath(new URL("./golden/", import.meta.url));

describe.each(["agreement", "terms-of-reference"] as const)("golden text: %s", (kind) => {
  it("matches the reviewed text", async () => {
    const result = await build(kind, await example());
    expect(result.bytes).not.toBeNull();
    const text = `${await docxText(result.bytes ?? new Uint8Array())}\n`;
    const file = `${GOLDEN}${kind}.txt`;
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, "utf8"));
  });
});

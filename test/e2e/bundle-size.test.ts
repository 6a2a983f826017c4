import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, webpack } from "./support.js";

describe("the task pane bundle", () => {
  it("builds headless without certificates and stays under 1 MB minified (Office.js excluded)", async () => {
    await webpack("--mode", "production");
    const size = statSync(join(ROOT, "dist", "taskpane.js")).size;
    console.info(`taskpane.js: ${Math.round(size / 1024)} KB minified`);
    expect(size).toBeLessThan(1024 * 1024);
    // The Word writer is a chunk of its own, fetched when a document is first made.
    const chunks = readdirSync(join(ROOT, "dist")).filter((f) => /^\d+\.js$/.test(f));
    const docx = chunks.find((f) =>
      readFileSync(join(ROOT, "dist", f), "utf8").includes(
        "officeDocument/2006/relationships/numbering",
      ),
    );
    expect(docx, "a chunk holding the docx library").toBeDefined();
    expect(readFileSync(join(ROOT, "dist", "taskpane.js"), "utf8")).not.toContain(
      "officeDocument/2006/relationships/numbering",
    );
    expect(statSync(join(ROOT, "dist", "manifest.xml")).size).toBeGreaterThan(0);
    // Inside Excel, Office.js comes from the Office CDN as Microsoft requires; the bundle does not carry it.
    expect(readFileSync(join(ROOT, "dist", "taskpane.html"), "utf8")).toContain(
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    );
  }, 180_000);
});

import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, webpack } from "./support.js";

describe("the task pane bundle", () => {
  it("builds headless without certificates and stays under 1 MB minified (Office.js excluded)", async () => {
    await webpack("--mode", "production");
    const size = statSync(join(ROOT, "dist", "taskpane.js")).size;
    console.info(`taskpane.js: ${Math.round(size / 1024)} KB minified`);
    expect(size).toBeLessThan(1024 * 1024);
    expect(statSync(join(ROOT, "dist", "manifest.xml")).size).toBeGreaterThan(0);
    // Inside Excel, Office.js comes from the Office CDN as Microsoft requires; the bundle does not carry it.
    expect(readFileSync(join(ROOT, "dist", "taskpane.html"), "utf8")).toContain(
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    );
  }, 180_000);
});

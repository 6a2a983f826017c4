/**
 * Issue 7 §5: the suite must not break on a busy machine. Heavy fixtures are
 * built once per run and LibreOffice starts once for all of them (it started
 * once per test, seven times, each about 6 s of CPU); no test lives under
 * vitest's 5 s default.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import config from "../../vitest.config.js";
import { libreOfficeResults } from "./converted.js";
import { findSoffice, SOFFICE_MISSING } from "./soffice.js";

const TEST_ROOT = fileURLToPath(new URL("..", import.meta.url));

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("the test suite on a busy machine", () => {
  it("gives every test 60 s and every hook 240 s, not vitest's 5 s and 10 s defaults", () => {
    expect(config.test?.testTimeout).toBeGreaterThanOrEqual(60_000);
    expect(config.test?.hookTimeout).toBeGreaterThanOrEqual(240_000);
    expect(config.test?.globalSetup).toContain("test/support/global-setup.ts");
  });

  it("leaves starting LibreOffice to the global set-up: no test file converts on its own", () => {
    const starters = testFiles(TEST_ROOT).filter((file) =>
      /\bsofficeConvert\(|\brecalculatedSheets\(|["']--convert-to["']/.test(
        readFileSync(file, "utf8"),
      ),
    );
    expect(starters.map((file) => relative(TEST_ROOT, file))).toEqual([]);
  });
});

if (!findSoffice()) console.warn(SOFFICE_MISSING);

describe.skipIf(!findSoffice())("the shared LibreOffice conversions", () => {
  it("make every PDF, the workbooks' CSV per sheet and the re-saved workbooks in one start", async () => {
    const converted = await libreOfficeResults();
    expect(converted.starts).toBe(1);
    for (const input of [
      converted.exampleXlsx,
      converted.chartsXlsx,
      converted.agreementDocx,
      converted.termsDocx,
      converted.chartsDocx,
      converted.assessmentReportDocx,
      converted.performanceReportDocx,
    ])
      expect(existsSync(converted.pdf(input)), input).toBe(true);
    expect(converted.exampleSheets(["Indicators", "Summary"]).size).toBe(2);
    expect(converted.sheets(converted.cycleGridXlsx, ["Trust", "Summary"]).size).toBe(2);
    for (const input of [converted.kindsXlsx, converted.returnXlsx])
      expect(converted.resaved(input).length, input).toBeGreaterThan(0);
  }, 300_000);
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workbookBytes } from "../../adapters/exceljs/write-workbook.js";
import { examplePartnership } from "../../core/example/partnership.js";
import { buildOperations } from "../../core/layout/blueprint.js";
import { generateOne } from "../../generator/documents/generate-one.js";
import { loadDocumentTemplates } from "../../generator/documents/templates.js";
import { loadPartnershipFile } from "../../generator/load.js";
import { exampleInstruments } from "../support/example.js";

/**
 * Documents do not read the assessment history (a workbook's biggest table):
 * a broken history row stops `check`, not the agreement.
 */
let dir: string;
let workbook: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pw-skip-history-"));
  const instruments = await exampleInstruments();
  const partnership = examplePartnership(instruments);
  const [first] = partnership.assessmentHistory ?? [];
  if (!first) throw new Error("the example has no assessment history");
  first.round = ""; // Round is required in every history row
  workbook = join(dir, "broken-history.xlsx");
  writeFileSync(workbook, await workbookBytes(buildOperations(partnership, instruments)));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("documents and the assessment history", () => {
  it("check reads the history and finds the broken row; the agreement is written without reading it", async () => {
    const instruments = await exampleInstruments();
    const checked = await loadPartnershipFile(workbook, instruments);
    const historyErrors = checked.problems.filter(
      (p) => p.severity === "error" && p.sheet === "Assessment history",
    );
    expect(historyErrors.length).toBeGreaterThan(0);

    const result = await generateOne(
      { workbook, out: join(dir, "agreement.docx"), outDir: null },
      { kind: "agreement", final: false, notes: true, force: true },
      { instruments, templates: await loadDocumentTemplates() },
    );
    expect(result.status).toBe("written");
    expect(result.problems.filter((p) => p.sheet === "Assessment history")).toEqual([]);
  }, 60_000);
});

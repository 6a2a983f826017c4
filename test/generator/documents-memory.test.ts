import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workbookBytes } from "../../adapters/exceljs/write-workbook.js";
import { examplePartnership } from "../../core/example/partnership.js";
import { buildOperations } from "../../core/layout/blueprint.js";
import { runBatch } from "../../generator/documents/batch.js";
import type { GenerateResult } from "../../generator/documents/generate-one.js";
import { loadDocumentTemplates } from "../../generator/documents/templates.js";
import { loadInstruments } from "../../generator/instruments.js";

/**
 * A batch keeps every result until its summary, so a result must cost only
 * what it says. Its strings used to be slices of the document's whole
 * rendered text (V8 keeps the text a substring was cut from), which cost
 * about 86 KB a document: 10,000 documents held almost a gigabyte.
 */

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pw-batch-memory-"));
  const instruments = await loadInstruments();
  const operations = buildOperations(examplePartnership(instruments), instruments);
  writeFileSync(join(dir, "example.xlsx"), await workbookBytes(operations));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe("a one-thread batch's memory", () => {
  it("keeps a few kilobytes per document, not the document's text", async () => {
    const instruments = await loadInstruments();
    const templates = await loadDocumentTemplates();
    const run = (count: number) =>
      runBatch(
        Array.from({ length: count }, (_, i) => ({
          workbook: join(dir, "example.xlsx"),
          out: join(dir, `out-${i % 4}.docx`),
          outDir: null,
        })),
        { kind: "agreement", final: false, notes: true, force: true },
        { instruments, templates },
        { jobs: 1, stylePath: null, onResult: () => undefined },
      );
    // Warm every cache (templates, skeletons, the four output names) first, then
    // measure the slope between two batches kept alive, so fixed costs cancel.
    const kept: GenerateResult[][] = [await run(8)];
    kept.push(await run(10));
    const afterTen = heapAfterGc();
    kept.push(await run(40));
    const perDocument = (heapAfterGc() - afterTen) / 40;
    expect(kept[2]?.every((r) => r.status === "written" && r.problems.length > 0)).toBe(true);
    // The bug kept about 86 KB a document; a result itself is about a kilobyte.
    expect(perDocument).toBeLessThan(20_000);
  }, 120_000);
});

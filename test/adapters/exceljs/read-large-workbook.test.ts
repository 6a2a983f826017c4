import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { READ_LIMITS } from "../../../adapters/exceljs/read-limits.js";
import { readWorkbookCells } from "../../../adapters/exceljs/read-workbook.js";
import { readZipDirectory } from "../../../adapters/exceljs/zip-directory.js";
import { readPartnership } from "../../../core/read/reader.js";
import { syntheticPartnership } from "../../../bench/synthetic.js";
import { exampleInstruments } from "../../support/example.js";

/**
 * The largest workbook `partnership workbook` is meant to write (50,000
 * indicators × 12 periods) must read back: its Indicators sheet is about
 * 200 MB of XML, which the old 64 MB per-part limit refused. Written once,
 * in a process of its own (about 25 s of CPU, 1 GB of memory), then read
 * here (about 6 s of CPU). The timeout is
 * generous because a machine shared with other CPU-bound work can stretch
 * that CPU time five- or tenfold in wall time.
 */
const INDICATORS = 50_000;
const HEAVY = 300_000;
const writer = fileURLToPath(new URL("../../support/write-synthetic-workbook.ts", import.meta.url));

describe("a 50,000-indicator workbook written by this tool", () => {
  let bytes: Uint8Array;
  let instruments: Awaited<ReturnType<typeof exampleInstruments>>;

  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pw-large-workbook-"));
    const file = join(dir, "large.xlsx");
    await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", writer, file, String(INDICATORS)],
      {
        timeout: HEAVY,
      },
    );
    bytes = readFileSync(file);
    instruments = await exampleInstruments();
  }, HEAVY);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has a sheet larger than any other part may be (so this test reads past that limit)", () => {
    const largest = Math.max(...[...readZipDirectory(bytes).values()].map((entry) => entry.size));
    expect(largest).toBeGreaterThan(READ_LIMITS.partBytes);
    expect(largest).toBeLessThanOrEqual(READ_LIMITS.sheetBytes);
  });

  it(
    "reads back whole: every indicator with its values",
    async () => {
      const cells = await readWorkbookCells(bytes);
      // The RAG history (650,000 cells here) is written for people and never read back.
      expect(cells.tables.map((t) => t.name)).not.toContain("RagHistory");
      expect(cells.tables.map((t) => t.name)).toContain("Indicators");
      const { partnership } = readPartnership(cells, instruments);
      const expected = syntheticPartnership(INDICATORS, 12, 8, instruments).indicators;
      expect(partnership.indicators).toHaveLength(INDICATORS);
      for (const at of [0, 1, 24_999, INDICATORS - 1]) {
        const read = partnership.indicators[at];
        expect(read?.id).toBe(expected[at]?.id);
        expect(read?.values).toEqual(expected[at]?.values);
        expect(read?.target).toBe(expected[at]?.target);
      }
    },
    HEAVY,
  );
});

import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runBatch } from "../../generator/documents/batch.js";
import type { GenerateJob, GenerateResult } from "../../generator/documents/generate-one.js";

/**
 * How a batch shares its documents between this process and its worker
 * processes. The workers here are stand-ins (PARTNERSHIP_WORKER_MODULE names
 * the module a worker runs, as the compiled command line does): they answer
 * "written by a worker" at once, or die, so who built what is plain and
 * nothing depends on timing. This process builds for real, from workbooks
 * that do not exist.
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pw-batch-workers-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const before = process.env.PARTNERSHIP_WORKER_MODULE;
afterEach(() => {
  if (before === undefined) delete process.env.PARTNERSHIP_WORKER_MODULE;
  else process.env.PARTNERSHIP_WORKER_MODULE = before;
});

/** A stand-in worker; with `dieOnce`, the first one started exits while building its first job. */
function standIn(name: string, dieOnce: boolean): string {
  const marker = join(dir, `${name}.died`);
  const path = join(dir, `${name}.mjs`);
  writeFileSync(
    path,
    `import { existsSync, writeFileSync } from "node:fs";
process.on("message", (message) => {
  if (message.setup) return;
  if (message.stop) return process.disconnect();
  if (${dieOnce} && !existsSync(${JSON.stringify(marker)})) {
    writeFileSync(${JSON.stringify(marker)}, "");
    process.exit(3);
  }
  const { workbook } = message.job;
  process.send({
    index: message.index,
    result: { workbook, out: null, kind: null, status: "written", problems: [], message: "worker" },
  });
});
`,
  );
  return pathToFileURL(path).href;
}

async function batch(count: number, jobs: number) {
  const list: GenerateJob[] = Array.from({ length: count }, (_, i) => ({
    workbook: join(dir, `missing-${i}.xlsx`),
    out: null,
    outDir: join(dir, "out"),
  }));
  const seen: number[] = [];
  const results = await runBatch(
    list,
    { kind: "agreement", final: false, notes: true, force: true },
    { instruments: [], templates: {} },
    { jobs, stylePath: null, onResult: (_r, done) => seen.push(done) },
  );
  return { list, results, seen };
}

const byWorker = (r: GenerateResult) => r.message === "worker";
const byThisThread = (r: GenerateResult) =>
  r.status === "unreadable" && /no such file/.test(r.message ?? "");

describe("a batch shared between processes", () => {
  it("builds in this process and in jobs - 1 workers, each document once, in order", async () => {
    process.env.PARTNERSHIP_WORKER_MODULE = standIn("answer", false);
    const { list, results, seen } = await batch(12, 2);
    expect(results.map((r) => r.workbook)).toEqual(list.map((j) => j.workbook));
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(results.every((r) => byWorker(r) || byThisThread(r))).toBe(true);
    // The worker is handed its first two jobs as it starts; this process takes the rest as they come.
    expect(results.filter(byWorker).length).toBeGreaterThanOrEqual(2);
    expect(results.filter(byThisThread).length).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("reports the one document a dying worker was building and still builds the rest", async () => {
    process.env.PARTNERSHIP_WORKER_MODULE = standIn("dies", true);
    const { list, results } = await batch(8, 2);
    expect(existsSync(join(dir, "dies.died"))).toBe(true);
    expect(results.map((r) => r.workbook)).toEqual(list.map((j) => j.workbook));
    const lost = results.filter((r) => /the worker building it stopped/.test(r.message ?? ""));
    expect(lost).toHaveLength(1);
    expect(lost[0]?.message).toMatch(
      /missing-0\.xlsx: the worker building it stopped \(exit code 3\)\./,
    );
    expect(results.filter((r) => byWorker(r) || byThisThread(r))).toHaveLength(7);
  }, 60_000);
});

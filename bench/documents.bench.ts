// Document timings for `npm run bench` (run by bench/run.ts, or alone with
// `npx tsx bench/documents.bench.ts`). Prints, never asserts.
//  1. ms per document once the workbook is read (the builder alone), for the
//     example partnership: 7 partners, 6 objectives, 24 indicators, 8 finance
//     lines; the agreement has 18 clauses, 4 schedules and about 45 numbered
//     headings and 150 numbered paragraphs.
//  2. End to end for one workbook: read the .xlsx, build, write the .docx.
//  3. A batch of 200 workbooks in worker threads (one per core), with the
//     process's memory sampled as the batch goes, to show it stays flat.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { join } from "node:path";
import { buildDocument, type DocumentKind } from "../core/document/index.js";
import { examplePartnership } from "../core/example/partnership.js";
import { buildOperations } from "../core/layout/blueprint.js";
import { runBatch } from "../generator/documents/batch.js";
import { generateOne, type GenerateJob } from "../generator/documents/generate-one.js";
import { loadDocumentTemplates } from "../generator/documents/templates.js";
import { loadInstruments } from "../generator/instruments.js";
import { workbookBytes } from "../adapters/exceljs/write-workbook.js";

const TARGET_MS = 15;
const instruments = await loadInstruments();
const templates = await loadDocumentTemplates();
const partnership = examplePartnership(instruments);

function stats(samples: number[]): { mean: number; median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    median: at(0.5),
    p95: at(0.95),
  };
}

async function perDocument(kind: DocumentKind, runs: number): Promise<void> {
  const build = () =>
    buildDocument({
      kind,
      partnership,
      workbookProblems: [],
      templates,
      mode: "draft",
      notes: true,
    });
  for (let i = 0; i < 30; i++) await build(); // warm up: JIT, template compilation, caches
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    bytes = (await build()).bytes?.length ?? 0;
    samples.push(performance.now() - started);
  }
  const s = stats(samples);
  const verdict =
    kind === "agreement"
      ? ` (target < ${TARGET_MS} ms: ${s.median < TARGET_MS ? "OK" : "MISSED"})`
      : "";
  console.log(
    `${kind.padEnd(20)} median ${s.median.toFixed(1)} ms, mean ${s.mean.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, ${Math.round(bytes / 1024)} KB${verdict}`,
  );
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

console.log(
  "Documents: ms per document after the workbook is read (example partnership, draft with notes)",
);
await perDocument("agreement", 200);
await perDocument("terms-of-reference", 200);

const folder = mkdtempSync(join(tmpdir(), "pw-bench-docs-"));
try {
  const workbook = join(folder, "example.xlsx");
  writeFileSync(workbook, await workbookBytes(buildOperations(partnership, instruments)));
  const settings = { kind: "agreement" as const, final: false, notes: true, force: true };
  const shared = { instruments, templates };
  await generateOne({ workbook, out: join(folder, "warm.docx"), outDir: null }, settings, shared);
  const single: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    await generateOne(
      { workbook, out: join(folder, "single.docx"), outDir: null },
      settings,
      shared,
    );
    single.push(performance.now() - started);
  }
  console.log(
    `End to end, one workbook (read .xlsx, build, write .docx): median ${stats(single).median.toFixed(0)} ms`,
  );

  const inputs = join(folder, "batch");
  mkdirSync(inputs);
  const jobs: GenerateJob[] = [];
  for (let i = 0; i < 200; i++) {
    const copy = join(inputs, `partnership-${String(i).padStart(3, "0")}.xlsx`);
    copyFileSync(workbook, copy);
    jobs.push({ workbook: copy, out: null, outDir: join(folder, "out") });
  }
  const workers = availableParallelism();
  const rss: number[] = [];
  const started = performance.now();
  const results = await runBatch(jobs, settings, shared, {
    jobs: workers,
    stylePath: null,
    onResult: (_result, done) => {
      if (done % 25 === 0) rss.push(process.memoryUsage().rss);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const buildMs = stats(results.map((r) => r.buildMs ?? 0));
  console.log(
    `Batch of 200 workbooks, ${workers} worker threads: ${seconds.toFixed(1)} s (${((seconds * 1000) / 200).toFixed(0)} ms per document end to end, ` +
      `${results.filter((r) => r.status === "written").length} written; build alone median ${buildMs.median.toFixed(1)} ms)`,
  );
  console.log(
    `Process memory (RSS incl. workers, MB) every 25 documents: ${rss.map(mb).join(", ")}`,
  );

  // Heap after a full collection, every 50 documents, building in this thread: flat means no leak.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const heap: number[] = [];
  for (let i = 1; i <= 200; i++) {
    const copy = structuredClone(partnership);
    copy.details.name = `${partnership.details.name} ${i}`;
    await buildDocument({
      kind: "agreement",
      partnership: copy,
      workbookProblems: [],
      templates,
      mode: "draft",
      notes: true,
    });
    if (i % 50 === 0) {
      gc();
      heap.push(process.memoryUsage().heapUsed);
    }
  }
  console.log(
    `Heap after GC (MB) at 50, 100, 150, 200 documents built in one thread: ${heap.map(mb).join(", ")}`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}

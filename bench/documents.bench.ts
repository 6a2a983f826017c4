// Document timings for `npm run bench` (run by bench/run.ts, or alone with
// `npx tsx bench/documents.bench.ts`). Prints, never asserts. The machine is
// shared, so costs are CPU time (process.cpuUsage, every thread), taken in
// interleaved rounds against the peer (docxtemplater, see
// docxtemplater-peer.ts) and summarised by their medians, and printed as
// ratios to the peer measured in the same run:
//  1. One document in process (the builder alone, the workbook already read),
//     for the example partnership's agreement and terms of reference, against
//     docxtemplater rendering a template made from that very document.
//  2. A one-thread batch, per document: read the .xlsx, build, write the
//     .docx; against docxtemplater rendering and writing one (in a process of
//     its own, see batch-document.ts).
//  3. The command line (compiled, as `npm ci` leaves it) on 200 workbooks,
//     `--jobs 1` against `--jobs 2`: wall time, since that is what worker processes
//     buy, medians of alternating runs, with the load average.
//  4. Peak memory (RSS) of `--jobs 1` over 100 and over 1,000 documents, and
//     the live heap after a full collection, which shows what a batch keeps
//     (the peak also depends on how far V8 lets the heap grow between
//     collections: a batch holds that to 1.5× the live heap, see
//     generator/documents/heap-growth.ts).
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { workbookBytes } from "../adapters/exceljs/write-workbook.js";
import type { DocumentKind } from "../core/document/index.js";
import { examplePartnership } from "../core/example/partnership.js";
import { buildOperations } from "../core/layout/blueprint.js";
import { BATCH_V8_FLAGS } from "../bin/batch-process.mjs";
import { runBatch } from "../generator/documents/batch.js";
import { loadDocumentTemplates } from "../generator/documents/templates.js";
import { loadInstruments } from "../generator/instruments.js";
import {
  agreementShapedTemplate,
  bodyText,
  renderWithDocxtemplater,
  type PeerTemplate,
} from "./docxtemplater-peer.js";
import { draftDocument } from "./draft-document.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const instruments = await loadInstruments();
const templates = await loadDocumentTemplates();
const partnership = examplePartnership(instruments);

const median = (samples: readonly number[]) =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;
const verdict = (ok: boolean) => (ok ? "OK" : "MISSED");

/** CPU milliseconds per call of `work`, over `count` calls. */
async function cpuPer(count: number, work: (i: number) => unknown): Promise<number> {
  const started = process.cpuUsage();
  for (let i = 0; i < count; i++) await work(i);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / count;
}

/** Our cost and the peer's, per document, in alternating rounds so both see the same load. */
async function interleaved(
  rounds: number,
  perRound: number,
  ours: (i: number) => unknown,
  theirs: (i: number) => unknown,
): Promise<{ ours: number; theirs: number; ratio: number }> {
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(await cpuPer(perRound, ours));
    b.push(await cpuPer(perRound, theirs));
  }
  return { ours: median(a), theirs: median(b), ratio: median(a) / median(b) };
}

const build = (kind: DocumentKind) => draftDocument(kind, partnership, templates);

const peers = new Map<DocumentKind, PeerTemplate>();
console.log(
  "Documents: CPU ms per document against docxtemplater rendering a template made from the same document (interleaved rounds, medians)",
);
for (const kind of ["agreement", "terms-of-reference"] as const) {
  const ours = await build(kind);
  const peer = agreementShapedTemplate(ours);
  peers.set(kind, peer);
  const theirs = renderWithDocxtemplater(peer);
  if (bodyText(theirs) !== bodyText(ours)) throw new Error(`${kind}: the peer's text differs`);
  for (let i = 0; i < 20; i++) {
    await build(kind); // warm up: JIT, template compilation, the package skeleton
    renderWithDocxtemplater(peer);
  }
  const r = await interleaved(
    8,
    15,
    () => build(kind),
    () => renderWithDocxtemplater(peer),
  );
  const target = kind === "agreement" ? ` (target ≤ 1.0: ${verdict(r.ratio <= 1)})` : "";
  console.log(
    `${kind.padEnd(19)} ours ${r.ours.toFixed(1)} ms, docxtemplater ${r.theirs.toFixed(1)} ms → ×${r.ratio.toFixed(2)}${target}; ` +
      `${Math.round(ours.length / 1024)} KB; template: ${peer.paragraphs} tagged paragraphs, ${peer.loops} loops over ${peer.loopRows} rows`,
  );
}

const folder = mkdtempSync(join(tmpdir(), "pw-bench-docs-"));
try {
  const workbook = join(folder, "example.xlsx");
  writeFileSync(workbook, await workbookBytes(buildOperations(partnership, instruments)));
  const inputs = (count: number, name: string) => {
    const dir = join(folder, name);
    mkdirSync(dir);
    for (let i = 0; i < count; i++)
      copyFileSync(workbook, join(dir, `partnership-${String(i).padStart(4, "0")}.xlsx`));
    return dir;
  };

  // 2. A one-thread batch, per document, reading and writing files like the peer: in a
  // process of its own started with the batch's V8 flags, as the command line runs it.
  const tsxLoader = fileURLToPath(
    new URL("../node_modules/tsx/dist/esm/index.mjs", import.meta.url),
  );
  const batch = JSON.parse(
    execFileSync(
      process.execPath,
      [...BATCH_V8_FLAGS, "--import", tsxLoader, join(root, "bench", "batch-document.ts")],
      { encoding: "utf8" },
    ),
  ) as { ours: number; theirs: number };
  const batchRatio = batch.ours / batch.theirs;
  console.log(
    `Batch --jobs 1, per agreement (read .xlsx, build, write .docx): ours ${batch.ours.toFixed(1)} ms, ` +
      `docxtemplater (render, write) ${batch.theirs.toFixed(1)} ms → ×${batchRatio.toFixed(2)} (target ≤ 1.0: ${verdict(batchRatio <= 1)})`,
  );

  // 3 and 4. The compiled command line, as a user runs it.
  const buildCli = () =>
    execFileSync(process.execPath, [join(root, "bin", "build-cli.mjs")], { stdio: "ignore" });
  buildCli();
  const report = join(folder, "usage.json");
  // A batch runs in a process the command starts for it (bin/batch-process.mjs), and that
  // process starts its workers: every process with this hook appends its own line, CPU
  // counting the children it waited for (/proc/self/stat's utime, stime, cutime, cstime).
  const atExit = `data:text/javascript,import { appendFileSync, readFileSync } from "node:fs";
process.on("exit", () => { const stat = readFileSync("/proc/self/stat", "utf8"); const f = stat.slice(stat.lastIndexOf(")") + 2).split(" "); const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(f[i]), 0); appendFileSync(process.env.PW_USAGE_REPORT, JSON.stringify({ cpuMs: ticks * 10, maxRssKb: process.resourceUsage().maxRSS }) + "\\n"); });`;
  interface CliRun {
    seconds: number;
    cpuMs: number;
    maxRssMb: number;
  }
  class StaleBuild extends Error {}
  const cliOnce = (dir: string, jobCount: number) =>
    new Promise<CliRun>((resolve, reject) => {
      const out = join(folder, `out-${jobCount}`);
      const started = performance.now();
      const child = spawn(
        process.execPath,
        [
          "--import",
          atExit,
          join(root, "bin", "partnership.mjs"),
          "generate",
          "agreement",
          "--workbook",
          dir,
          "--out-dir",
          out,
          "--force",
          "--jobs",
          String(jobCount),
        ],
        { env: { ...process.env, PW_USAGE_REPORT: report }, stdio: ["ignore", "ignore", "pipe"] },
      );
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("exit", (code) => {
        if (/build:cli/.test(stderr)) return reject(new StaleBuild(stderr));
        if (code !== 0) return reject(new Error(`partnership generate exited ${code}: ${stderr}`));
        // The command's own process counts all CPU; the batch's process has the peak memory.
        const lines = readFileSync(report, "utf8").trim().split("\n");
        rmSync(report);
        const usage = lines
          .map((line) => JSON.parse(line) as { cpuMs: number; maxRssKb: number })
          .reduce((a, b) => ({
            cpuMs: Math.max(a.cpuMs, b.cpuMs),
            maxRssKb: Math.max(a.maxRssKb, b.maxRssKb),
          }));
        resolve({
          seconds: (performance.now() - started) / 1000,
          cpuMs: usage.cpuMs,
          maxRssMb: usage.maxRssKb / 1024,
        });
      });
    });

  // A source saved since the build (others work in this tree) makes the command run from the sources: build again.
  const cli = async (dir: string, jobCount: number): Promise<CliRun> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await cliOnce(dir, jobCount);
      } catch (error) {
        if (!(error instanceof StaleBuild) || attempt >= 3) throw error;
        buildCli();
      }
    }
  };

  // Wall time is what workers buy, so it counts here; others' work on the
  // machine takes from the second core first, so the rounds alternate, the
  // medians are compared, and the load average is printed beside them.
  const two00 = inputs(200, "cli-200");
  const one: CliRun[] = [];
  const two: CliRun[] = [];
  const loadBefore = loadavg()[0] ?? 0;
  for (let round = 0; round < 3; round++) {
    one.push(await cli(two00, 1));
    two.push(await cli(two00, 2));
  }
  const loadAfter = loadavg()[0] ?? 0;
  const wall = (runs: CliRun[]) => median(runs.map((r) => r.seconds));
  const cpu = (runs: CliRun[]) => median(runs.map((r) => r.cpuMs)) / 1000;
  const speedup = wall(one) / wall(two);
  console.log(
    `Command line, 200 agreements: --jobs 1 ${wall(one).toFixed(1)} s (${cpu(one).toFixed(1)} s CPU), ` +
      `--jobs 2 ${wall(two).toFixed(1)} s (${cpu(two).toFixed(1)} s CPU) (medians of 3 alternating runs, wall time) → ` +
      `×${speedup.toFixed(2)} faster (target ≥ 1.7: ${verdict(speedup >= 1.7)}); ` +
      `load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${availableParallelism()} cores` +
      (Math.max(loadBefore, loadAfter) > 0.5
        ? " (other work had the cores: --jobs 2 cannot have both, so the ratio understates)"
        : ""),
  );

  const hundred = await cli(inputs(100, "cli-100"), 1);
  const thousandDir = inputs(1000, "cli-1000");
  const thousand = await cli(thousandDir, 1);
  const growth = thousand.maxRssMb / hundred.maxRssMb - 1;
  console.log(
    `Command line --jobs 1, peak memory (RSS): 100 agreements ${hundred.maxRssMb.toFixed(0)} MB, 1,000 agreements ${thousand.maxRssMb.toFixed(0)} MB → ` +
      `${growth >= 0 ? "+" : ""}${(growth * 100).toFixed(1)}% (target within 10%: ${verdict(Math.abs(growth) <= 0.1)}); ` +
      `${((thousand.cpuMs - hundred.cpuMs) / 900).toFixed(1)} ms CPU per further document`,
  );

  // What the batch keeps, apart from how far V8 lets its heap grow between collections.
  const settings = { kind: "agreement" as const, final: false, notes: true, force: true };
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const live: number[] = [];
  mkdirSync(join(folder, "live-out"));
  await runBatch(
    Array.from({ length: 1000 }, (_, i) => ({
      workbook: join(thousandDir, `partnership-${String(i).padStart(4, "0")}.xlsx`),
      out: null,
      outDir: join(folder, "live-out"),
    })),
    settings,
    { instruments, templates },
    {
      jobs: 1,
      stylePath: null,
      onResult: (_result, done) => {
        if (done !== 100 && done !== 1000) return;
        gc();
        live.push(process.memoryUsage().heapUsed);
      },
    },
  );
  const [at100 = 0, at1000 = 0] = live;
  console.log(
    `One-thread batch, live heap after a full collection: 100 agreements ${(at100 / 1048576).toFixed(1)} MB, ` +
      `1,000 agreements ${(at1000 / 1048576).toFixed(1)} MB (${((at1000 - at100) / 900 / 1024).toFixed(1)} KB kept per further document)`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}

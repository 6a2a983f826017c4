import { fork, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import {
  generateOne,
  type GenerateJob,
  type GenerateResult,
  type GenerateSettings,
  type SharedInputs,
} from "./generate-one.js";
import { BATCH_V8_FLAGS } from "../../bin/batch-process.mjs";
import { boundHeapGrowth } from "./heap-growth.js";
import type { ToWorker, WorkerSetup } from "./worker.js";

/**
 * Runs many documents. Small batches run in this process; larger ones are
 * shared between this process and worker processes (one per core by
 * default), each worker holding the next workbook before it finishes one, so
 * every core stays busy.
 */

export interface BatchOptions {
  /** Processes building documents: this one and `jobs - 1` workers; 1 runs everything here. */
  jobs: number;
  /** The house style document, when there is one (workers are given the style already read). */
  stylePath: string | null;
  onResult: (result: GenerateResult, done: number) => void;
}

/** Below this many documents, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 4;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

async function inThisProcess(
  jobs: readonly GenerateJob[],
  settings: GenerateSettings,
  shared: SharedInputs,
  options: BatchOptions,
): Promise<GenerateResult[]> {
  const results: GenerateResult[] = [];
  for (const job of jobs) {
    const result = await generateOne(job, settings, shared);
    results.push(result);
    options.onResult(result, results.length);
  }
  return results;
}

function failed(job: GenerateJob, message: string): GenerateResult {
  return {
    workbook: job.workbook,
    out: job.out,
    kind: null,
    status: "unreadable",
    problems: [],
    message,
  };
}

type FromWorker = { index: number; result?: GenerateResult; error?: string };

/**
 * Jobs a worker holds at once: the one it builds and the next, so it starts
 * the next as soon as it finishes instead of waiting for this process to
 * answer (profiled: one handed out at a time, a worker sat idle about 15% of
 * a 200-document batch, longer when the cores are busy).
 */
const AHEAD = 2;

/**
 * The batch's documents shared between this process and `jobs - 1` workers,
 * all taking from one queue. This process builds too rather than wait on its
 * workers: it is already started and loaded, so it builds from the first
 * moment while a worker is still starting (about a quarter of a second, then
 * its first documents run slowly until the code is compiled), and a
 * two-process batch pays for one worker, not two.
 *
 * A worker that dies (out of memory on a hostile file, a crash in a library)
 * costs only the document it was building: that one is reported as failed and
 * a fresh worker takes over the rest of its queue.
 */
async function inWorkers(
  jobs: readonly GenerateJob[],
  settings: GenerateSettings,
  shared: SharedInputs,
  options: BatchOptions,
): Promise<GenerateResult[]> {
  const results: (GenerateResult | undefined)[] = new Array(jobs.length);
  const builders = Math.min(options.jobs, jobs.length);
  let next = 0;
  let done = 0;
  /** Jobs handed back by a worker that died before building them, taken before `next`. */
  const retry: number[] = [];
  const setup: WorkerSetup = { settings, shared };
  const live = new Set<ChildProcess>();
  const take = (): number | null => retry.shift() ?? (next < jobs.length ? next++ : null);
  const waiting = () => retry.length + jobs.length - next;
  let finished = () => {};
  const all = new Promise<void>((resolve) => (finished = resolve));
  const record = (index: number, result: GenerateResult) => {
    if (results[index]) return;
    results[index] = result;
    done++;
    options.onResult(result, done);
    if (done === jobs.length) finished();
  };
  const start = () => {
    // Processes, not threads: two threads of one process built each document about a fifth
    // slower than two processes did (measured; the flags are bin/batch-process.mjs's).
    const worker = fork(fileURLToPath(new URL("./worker-entry.mjs", import.meta.url)), [], {
      execArgv: [...BATCH_V8_FLAGS],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    live.add(worker);
    worker.send({ setup } satisfies ToWorker);
    /** Jobs sent to this worker and not yet answered, oldest (the one being built) first. */
    const sent: number[] = [];
    const feed = () => {
      // Near the end a worker holds one job at a time, so no builder sits idle
      // while another has two still to build.
      while (sent.length < (waiting() > builders ? AHEAD : 1)) {
        const index = take();
        const job = index === null ? undefined : jobs[index];
        if (index === null || !job) break;
        sent.push(index);
        worker.send({ index, job } satisfies ToWorker);
      }
      if (sent.length === 0) {
        live.delete(worker);
        worker.send({ stop: true } satisfies ToWorker);
      }
    };
    const lost = (reason: string) => {
      if (!live.delete(worker)) return;
      const current = sent.shift();
      const job = current === undefined ? undefined : jobs[current];
      if (current !== undefined && job)
        record(
          current,
          failed(job, `${job.workbook}: the worker building it stopped (${reason}).`),
        );
      // Those still queued behind it were never started: another builder builds them.
      retry.unshift(...sent.splice(0));
      if (retry.length > 0 || next < jobs.length) start();
    };
    worker.on("message", (message: FromWorker) => {
      const at = sent.indexOf(message.index);
      if (at >= 0) sent.splice(at, 1);
      const job = jobs[message.index] ?? { workbook: "?", out: null, outDir: null };
      record(message.index, message.result ?? failed(job, message.error ?? "worker failed"));
      feed();
    });
    worker.on("error", (error) => lost(error.message));
    worker.on("exit", (code, signal) =>
      lost(code === null ? `signal ${signal}` : `exit code ${code}`),
    );
    feed();
  };
  try {
    for (let i = 1; i < builders; i++) start();
    // This process's share: one job at a time, between which the workers' answers are read.
    for (let index = take(); index !== null; index = take()) {
      const job = jobs[index];
      if (job) record(index, await generateOne(job, settings, shared));
    }
    await all;
  } finally {
    for (const worker of live) worker.kill();
  }
  return results.map(
    (result, i) =>
      result ?? failed(jobs[i] ?? { workbook: "?", out: null, outDir: null }, "not run"),
  );
}

export async function runBatch(
  jobs: readonly GenerateJob[],
  settings: GenerateSettings,
  shared: SharedInputs,
  options: BatchOptions,
): Promise<GenerateResult[]> {
  // One document keeps V8's own growth: it may be a workbook of tens of
  // thousands of indicators whose reading takes the heap to gigabytes, where a
  // small factor means many more full collections of a large heap.
  if (jobs.length > 1) boundHeapGrowth();
  if (options.jobs <= 1 || jobs.length < WORKER_THRESHOLD)
    return inThisProcess(jobs, settings, shared, options);
  return inWorkers(jobs, settings, shared, options);
}

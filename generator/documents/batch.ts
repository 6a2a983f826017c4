import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import {
  generateOne,
  type GenerateJob,
  type GenerateResult,
  type GenerateSettings,
  type SharedInputs,
} from "./generate-one.js";
import type { ToWorker, WorkerSetup } from "./worker.js";

/**
 * Runs many documents. Small batches run in this thread; larger ones are
 * shared between worker threads (one per core by default), each taking the
 * next workbook as soon as it finishes one, so both cores stay busy.
 */

export interface BatchOptions {
  /** Worker threads to use; 1 runs everything in this thread. */
  jobs: number;
  stylePath: string | null;
  onResult: (result: GenerateResult, done: number) => void;
}

/** Below this many documents, starting threads costs more than it saves. */
export const WORKER_THRESHOLD = 4;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

async function inThisThread(
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

async function inWorkers(
  jobs: readonly GenerateJob[],
  settings: GenerateSettings,
  options: BatchOptions,
): Promise<GenerateResult[]> {
  const results: GenerateResult[] = new Array(jobs.length);
  const count = Math.min(options.jobs, jobs.length);
  let next = 0;
  let done = 0;
  const setup: WorkerSetup = { settings, stylePath: options.stylePath };
  const workers: Worker[] = [];
  await new Promise<void>((resolve, reject) => {
    const feed = (worker: Worker) => {
      if (next >= jobs.length) {
        worker.postMessage({ stop: true } satisfies ToWorker);
        return;
      }
      const index = next++;
      const job = jobs[index];
      if (job) worker.postMessage({ index, job } satisfies ToWorker);
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url), {
        workerData: setup,
      });
      workers.push(worker);
      worker.on(
        "message",
        (message: { index: number; result?: GenerateResult; error?: string }) => {
          const job = jobs[message.index];
          const result =
            message.result ??
            failed(
              job ?? { workbook: "?", out: null, outDir: null },
              message.error ?? "worker failed",
            );
          results[message.index] = result;
          done++;
          options.onResult(result, done);
          if (done === jobs.length) resolve();
          else feed(worker);
        },
      );
      worker.on("error", (error) => {
        for (const w of workers) void w.terminate();
        reject(error);
      });
      feed(worker);
    }
  }).finally(() => Promise.all(workers.map((worker) => worker.terminate())));
  return results;
}

export async function runBatch(
  jobs: readonly GenerateJob[],
  settings: GenerateSettings,
  shared: SharedInputs,
  options: BatchOptions,
): Promise<GenerateResult[]> {
  if (options.jobs <= 1 || jobs.length < WORKER_THRESHOLD)
    return inThisThread(jobs, settings, shared, options);
  return inWorkers(jobs, settings, options);
}

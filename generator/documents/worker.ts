import {
  generateOne,
  type GenerateJob,
  type GenerateSettings,
  type SharedInputs,
} from "./generate-one.js";
import { boundHeapGrowth } from "./heap-growth.js";

/**
 * A batch worker, a process of its own (see batch.ts): builds the documents
 * the batch sends, in turn, answering each with its result. Only results
 * cross between the processes, never documents, so memory stays flat
 * however long the batch.
 */

export interface WorkerSetup {
  settings: GenerateSettings;
  /**
   * The instruments, templates and house style the batch has already read,
   * cloned to the worker: reading and parsing them again cost each worker
   * about 0.2 s of its start.
   */
  shared: SharedInputs;
}

/** What the batch sends a worker after its setup: a document to build, or the end. */
type Work = { index: number; job: GenerateJob } | { stop: true };
export type ToWorker = { setup: WorkerSetup } | Work;

if (!process.send) throw new Error("worker.ts must run in a batch process started by batch.ts");
boundHeapGrowth();
const answer = (message: unknown) => process.send?.(message);
/** The first message: what every document needs. */
let setup: WorkerSetup | undefined;

/**
 * Messages wait their turn: the batch sends the next job before this
 * one is done (see batch.ts), and building two at once would only double the
 * memory.
 */
const queue: Work[] = [];
let busy = false;

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  for (let message = queue.shift(); message; message = queue.shift()) {
    if ("stop" in message) {
      process.disconnect();
      return;
    }
    try {
      if (!setup) throw new Error("the batch process was given a job before its setup");
      const result = await generateOne(message.job, setup.settings, setup.shared);
      answer({ index: message.index, result });
    } catch (error) {
      answer({
        index: message.index,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  busy = false;
}

process.on("message", (message: ToWorker) => {
  if ("setup" in message) setup = message.setup;
  else queue.push(message);
  void drain();
});

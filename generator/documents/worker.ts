import { parentPort, workerData } from "node:worker_threads";
import {
  generateOne,
  type GenerateJob,
  type GenerateSettings,
  type SharedInputs,
} from "./generate-one.js";

/**
 * A batch worker: builds the documents the main thread sends, in turn,
 * answering each with its result. Only results cross the thread boundary,
 * never documents, so memory stays flat however long the batch.
 */

export interface WorkerSetup {
  settings: GenerateSettings;
  /**
   * The instruments, templates and house style the main thread has already
   * read, cloned to the worker: reading and parsing them again cost each
   * worker about 0.2 s of its start.
   */
  shared: SharedInputs;
}

export type ToWorker = { index: number; job: GenerateJob } | { stop: true };

if (!parentPort) throw new Error("worker.ts must run in a worker thread");
const port = parentPort;
const setup = workerData as WorkerSetup;

/**
 * Messages wait their turn: the main thread sends the next job before this
 * one is done (see batch.ts), and building two at once would only double the
 * memory.
 */
const queue: ToWorker[] = [];
let busy = false;

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  for (let message = queue.shift(); message; message = queue.shift()) {
    if ("stop" in message) {
      port.close();
      return;
    }
    try {
      const result = await generateOne(message.job, setup.settings, setup.shared);
      port.postMessage({ index: message.index, result });
    } catch (error) {
      port.postMessage({
        index: message.index,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  busy = false;
}

port.on("message", (message: ToWorker) => {
  queue.push(message);
  void drain();
});

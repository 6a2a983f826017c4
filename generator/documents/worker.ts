import { parentPort, workerData } from "node:worker_threads";
import {
  generateOne,
  type GenerateJob,
  type GenerateSettings,
  type SharedInputs,
} from "./generate-one.js";

/**
 * A batch worker: builds the documents the main thread sends, one at a time,
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

const port = parentPort;
if (!port) throw new Error("worker.ts must run in a worker thread");
const setup = workerData as WorkerSetup;

port.on("message", (message: ToWorker) => {
  if ("stop" in message) {
    port.close();
    return;
  }
  void (async () => {
    try {
      const result = await generateOne(message.job, setup.settings, setup.shared);
      port.postMessage({ index: message.index, result });
    } catch (error) {
      port.postMessage({
        index: message.index,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  })();
});

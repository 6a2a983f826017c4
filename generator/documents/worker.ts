import { parentPort, workerData } from "node:worker_threads";
import { loadInstruments } from "../instruments.js";
import {
  generateOne,
  loadStyle,
  type GenerateJob,
  type GenerateSettings,
  type SharedInputs,
} from "./generate-one.js";
import { loadDocumentTemplates } from "./templates.js";

/**
 * A batch worker: loads the instruments, templates and house style once, then
 * builds the documents the main thread sends, one at a time, answering each
 * with its result. Only results cross the thread boundary, never documents, so
 * memory stays flat however long the batch.
 */

export interface WorkerSetup {
  settings: GenerateSettings;
  stylePath: string | null;
}

export type ToWorker = { index: number; job: GenerateJob } | { stop: true };

const port = parentPort;
if (!port) throw new Error("worker.ts must run in a worker thread");
const setup = workerData as WorkerSetup;

const ready: Promise<SharedInputs> = (async () => {
  const [instruments, templates, style] = await Promise.all([
    loadInstruments(),
    loadDocumentTemplates(),
    setup.stylePath ? loadStyle(setup.stylePath) : Promise.resolve(undefined),
  ]);
  return { instruments, templates, style };
})();

port.on("message", (message: ToWorker) => {
  if ("stop" in message) {
    port.close();
    return;
  }
  void (async () => {
    try {
      const shared = await ready;
      const result = await generateOne(message.job, setup.settings, shared);
      port.postMessage({ index: message.index, result });
    } catch (error) {
      port.postMessage({
        index: message.index,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  })();
});

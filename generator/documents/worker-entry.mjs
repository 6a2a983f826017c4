// Entry point of a batch worker thread. The command line runs TypeScript through
// tsx's loader, which a worker thread does not inherit, so the worker registers
// it before loading its TypeScript code.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");

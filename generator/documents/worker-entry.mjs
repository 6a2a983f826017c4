// Entry point of a batch worker process. The compiled command line
// (bin/partnership.mjs, running build/) names its compiled worker in
// PARTNERSHIP_WORKER_MODULE, so the process starts without a compiler. Run from
// the TypeScript sources (tests, or a build older than the sources) there is
// no such module: the process registers tsx, which it does not inherit from
// the batch's process, before loading worker.ts.
const compiled = process.env.PARTNERSHIP_WORKER_MODULE;
if (compiled) {
  await import(compiled);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./worker.ts");
}

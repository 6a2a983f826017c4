#!/usr/bin/env node
// Runs the command line compiled into build/ by `npm ci` (the prepare script)
// or `npm run build:cli`. When build/ is missing or older than the sources it
// says so in one line and runs the TypeScript sources through tsx instead:
// slower to start, but never stale code.
import { runAsBatchProcess, startsBatch } from "./batch-process.mjs";
import { CLI_MODULE, WORKER_MODULE, staleReason } from "./build-info.mjs";

if (startsBatch(process.argv.slice(2))) {
  process.exitCode = await runAsBatchProcess();
} else {
  await runCommand();
}

async function runCommand() {
  const stale = staleReason();
  let cli;
  if (stale === null) {
    // Batch worker processes read this (generator/documents/worker-entry.mjs).
    process.env.PARTNERSHIP_WORKER_MODULE = WORKER_MODULE.href;
    cli = await import(CLI_MODULE.href);
  } else {
    process.stderr.write(
      `partnership: ${stale}; running from the TypeScript sources (slower start). Run \`npm run build:cli\` to compile.\n`,
    );
    const { register } = await import("tsx/esm/api");
    register();
    cli = await import("../generator/cli.ts");
  }
  process.exitCode = await cli.main(process.argv.slice(2), cli.processIo());
}

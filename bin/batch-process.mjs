// A batch runs in a Node process started for it. V8's background threads
// (concurrent marking, parallel scavenging, concurrent compilation) help one
// document on an idle machine, but a batch keeps every core busy with its own
// builders, and there they only compete: a `--jobs 1` batch kept about 1.3
// cores busy for the wall time of one, and `--jobs 2` was 1.27× faster than
// `--jobs 1` on two cores. With `--single-threaded`, `--jobs 1` takes the same
// wall time on a quarter less CPU, and `--jobs 2` gains more (the README's
// speed section has the numbers). V8 reads these flags only as it starts (it
// aborts if they are set later), so bin/partnership.mjs starts itself again
// with them for a batch, before loading the command line: one more Node start,
// about 40 ms. The batch's worker processes (generator/documents/batch.ts)
// start with them too.
import { spawn } from "node:child_process";
import { constants } from "node:os";

export const BATCH_V8_FLAGS = ["--single-threaded"];

/** Set in the restarted process, so it never restarts again. */
const BATCH_PROCESS_ENV = "PARTNERSHIP_BATCH_PROCESS";

/**
 * Whether the command may build a batch: `generate` with `--out-dir` (a batch
 * always writes to a folder). It is decided before the command line loads,
 * from the arguments alone; a one-workbook `--out-dir` pays the extra start.
 * @param {readonly string[]} args the command's arguments, without node and the script
 */
export function startsBatch(args) {
  if (process.env[BATCH_PROCESS_ENV]) return false;
  return (
    args[0] === "generate" && args.some((a) => a === "--out-dir" || a.startsWith("--out-dir="))
  );
}

/**
 * The node arguments for the restart: the batch flags, this process's own
 * flags (minus any batch flag already there), the script and its arguments.
 * @param {readonly string[]} execArgv
 * @param {readonly string[]} argv
 */
export function batchProcessArgs(execArgv, argv) {
  const own = execArgv.filter((flag) => !BATCH_V8_FLAGS.includes(flag));
  return [...BATCH_V8_FLAGS, ...own, ...argv.slice(1)];
}

/**
 * Runs this command again in a batch process and resolves to its exit code.
 * Its output is this process's (inherited); an interrupt or termination sent
 * to this process is passed on, so stopping the command stops the batch.
 * @returns {Promise<number>}
 */
export function runAsBatchProcess() {
  const child = spawn(process.execPath, batchProcessArgs(process.execArgv, process.argv), {
    stdio: "inherit",
    env: { ...process.env, [BATCH_PROCESS_ENV]: "1" },
  });
  const signals = /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"]);
  /** @param {NodeJS.Signals} signal */
  const forward = (signal) => child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      for (const s of signals) process.off(s, forward);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

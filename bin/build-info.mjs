// Where the compiled command line lives, and whether it is current. Shared by
// bin/build-cli.mjs (which writes it) and bin/partnership.mjs (which checks it
// on every start, so it reads one small file and stats the sources: no walk).
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const BUILD_DIR = fileURLToPath(new URL("../build/", import.meta.url));
export const CLI_MODULE = new URL("../build/cli.mjs", import.meta.url);
export const WORKER_MODULE = new URL("../build/worker.mjs", import.meta.url);
export const INFO_FILE = new URL("../build/build-info.json", import.meta.url);

/**
 * @typedef {object} BuildInfo
 * @property {number} startedAt  ms since the epoch when the build read its sources
 * @property {string[]} sources  the project's files in the bundles, relative to the root
 */

/**
 * Why build/ cannot be used as it is, or null when it is current: it exists
 * and no source it was made from changed (or vanished) since it was built.
 * @returns {string | null}
 */
export function staleReason() {
  /** @type {BuildInfo} */
  let info;
  try {
    info = JSON.parse(readFileSync(INFO_FILE, "utf8"));
  } catch {
    return "the compiled command line (build/) is missing";
  }
  for (const source of info.sources) {
    let modified;
    try {
      modified = statSync(join(ROOT, source)).mtimeMs;
    } catch {
      return `build/ was made from ${source}, which no longer exists`;
    }
    if (modified > info.startedAt) return `${source} changed after build/ was made`;
  }
  return null;
}

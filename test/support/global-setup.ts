/**
 * Builds the files LibreOffice opens in the tests (the example workbook, the
 * documents and reports, small chart and grid workbooks, a partner's return;
 * see libreoffice-inputs.ts) once per run and converts them all in one
 * start of LibreOffice, in the background while the other tests run. Test
 * files wait for the results with `libreOfficeResults()` (./converted.ts).
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { fixturePaths, writeInputs } from "./libreoffice-inputs.js";
import { convertAll } from "./soffice-batch.js";
import { findSoffice } from "./soffice.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared fixtures folder (see fixturePaths). */
    libreOfficeFixtures: string;
  }
}

export interface FixtureStatus {
  /** Why outputs are missing; empty when every conversion worked. */
  problems: string[];
  /** How many times LibreOffice started for them: 1 unless the macro failed. */
  starts: number;
}

function writeStatus(file: string, status: FixtureStatus): void {
  // Renamed into place, so a test polling for it never reads half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(status));
  renameSync(`${file}.tmp`, file);
}

export default function setup(project: TestProject): () => Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "pw-shared-fixtures-"));
  const paths = fixturePaths(root);
  project.provide("libreOfficeFixtures", root);
  const abort = new AbortController();
  const work = (async () => {
    try {
      if (!findSoffice()) return writeStatus(paths.status, { problems: [], starts: 0 });
      const jobs = await writeInputs(paths, abort.signal);
      writeStatus(paths.status, await convertAll(jobs, root, abort.signal));
    } catch (error) {
      // Stopped by the teardown: nobody is left to read the status.
      if (abort.signal.aborted) return;
      writeStatus(paths.status, {
        problems: [`building the shared fixtures failed: ${String(error)}`],
        starts: 0,
      });
    }
  })();
  return async () => {
    // A run of a few files can end before LibreOffice does: stop it rather than wait.
    abort.abort();
    await work;
    rmSync(root, { recursive: true, force: true });
  };
}

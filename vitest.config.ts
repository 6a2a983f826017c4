import { defineConfig } from "vitest/config";

/**
 * The suite must stay green on a busy 2-core machine (CI shares its cores,
 * and officers' laptops are slow). Unit tests finish in milliseconds, but
 * anything that writes a workbook, renders a document or starts LibreOffice
 * or Chromium can take seconds when the cores are taken, so no test lives
 * under vitest's 5 s default: heavy tests also state their own timeout.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Two workers on two cores: more only makes LibreOffice and Chromium tests fight for CPU.
    maxWorkers: 2,
    // Builds the example workbook and documents once and converts them all in one start of
    // LibreOffice, in the background: each start costs about 6 s of CPU.
    globalSetup: ["test/support/global-setup.ts"],
  },
});

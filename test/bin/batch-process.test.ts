import { afterEach, describe, expect, it } from "vitest";
import { BATCH_V8_FLAGS, batchProcessArgs, startsBatch } from "../../bin/batch-process.mjs";

/** When the command line starts itself again for a batch, and how (bin/batch-process.mjs). */
describe("the batch process", () => {
  const before = process.env.PARTNERSHIP_BATCH_PROCESS;
  afterEach(() => {
    if (before === undefined) delete process.env.PARTNERSHIP_BATCH_PROCESS;
    else process.env.PARTNERSHIP_BATCH_PROCESS = before;
  });

  it("is started for generate with --out-dir, and only once", () => {
    delete process.env.PARTNERSHIP_BATCH_PROCESS;
    expect(startsBatch(["generate", "agreement", "--workbook", "in", "--out-dir", "out"])).toBe(
      true,
    );
    expect(startsBatch(["generate", "agreement", "--workbook", "in", "--out-dir=out"])).toBe(true);
    expect(startsBatch(["generate", "agreement", "--workbook", "a.xlsx", "--out", "a.docx"])).toBe(
      false,
    );
    expect(startsBatch(["check", "--out-dir", "out"])).toBe(false);
    process.env.PARTNERSHIP_BATCH_PROCESS = "1";
    expect(startsBatch(["generate", "agreement", "--workbook", "in", "--out-dir", "out"])).toBe(
      false,
    );
  });

  it("runs the same script and arguments, with the batch flags first and node's own kept once", () => {
    const argv = ["/usr/bin/node", "/app/bin/partnership.mjs", "generate", "--out-dir", "o"];
    expect(batchProcessArgs(["--import", "hook.mjs"], argv)).toEqual([
      ...BATCH_V8_FLAGS,
      "--import",
      "hook.mjs",
      "/app/bin/partnership.mjs",
      "generate",
      "--out-dir",
      "o",
    ]);
    expect(batchProcessArgs([...BATCH_V8_FLAGS], argv)).toEqual([
      ...BATCH_V8_FLAGS,
      ...argv.slice(1),
    ]);
  });
});

import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CommandIo } from "../../generator/command.js";
import { main } from "../../generator/cli.js";
import { runCli } from "../support/run-cli.js";

/**
 * A reader that throws on some workbook is a bug, but it must cost only that
 * workbook. The reader is made to throw on a file starting "CRASH", so this
 * holds whatever the real reader learns to handle.
 */
vi.mock("../../adapters/exceljs/read-workbook.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../adapters/exceljs/read-workbook.js")>();
  return {
    ...real,
    readWorkbookCells: async (bytes: Uint8Array) => {
      if (Buffer.from(bytes.subarray(0, 5)).toString() === "CRASH")
        throw new RangeError("Invalid time value");
      return real.readWorkbookCells(bytes);
    },
  };
});

const STACK = /\n\s+at /;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pw-crash-"));
  const built = await runCli(dir, ["workbook", "--out", "batch/a.xlsx", "--example"]);
  expect(built.code).toBe(0);
  const copy = await runCli(dir, ["workbook", "--out", "batch/c.xlsx", "--example"]);
  expect(copy.code).toBe(0);
  mkdirSync(join(dir, "batch"), { recursive: true });
  writeFileSync(join(dir, "batch", "b.xlsx"), "CRASH: the reader throws on this");
}, 120_000);

async function withDebug(argv: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const io: CommandIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    isTTY: false,
    cwd: dir,
    debug: true,
  };
  return { code: await main(argv, io), out };
}

describe("a reader that throws", () => {
  it("costs only its workbook in a batch: one plain line, the others written, exit 2", async () => {
    const r = await runCli(dir, [
      "generate",
      "auto",
      "--workbook",
      "batch",
      "--out-dir",
      "docs",
      "--jobs",
      "1",
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      /Cannot read .*b\.xlsx: the reader stopped on something unexpected in it \(Invalid time value\)\. Please report this/,
    );
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    expect(r.stdout).toMatch(/Generated 2 of 3 documents/);
    for (const name of ["a", "c"])
      expect(existsSync(join(dir, "docs", `${name}-agreement.docx`))).toBe(true);
  }, 120_000);

  it("is one plain line for check too, exit 2, with the detail only under PARTNERSHIP_DEBUG", async () => {
    const r = await runCli(dir, ["check", "batch/b.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    const debug = await withDebug(["check", "batch/b.xlsx"]);
    expect(debug.code).toBe(2);
    expect(debug.out).toMatch(/RangeError: Invalid time value\n\s+at /);
  });

  it("shows the detail in a batch only under PARTNERSHIP_DEBUG", async () => {
    const debug = await withDebug([
      "generate",
      "auto",
      "--workbook",
      "batch/b.xlsx",
      "--out",
      "b.docx",
    ]);
    expect(debug.code).toBe(2);
    expect(debug.out).toMatch(/RangeError: Invalid time value\n\s+at /);
  });
});

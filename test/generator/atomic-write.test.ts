import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../generator/atomic-write.js";
import { UserError } from "../../generator/command.js";
import { fsReason, outputError } from "../../generator/output/fs-errors.js";
import {
  forgetCleanedFolders,
  isTemporaryName,
  STALE_AFTER_MS,
  temporaryName,
} from "../../generator/output/temporary-files.js";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pw-atomic-"));
  forgetCleanedFolders();
});

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe("writeFileAtomic under a race", () => {
  it("lets exactly one of two simultaneous writers create a file, and keeps its bytes whole", async () => {
    for (let trial = 0; trial < 8; trial++) {
      const path = join(dir, `race-${trial}.docx`);
      const a = Buffer.alloc(200_000, "a");
      const b = Buffer.alloc(200_000, "b");
      const outcomes = await Promise.allSettled([
        writeFileAtomic(path, a, { force: false }),
        writeFileAtomic(path, b, { force: false }),
      ]);
      const won = outcomes.filter((o) => o.status === "fulfilled");
      expect(won, `trial ${trial}`).toHaveLength(1);
      const lost = outcomes.find((o) => o.status === "rejected");
      expect(String(lost?.status === "rejected" ? lost.reason : "")).toMatch(
        /already exists\. Use --force/,
      );
      const written = readFileSync(path);
      expect(written.equals(a) || written.equals(b)).toBe(true);
    }
    expect(readdirSync(dir).filter(isTemporaryName)).toEqual([]);
  });

  it("replaces the file with --force, and never without", async () => {
    const path = join(dir, "board.docx");
    writeFileSync(path, "old");
    await failure(writeFileAtomic(path, "new", { force: false }));
    expect(readFileSync(path, "utf8")).toBe("old");
    await writeFileAtomic(path, "new", { force: true });
    expect(readFileSync(path, "utf8")).toBe("new");
  });
});

describe("writeFileAtomic refusals and output errors", () => {
  it("says plainly when the target is a folder, even with --force", async () => {
    const path = join(dir, "taken.docx");
    mkdirSync(path);
    for (const force of [false, true]) {
      const error = await failure(writeFileAtomic(path, "x", { force }));
      expect(error.message).toBe(`Cannot write ${path}: it is a folder, not a file.`);
      expect(error.exitCode).toBe(1);
    }
  });

  it("says plainly when part of the path is a file", async () => {
    writeFileSync(join(dir, "notes.txt"), "text");
    const path = join(dir, "notes.txt", "board.docx");
    const error = await failure(writeFileAtomic(path, "x", { force: false }));
    expect(error.message).toMatch(/^Cannot write .*board\.docx: part of the path is a file/);
    expect(error.exitCode).toBe(1);
  });

  it("never replaces a file the run reads, however the path is spelt", async () => {
    const workbook = join(dir, "board.xlsx");
    writeFileSync(workbook, "workbook bytes");
    linkSync(workbook, join(dir, "hard.docx"));
    symlinkSync(workbook, join(dir, "soft.docx"));
    for (const name of ["hard.docx", "soft.docx"]) {
      const error = await failure(
        writeFileAtomic(join(dir, name), "word", { force: true, protect: [workbook] }),
      );
      expect(error.message).toMatch(/which this run reads/);
    }
    expect(readFileSync(workbook, "utf8")).toBe("workbook bytes");
  });

  it("turns every errno code into plain words, and leaves other errors alone", () => {
    const cases: [string, RegExp][] = [
      ["EISDIR", /folder/],
      ["EACCES", /permission denied/],
      ["EPERM", /does not allow/],
      ["EROFS", /read-only/],
      ["ENOSPC", /disk is full/],
      ["ENOTDIR", /part of the path is a file/],
      ["EEXIST", /already exists/],
      ["ENOENT", /folder does not exist/],
    ];
    for (const [code, words] of cases) {
      const error = Object.assign(new Error(`${code}: raw message`), { code });
      expect(fsReason(error), code).toMatch(words);
      const mapped = outputError(error, "/out/board.docx");
      expect(mapped, code).toBeInstanceOf(UserError);
      expect((mapped as UserError).message).toMatch(/^Cannot write \/out\/board\.docx: /);
      expect((mapped as UserError).exitCode).toBe(1);
    }
    const bug = new TypeError("x is undefined");
    expect(outputError(bug, "/out/board.docx")).toBe(bug);
  });
});

describe("temporary files", () => {
  it("removes temporary files a killed run left behind, and nothing else", async () => {
    const old = (Date.now() - STALE_AFTER_MS - 60_000) / 1000;
    const stale = temporaryName("board-agreement.docx");
    const legacy = ".board-agreement.docx.4242.1700000000000.tmp";
    const fresh = temporaryName("other.docx");
    const foreign = ".someone-elses.tmp";
    for (const name of [stale, legacy, fresh, foreign]) writeFileSync(join(dir, name), "partial");
    for (const name of [stale, legacy, foreign]) utimesSync(join(dir, name), old, old);
    await writeFileAtomic(join(dir, "new.docx"), "x", { force: false });
    const left = readdirSync(dir);
    expect(left).not.toContain(stale);
    expect(left).not.toContain(legacy);
    expect(left).toContain(fresh);
    expect(left).toContain(foreign);
    expect(existsSync(join(dir, "new.docx"))).toBe(true);
  });
});

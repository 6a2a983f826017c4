import { WORKER_THRESHOLD } from "../../generator/documents/batch.js";
import { EXIT } from "../../generator/command.js";
import JSZip from "jszip";
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * bin/partnership.mjs runs the command line compiled into build/ (by `npm ci`
 * through the prepare script, or `npm run build:cli`), so a command starts
 * without compiling TypeScript; with build/ missing or older than the sources
 * it says so and runs the sources through tsx.
 */

const root = fileURLToPath(new URL("../../", import.meta.url));
const HEAVY = 120_000;
const STALE_WARNING = /^partnership: .*Run `npm run build:cli` to compile\.\n/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function partnership(project: string, cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [join(project, "bin", "partnership.mjs"), ...args], {
    cwd,
    encoding: "utf8",
    timeout: HEAVY,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "pw-bin-"));
  made.push(dir);
  return dir;
}

/** Not copied: installed, generated or output folders. */
const NOT_SOURCES = ["node_modules", ".git", "build", "dist", "out", "test-output", "coverage"];

/**
 * A snapshot of this checkout with its own build/, made by bin/build-cli.mjs as
 * `npm ci` makes it: sources saved meanwhile by someone working in the
 * checkout cannot make the build stale halfway through these tests.
 */
function snapshot(): string {
  const copy = temporaryDir();
  cpSync(root, copy, {
    recursive: true,
    filter: (path) => !NOT_SOURCES.includes(relative(root, path).split(sep)[0] ?? ""),
  });
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
  execFileSync(process.execPath, [join(copy, "bin", "build-cli.mjs")], { timeout: HEAVY });
  return copy;
}

/**
 * A project whose bin/ is real (it looks for build/ beside itself) and whose
 * other entries link to `project`'s, with no build/ or a stale one.
 */
function withBuild(project: string, build: "none" | "stale"): string {
  const copy = temporaryDir();
  for (const entry of readdirSync(project)) {
    if (["bin", "build"].includes(entry)) continue;
    symlinkSync(join(project, entry), join(copy, entry));
  }
  cpSync(join(project, "bin"), join(copy, "bin"), { recursive: true });
  if (build === "stale") {
    cpSync(join(project, "build"), join(copy, "build"), { recursive: true });
    const infoFile = join(copy, "build", "build-info.json");
    const info = JSON.parse(readFileSync(infoFile, "utf8")) as { sources: string[] };
    // Built "in 1970": every source is newer.
    writeFileSync(infoFile, JSON.stringify({ startedAt: 0, sources: info.sources }));
  }
  return copy;
}

/**
 * A zip's parts in order with their bytes. Parts, not the zip's own bytes:
 * the workbook's zip still stamps some parts with the time of writing, and
 * this is about the code the two runs execute, not about when they ran.
 */
async function zipEntries(path: string): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return Promise.all(
    Object.values(zip.files).map(
      async (f) => [f.name, await f.async("base64")] as [string, string],
    ),
  );
}

let project: string;
let work: string;

beforeAll(() => {
  project = snapshot();
  work = temporaryDir();
}, HEAVY);

afterAll(() => {
  // The links inside are removed, never what they point to.
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("bin/partnership.mjs", () => {
  it(
    "keeps the libraries out of the entry file: a command loads only what it uses",
    () => {
      // exceljs, docx and Handlebars are several MB; the entry must start at Node's own cost.
      const entry = readFileSync(join(project, "build", "cli.mjs"), "utf8");
      expect(entry.length).toBeLessThan(200_000);
      expect(entry).not.toMatch(/exceljs|Handlebars\.compile|class Packer/);
      const r = partnership(project, work, "--version");
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
    },
    HEAVY,
  );

  it(
    "runs the compiled command line, with no compiler and nothing on stderr",
    () => {
      const r = partnership(project, work, "--help");
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: partnership <command> \[options\]$/m);
    },
    HEAVY,
  );

  it(
    "says build/ is missing in one line and still runs, from the sources",
    () => {
      const r = partnership(withBuild(project, "none"), work, "--help");
      expect(r.stderr).toMatch(STALE_WARNING);
      expect(r.stderr).toMatch(/build\/\) is missing/);
      expect(r.stderr.split("\n")).toHaveLength(2); // one line and its newline
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: partnership/m);
    },
    HEAVY,
  );

  it(
    "never runs a build older than the sources: it names a changed source and runs them",
    () => {
      const r = partnership(withBuild(project, "stale"), work, "schema", "--json");
      expect(r.stderr).toMatch(STALE_WARNING);
      expect(r.stderr).toMatch(/: \S+\.ts changed after build\/ was made;/);
      expect(r.code).toBe(0);
      // The sources ran to the end: the whole contract came out.
      expect((JSON.parse(r.stdout) as { tables: unknown[] }).tables.length).toBeGreaterThan(6);
    },
    HEAVY,
  );

  it(
    "writes what the TypeScript sources write (the demo's workbook and documents, part for part)",
    async () => {
      const fromBuild = join(work, "demo-build");
      const fromSources = join(work, "demo-sources");
      const compiled = partnership(project, work, "demo", "--out-dir", fromBuild);
      expect(compiled.stderr).toBe("");
      expect(compiled.code).toBe(0);
      const sources = partnership(
        withBuild(project, "none"),
        work,
        "demo",
        "--out-dir",
        fromSources,
      );
      expect(sources.stderr).toMatch(STALE_WARNING);
      expect(sources.code).toBe(0);
      // The current round's returns sit in returns/, one per partner (issue 8).
      const returns = readdirSync(join(fromSources, "returns")).sort();
      expect(returns).toHaveLength(7);
      expect(readdirSync(join(fromBuild, "returns")).sort()).toEqual(returns);
      const files = readdirSync(fromSources)
        .filter((f) => f !== "returns")
        .sort();
      expect(files.length).toBeGreaterThanOrEqual(3);
      expect(
        readdirSync(fromBuild)
          .filter((f) => f !== "returns")
          .sort(),
      ).toEqual(files);
      for (const file of files) {
        expect(await zipEntries(join(fromBuild, file)), file).toEqual(
          await zipEntries(join(fromSources, file)),
        );
      }
    },
    HEAVY,
  );

  it(
    "runs a batch in its own process with a worker process, compiled too (four workbooks, enough to start a worker, --jobs 2)",
    () => {
      const dir = join(work, "batch");
      mkdirSync(dir, { recursive: true });
      expect(partnership(project, dir, "workbook", "--example", "--out", "a.xlsx").code).toBe(0);
      const names = ["a", "b", "c", "d"];
      expect(names.length).toBeGreaterThanOrEqual(WORKER_THRESHOLD);
      for (const name of names.slice(1))
        copyFileSync(join(dir, "a.xlsx"), join(dir, `${name}.xlsx`));
      const batch = partnership(
        project,
        dir,
        "generate",
        "auto",
        ...names.flatMap((name) => ["--workbook", `${name}.xlsx`]),
        ...["--out-dir", "docs", "--jobs", "2"],
      );
      expect(batch.stderr).toBe("");
      expect(batch.code).toBe(0);
      const written = readdirSync(join(dir, "docs")).sort();
      expect(written).toHaveLength(names.length);
      // Each worker's document equals the one the main thread builds alone.
      const single = partnership(
        project,
        dir,
        "generate",
        "auto",
        "--workbook",
        "a.xlsx",
        "--out",
        "a.docx",
      );
      expect(single.code).toBe(0);
      const alone = readFileSync(join(dir, "a.docx"));
      for (const file of written)
        expect(readFileSync(join(dir, "docs", file)).equals(alone), file).toBe(true);

      // The batch process's exit code is the command's: a workbook it cannot read fails the batch.
      writeFileSync(join(dir, "e.xlsx"), "not a workbook");
      const failing = partnership(
        project,
        dir,
        "generate",
        "auto",
        ...[...names, "e"].flatMap((name) => ["--workbook", `${name}.xlsx`]),
        ...["--out-dir", "docs2", "--jobs", "2"],
      );
      expect(failing.code).toBe(EXIT.unreadable);
      expect(`${failing.stdout}${failing.stderr}`).toMatch(/e\.xlsx/);
      expect(readdirSync(join(dir, "docs2"))).toHaveLength(names.length);
    },
    HEAVY,
  );
});

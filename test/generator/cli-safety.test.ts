import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openWorkbook } from "../../adapters/exceljs/open-workbook.js";
import { runCli, type CliRun } from "../support/run-cli.js";

/**
 * Issue 7 §3 and §4 on the command line: nothing the user has is lost or
 * garbled, whatever the output path, the timing or the cells say.
 */

let dir: string;
let example: Buffer;

function run(...argv: string[]): Promise<CliRun> {
  return runCli(dir, argv);
}

const STACK = /\n\s+at /;
const hasRawControls = (text: string) => text.includes("\u001b") || text.includes("\u009b");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pw-safety-"));
  const built = await run("workbook", "--out", "example.xlsx", "--example");
  expect(built.code).toBe(0);
  example = readFileSync(join(dir, "example.xlsx"));
}, 120_000);

function copyExample(path: string): string {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  writeFileSync(join(dir, path), example);
  return path;
}

describe("batch names", () => {
  it("gives same-named workbooks from different folders documents named after their folders", async () => {
    copyExample("same/a/board.xlsx");
    copyExample("same/b/board.xlsx");
    const r = await run(
      "generate",
      "auto",
      "--workbook",
      "same/a/board.xlsx",
      "--workbook",
      "same/b/board.xlsx",
      "--out-dir",
      "same-docs",
      "--force",
      "--jobs",
      "1",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 workbooks are called board.xlsx");
    expect(r.stdout).toContain(`wrote ${join(dir, "same-docs", "a-board-agreement.docx")}`);
    expect(r.stdout).toContain(`wrote ${join(dir, "same-docs", "b-board-agreement.docx")}`);
    expect(existsSync(join(dir, "same-docs", "board-agreement.docx"))).toBe(false);
  }, 120_000);
});

describe("output names", () => {
  it("refuses --out naming the workbook it reads, even with --force and through a link", async () => {
    copyExample("self/board.xlsx");
    symlinkSync(join(dir, "self/board.xlsx"), join(dir, "self/alias.docx"));
    const same = await run(
      "generate",
      "auto",
      "--workbook",
      "self/board.xlsx",
      "--out",
      "self/board.xlsx",
      "--force",
    );
    expect(same.code).toBe(2);
    const linked = await run(
      "generate",
      "auto",
      "--workbook",
      "self/board.xlsx",
      "--out",
      "self/alias.docx",
      "--force",
    );
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/which this command reads/);
    expect(readFileSync(join(dir, "self/board.xlsx")).equals(example)).toBe(true);
  });

  it("refuses an output name whose extension does not fit, saying which to use", async () => {
    const pdf = await run("generate", "auto", "--workbook", "example.xlsx", "--out", "x.pdf");
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain("Use --out x.docx");
    expect(existsSync(join(dir, "x.pdf"))).toBe(false);
    const docx = await run("workbook", "--out", "book.docx");
    expect(docx.code).toBe(2);
    expect(docx.stderr).toContain("Use --out book.xlsx");
  });

  it("lets only one of two runs writing the same --out at once succeed", async () => {
    const runs = await Promise.all(
      [1, 2].map(() =>
        run("generate", "auto", "--workbook", "example.xlsx", "--out", "raced.docx"),
      ),
    );
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
    expect(runs.find((r) => r.code === 1)?.stdout).toMatch(/already exists\. Use --force/);
  }, 120_000);
});

describe("output errors", () => {
  it("is one plain line naming the path, exit 1, for a folder in the way or a file as a folder", async () => {
    mkdirSync(join(dir, "folder.docx"));
    writeFileSync(join(dir, "notes.txt"), "text");
    const cases: [string[], RegExp][] = [
      [["--out", "folder.docx", "--force"], /folder\.docx: it is a folder/],
      [["--out", "notes.txt/x.docx"], /x\.docx: part of the path is a file/],
      [["--out-dir", "notes.txt"], /notes\.txt: it is a file, not a folder/],
    ];
    for (const [args, words] of cases) {
      const r = await run("generate", "auto", "--workbook", "example.xlsx", ...args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stdout + r.stderr, args.join(" ")).toMatch(words);
      expect(r.stdout + r.stderr, args.join(" ")).not.toMatch(STACK);
    }
    const workbook = await run("workbook", "--out", "notes.txt/new.xlsx");
    expect(workbook.code).toBe(1);
    expect(workbook.stderr).toMatch(/^partnership workbook: Cannot write .*new\.xlsx: part of/);
    const demo = await run("demo", "--out-dir", "notes.txt");
    expect(demo.code).toBe(1);
    expect(demo.stderr).not.toMatch(STACK);
  }, 120_000);

  it("reports a document that cannot be written and still writes the rest of the batch", async () => {
    for (const name of ["a", "b", "c"]) copyExample(`blocked/${name}.xlsx`);
    mkdirSync(join(dir, "blocked-docs", "b-agreement.docx"), { recursive: true });
    const r = await run(
      "generate",
      "auto",
      "--workbook",
      "blocked",
      "--out-dir",
      "blocked-docs",
      "--jobs",
      "1",
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/b-agreement\.docx: it is a folder/);
    expect(r.stdout).not.toMatch(STACK);
    for (const name of ["a", "c"])
      expect(existsSync(join(dir, "blocked-docs", `${name}-agreement.docx`))).toBe(true);
  }, 120_000);
});

describe("bad workbooks in a batch", () => {
  it("reports a workbook that makes the reader stop, and still produces the others", async () => {
    copyExample("odd/a.xlsx");
    copyExample("odd/c.xlsx");
    const workbook = await openWorkbook(example);
    const objectives = workbook.getWorksheet("Objectives");
    if (!objectives) throw new Error("no Objectives sheet");
    objectives.getCell("F5").value = 1e9;
    objectives.getCell("F5").numFmt = "dd/mm/yyyy";
    await workbook.xlsx.writeFile(join(dir, "odd", "b.xlsx"));
    const r = await run("generate", "auto", "--workbook", "odd", "--out-dir", "odd-docs");
    expect([1, 2]).toContain(r.code);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    for (const name of ["a", "c"])
      expect(existsSync(join(dir, "odd-docs", `${name}-agreement.docx`))).toBe(true);
  }, 120_000);
});

describe("text printed to a terminal", () => {
  let hostile: string;

  beforeAll(async () => {
    const workbook = await openWorkbook(example);
    const indicators = workbook.getWorksheet("Indicators");
    if (!indicators) throw new Error("no Indicators sheet");
    // `_x001B_` is how a workbook file spells ESC; Excel and the reader decode it.
    indicators.getCell("I5").value = "_x001B_[2J0 errors";
    indicators.getCell("I6").value = "csi\u009b2J";
    hostile = join(dir, "hostile.xlsx");
    await workbook.xlsx.writeFile(hostile);
  }, 60_000);

  it("shows control characters in cells as visible escapes, never raw", async () => {
    const r = await run("check", "hostile.xlsx");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("\\u001b[2J0 errors");
    expect(r.stdout).toContain("csi\\u009b2J");
    expect(hasRawControls(r.stdout)).toBe(false);
  });

  it("keeps --json valid, and it parses back to the exact cell text", async () => {
    const r = await run("check", "hostile.xlsx", "--json");
    expect(hasRawControls(r.stdout)).toBe(false);
    const report = JSON.parse(r.stdout) as { problems: { cell: string; message: string }[] };
    const messages = report.problems.map((p) => p.message).join("\n");
    expect(messages).toContain("\u001b[2J0 errors");
    expect(messages).toContain("csi\u009b2J");
  });

  it("escapes controls in file names too, on stdout and in the progress bar", async () => {
    copyExample("names/plain.xlsx");
    copyExample("names/evil\u001b[2J.xlsx");
    const r = await runCli(
      dir,
      [
        "generate",
        "terms-of-reference",
        "--workbook",
        "names",
        "--out-dir",
        "names-docs",
        "--jobs",
        "1",
      ],
      true,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("evil\\u001b[2J-terms-of-reference.docx");
    expect(r.stdout).not.toContain("\u001b");
    // The bar itself redraws with control codes; the names inside it do not carry any.
    expect(r.stderr).toContain("\r\u001b[2K");
    expect(r.stderr.replaceAll("\r\u001b[2K", "")).not.toContain("\u001b");
  }, 120_000);
});

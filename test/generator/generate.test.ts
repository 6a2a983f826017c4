import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliRun } from "../support/run-cli.js";

/** Runs `partnership generate …`, capturing its output. */
function generate(cwd: string, argv: string[], isTTY = false): Promise<CliRun> {
  return runCli(cwd, ["generate", ...argv], isTTY);
}

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pw-generate-"));
  const built = await runCli(dir, ["workbook", "--out", "example.xlsx", "--example"]);
  expect(built.code).toBe(0);
}, 60_000);

describe("partnership generate", () => {
  it("writes the document the arrangement needs, and reports gaps as warnings", async () => {
    const r = await generate(dir, ["auto", "--workbook", "example.xlsx", "--out", "auto.docx"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${join(dir, "auto.docx")} (agreement)`);
    expect(r.stdout).toContain(
      "warning Objectives!F10: Due date of objective O6 is missing from the workbook.",
    );
    expect(r.stdout).toContain("Generated 1 of 1 document");
    expect(readFileSync(join(dir, "auto.docx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("never overwrites without --force, and rewrites the same bytes with it", async () => {
    await generate(dir, ["terms-of-reference", "--workbook", "example.xlsx", "--out", "tor.docx"]);
    const before = readFileSync(join(dir, "tor.docx"));
    const refused = await generate(dir, [
      "terms-of-reference",
      "--workbook",
      "example.xlsx",
      "--out",
      "tor.docx",
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("already exists. Use --force");
    const forced = await generate(dir, [
      "terms-of-reference",
      "--workbook",
      "example.xlsx",
      "--out",
      "tor.docx",
      "--force",
    ]);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, "tor.docx")).equals(before)).toBe(true);
  });

  it("refuses a final document while the workbook has gaps, and says where", async () => {
    const r = await generate(dir, [
      "agreement",
      "--workbook",
      "example.xlsx",
      "--out",
      "final.docx",
      "--final",
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "error   Objectives!F10: Due date of objective O6 is missing from the workbook.",
    );
    expect(r.stdout).toContain("did not write");
    expect(existsSync(join(dir, "final.docx"))).toBe(false);
  });

  it("generates a batch in worker threads, skipping a bad workbook", async () => {
    const batch = join(dir, "batch");
    mkdirSync(batch, { recursive: true });
    for (const name of ["a", "b", "c", "d"])
      copyFileSync(join(dir, "example.xlsx"), join(batch, `${name}.xlsx`));
    writeFileSync(join(batch, "broken.xlsx"), "this is not a workbook");
    const r = await generate(dir, [
      "auto",
      "--workbook",
      "batch",
      "--out-dir",
      "docs",
      "--json",
      "--jobs",
      "2",
    ]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as {
      results: { workbook: string; status: string; out: string | null }[];
      written: number;
      total: number;
    };
    expect(report.total).toBe(5);
    expect(report.written).toBe(4);
    expect(report.results.find((x) => x.workbook.endsWith("broken.xlsx"))?.status).toBe(
      "unreadable",
    );
    const files = ["a", "b", "c", "d"].map((n) =>
      readFileSync(join(dir, "docs", `${n}-agreement.docx`)),
    );
    for (const file of files) expect(file.equals(files[0] ?? Buffer.alloc(0))).toBe(true);
  }, 120_000);

  it("shows a progress bar on a terminal and a one-line summary", async () => {
    const r = await generate(
      dir,
      [
        "terms-of-reference",
        "--workbook",
        "example.xlsx",
        "--workbook",
        "auto.docx",
        "--out-dir",
        "progress",
        "--jobs",
        "1",
        "--no-notes",
      ],
      true,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2/2");
    expect(r.stderr).toContain("█");
    expect(r.stdout.trim().split("\n").at(-1)).toMatch(
      /^Generated 1 of 2 documents in \d+\.\d s; 1 not written\.$/,
    );
  });

  it("applies a house style, and rejects a style file that is not Word", async () => {
    const house = new Document({
      styles: { default: { document: { run: { font: "Georgia" } } } },
      sections: [{ children: [new Paragraph("x")] }],
    });
    writeFileSync(join(dir, "house.docx"), await Packer.toBuffer(house));
    const styled = await generate(dir, [
      "auto",
      "--workbook",
      "example.xlsx",
      "--out",
      "styled.docx",
      "--style",
      "house.docx",
    ]);
    expect(styled.code).toBe(0);
    writeFileSync(join(dir, "notword.docx"), "plain text");
    const bad = await generate(dir, [
      "auto",
      "--workbook",
      "example.xlsx",
      "--out",
      "x.docx",
      "--style",
      "notword.docx",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("not a Word document");
  });

  it("explains bad arguments with exit code 2", async () => {
    expect(
      (await generate(dir, ["letter", "--workbook", "example.xlsx", "--out", "x.docx"])).code,
    ).toBe(2);
    expect((await generate(dir, ["auto", "--out", "x.docx"])).code).toBe(2);
    expect((await generate(dir, ["auto", "--workbook", "example.xlsx"])).code).toBe(2);
    const many = await generate(dir, [
      "auto",
      "--workbook",
      "example.xlsx",
      "--workbook",
      "second.xlsx",
      "--out",
      "x.docx",
    ]);
    expect(many.code).toBe(2);
    expect(many.stderr).toContain("need --out-dir");
    const missing = await generate(dir, ["auto", "--workbook", "nowhere.xlsx", "--out", "x.docx"]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain("no such file");
  });
});

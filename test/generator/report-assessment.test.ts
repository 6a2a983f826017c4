import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

let dir = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pw-report-"));
  expect((await runCli(dir, ["workbook", "--example", "--out", "ex.xlsx"])).code).toBe(0);
}, 120_000);

describe("partnership report assessment", () => {
  it("writes the report, never over an existing file without --force, the same bytes each time", async () => {
    const first = await runCli(dir, [
      "report",
      "assessment",
      "--workbook",
      "ex.xlsx",
      "--out",
      "a.docx",
    ]);
    expect(first.stdout).toContain("wrote a.docx (assessment report)");
    const bytes = readFileSync(join(dir, "a.docx"));
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const again = await runCli(dir, [
      "report",
      "assessment",
      "--workbook",
      "ex.xlsx",
      "--out",
      "a.docx",
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr + again.stdout).toMatch(/exists|--force/);
    const forced = await runCli(dir, [
      "report",
      "assessment",
      "--workbook",
      "ex.xlsx",
      "--out",
      "a.docx",
      "--force",
    ]);
    expect(forced.stdout).toContain("wrote a.docx");
    expect(readFileSync(join(dir, "a.docx")).equals(bytes)).toBe(true);
  }, 120_000);

  it("says which rounds exist for an unknown --round, and which reports exist", async () => {
    const r = await runCli(dir, [
      "report",
      "assessment",
      "--workbook",
      "ex.xlsx",
      "--out",
      "b.docx",
      "--round",
      "1999",
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no assessment round is called "1999"');
    const unknown = await runCli(dir, ["report", "assesment"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Did you mean assessment?");
    const wrongOut = await runCli(dir, [
      "report",
      "assessment",
      "--workbook",
      "ex.xlsx",
      "--out",
      "x.pdf",
    ]);
    expect(wrongOut.code).toBe(2);
  }, 120_000);
});

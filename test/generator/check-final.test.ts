import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openWorkbook } from "../../adapters/exceljs/open-workbook.js";
import { runCli } from "../support/run-cli.js";

const HEAVY = 120_000;
let dir: string;

/** A copy of the example workbook with some cells changed, written next to it. */
async function variant(name: string, cells: Record<string, string | number | null>) {
  const workbook = await openWorkbook(readFileSync(join(dir, "example.xlsx")));
  for (const [where, value] of Object.entries(cells)) {
    const [sheet, cell] = where.split("!");
    workbook.getWorksheet(sheet ?? "")!.getCell(cell ?? "").value = value;
  }
  await workbook.xlsx.writeFile(join(dir, name));
}

const check = (file: string) => runCli(dir, ["check", file]);
const final = (file: string, out: string) =>
  runCli(dir, ["generate", "auto", "--workbook", file, "--out", out, "--final"]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pw-check-final-"));
  expect((await runCli(dir, ["workbook", "--out", "example.xlsx", "--example"])).code).toBe(0);
}, HEAVY);

describe("partnership check and generate --final agree", () => {
  it(
    "warns that the example's O6 needs a due date before a final agreement, which --final then refuses",
    async () => {
      const r = await check("example.xlsx");
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        "warning Objectives!F10: Due date of objective O6 is blank: needed for a final document.",
      );
      // Besides the gap, the example's warnings include performance over time (overdue
      // returns, Red twice), which depend on the day the check runs.
      expect(r.stdout).toMatch(/example\.xlsx: 0 errors, \d+ warnings?/);
      expect(r.stdout).toContain("Final agreement: needs 1 value filled in");
      const json = JSON.parse((await runCli(dir, ["check", "example.xlsx", "--json"])).stdout) as {
        document: string;
        finalGaps: number;
        finalReady: boolean;
        problems: { sheet: string; cell: string }[];
      };
      expect(json).toMatchObject({ document: "agreement", finalGaps: 1, finalReady: false });
      expect(json.problems).toContainEqual(
        expect.objectContaining({ sheet: "Objectives", cell: "F10" }),
      );
      const refused = await final("example.xlsx", "example-final.docx");
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain("Objectives!F10");
      expect(existsSync(join(dir, "example-final.docx"))).toBe(false);
    },
    HEAVY,
  );

  it(
    "a blank signatory is a located warning, not silence",
    async () => {
      await variant("unsigned.xlsx", { "Objectives!F10": 46_112, "Partners!H7": null });
      const r = await check("unsigned.xlsx");
      expect(r.stdout).toMatch(
        /warning Partners!H7: Signatory of .+ is blank: needed for a final document/,
      );
      const refused = await final("unsigned.xlsx", "unsigned.docx");
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain("Partners!H7");
    },
    HEAVY,
  );

  it(
    "after a clean check, generate --final writes the document",
    async () => {
      await variant("complete.xlsx", { "Objectives!F10": 46_112 });
      const r = await check("complete.xlsx");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/complete\.xlsx: 0 errors, \d+ warnings?/);
      expect(r.stdout).toContain("Final agreement: ready");
      const written = await final("complete.xlsx", "complete.docx");
      expect(written.code).toBe(0);
      expect(existsSync(join(dir, "complete.docx"))).toBe(true);
    },
    HEAVY,
  );
});

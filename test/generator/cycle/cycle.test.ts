/**
 * The assessment cycle through the command line (issue 8): returns are
 * written, filled in by a script as partners would, collected into the
 * master, and the round closed; every bad return is refused at its cell with
 * the master left byte for byte as it was.
 */
import { copyFile, readdir, readFile, rm, writeFile } from "node:fs/promises";
import JSZip from "jszip";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import type { GridInstrument } from "../../../core/instruments/types.js";
import { runCli } from "../../support/run-cli.js";
import { cycleInstruments, editCell, fillReturn, masterFolder, readMaster } from "./support.js";

const HEAVY = 120_000;
const folders: string[] = [];
afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

async function folder(edit?: Parameters<typeof masterFolder>[0]): Promise<string> {
  const dir = await masterFolder(edit);
  folders.push(dir);
  return dir;
}

/** EC scores 1,2,3,4,1,…; Carers the mirror image, so every score is told apart. */
const scoreOf = (partner: string, index: number): number =>
  partner === "EC" ? (index % 4) + 1 : 4 - (index % 4);

async function returnsFor(dir: string, round: string, extra: string[] = []): Promise<void> {
  const made = await runCli(dir, [
    "returns",
    "--workbook",
    "master.xlsx",
    "--round",
    round,
    "--out-dir",
    "returns",
    "--force",
    ...extra,
  ]);
  expect(made.stderr).toBe("");
  expect(made.code).toBe(0);
}

async function filledReturns(dir: string, round: string, extra: string[] = [], shift = 0) {
  await returnsFor(dir, round, extra);
  for (const partner of ["EC", "Carers"])
    await fillReturn(join(dir, "returns", `${partner}.xlsx`), (_sheet, i) => ({
      score: ((scoreOf(partner, i) + shift - 1) % 4) + 1,
      comment: i === 0 ? `${partner} says: first statement` : undefined,
    }));
}

const collect = (dir: string, ...args: string[]) =>
  runCli(dir, ["collect", "--workbook", "master.xlsx", "--returns", "returns", ...args]);

describe("returns → filled by a script → collect → master", () => {
  it(
    "writes one protected return per partner with the round and partner inside",
    async () => {
      const dir = await folder();
      await returnsFor(dir, "2026 review");
      expect((await readdir(join(dir, "returns"))).sort()).toEqual(["Carers.xlsx", "EC.xlsx"]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(dir, "returns", "EC.xlsx"));
      const details = workbook.getWorksheet("Return details");
      expect(details?.state).toBe("hidden");
      expect(details?.getCell("B4").value).toBe("EC");
      expect(details?.getCell("B5").value).toBe("2026 review");
      const [instrument] = (await cycleInstruments()) as GridInstrument[];
      const sheet = workbook.getWorksheet(instrument?.sheet ?? "");
      expect(sheet?.getCell("A2").value).toContain("EC");
      expect(sheet?.getCell("C8").dataValidation.type).toBe("list");
      expect(sheet?.getCell("C8").protection?.locked).toBe(false);
      expect(sheet?.getCell("D8").protection?.locked).toBe(false);
      // The statement itself stays locked, and the sheet is protected without a password.
      expect(sheet?.getCell("B8").protection?.locked).not.toBe(false);
      const xml = workbook.model.worksheets.find(
        (w) => w.name === instrument?.sheet,
      ) as unknown as {
        sheetProtection: Record<string, unknown> | null;
      };
      expect(xml.sheetProtection?.sheet).toBe(true);
      expect(xml.sheetProtection?.hashValue).toBeUndefined();
    },
    HEAVY,
  );

  it(
    "collects every score and comment into the grids and the history, and reports who has returned",
    async () => {
      const dir = await folder();
      await filledReturns(dir, "2026 review");
      // A renamed file is still recognised by what it records inside.
      await copyFile(
        join(dir, "returns", "EC.xlsx"),
        join(dir, "returns", "from-eastbrook-council.xlsx"),
      );
      await rm(join(dir, "returns", "EC.xlsx"));
      const run = await collect(dir);
      expect(run.stdout).toContain("2 of 2 partners have returned: EC, Carers");
      expect(run.code).toBe(0);
      const master = await readMaster(dir);
      const instruments = (await cycleInstruments()) as GridInstrument[];
      for (const instrument of instruments) {
        const items = master.assessments.find((a) => a.instrumentId === instrument.id)?.items ?? [];
        const statements = instrument.sections.flatMap((s) => s.statements);
        expect(items.length).toBe(statements.length);
        items.forEach((item, i) => {
          expect(item.scores).toEqual({ EC: scoreOf("EC", i), Carers: scoreOf("Carers", i) });
        });
      }
      expect(master.currentRound).toBe("2026 review");
      expect(master.assessmentRounds?.[0]).toMatchObject({
        name: "2026 review",
        closed: null,
        anonymous: false,
        returned: ["EC", "Carers"],
      });
      const history = master.assessmentHistory ?? [];
      const total = instruments.reduce(
        (n, i) => n + i.sections.flatMap((s) => s.statements).length,
        0,
      );
      expect(history.length).toBe(2 * total);
      expect(history.filter((r) => r.comment === "EC says: first statement").length).toBe(
        instruments.length,
      );
      // Collecting the same returns again changes nothing and is no conflict.
      const before = await readFile(join(dir, "master.xlsx"));
      expect((await collect(dir)).code).toBe(0);
      expect((await readMaster(dir)).assessmentHistory).toEqual(history);
      expect(before.length).toBeGreaterThan(0);
    },
    HEAVY,
  );

  it(
    "says who has not returned yet",
    async () => {
      const dir = await folder();
      await filledReturns(dir, "2026 review");
      const run = await runCli(dir, [
        "collect",
        "--workbook",
        "master.xlsx",
        "--returns",
        "returns/EC.xlsx",
      ]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("1 of 2 partners have returned: EC");
      expect(run.stdout).toContain("Not yet returned: Carers");
    },
    HEAVY,
  );
});

describe("bad returns: a located message and the master byte-identical", () => {
  const cases: {
    name: string;
    spoil: (dir: string, sheet: string) => Promise<void>;
    where: RegExp;
    message: RegExp;
    args?: string[];
  }[] = [
    {
      name: "a score outside the scale",
      spoil: (dir, sheet) => editCell(join(dir, "returns", "EC.xlsx"), sheet, "C9", 7),
      where: /returns\/EC\.xlsx: .+!C9/,
      message: /must be a whole number from 1 to 4, got 7/,
    },
    {
      name: "text in a score cell",
      spoil: (dir, sheet) => editCell(join(dir, "returns", "EC.xlsx"), sheet, "C10", "quite good"),
      where: /returns\/EC\.xlsx: .+!C10/,
      message: /got text "quite good"/,
    },
    {
      name: "a return from another round",
      spoil: (dir) =>
        editCell(join(dir, "returns", "EC.xlsx"), "Return details", "B5", "2025 review"),
      where: /returns\/EC\.xlsx: Return details!B5/,
      message: /round "2025 review"; the current round is "2026 review"/,
    },
    {
      name: "a return from another partnership",
      spoil: (dir) =>
        editCell(join(dir, "returns", "EC.xlsx"), "Return details", "B3", "Westfield Partnership"),
      where: /returns\/EC\.xlsx: Return details!B3/,
      message: /for the partnership "Westfield Partnership"/,
    },
    {
      name: "an unknown partner",
      spoil: (dir) => editCell(join(dir, "returns", "EC.xlsx"), "Return details", "B4", "Police"),
      where: /returns\/EC\.xlsx: Return details!B4/,
      message: /from "Police", who is not a partner/,
    },
    {
      name: "two returns from one partner",
      spoil: (dir) =>
        copyFile(join(dir, "returns", "EC.xlsx"), join(dir, "returns", "EC copy.xlsx")),
      where: /returns\/EC copy\.xlsx: Return details!B4/,
      message: /Two returns from EC/,
    },
    {
      name: "an edited statement",
      spoil: (dir, sheet) =>
        editCell(join(dir, "returns", "Carers.xlsx"), sheet, "B8", "Something else entirely"),
      where: /returns\/Carers\.xlsx: .+!B8/,
      message: /statement was edited/,
    },
    {
      name: "a file that is not a return",
      spoil: (dir) => copyFile(join(dir, "master.xlsx"), join(dir, "returns", "master copy.xlsx")),
      where: /returns\/master copy\.xlsx: Return details/,
      message: /not a partnership return/,
    },
  ];

  for (const c of cases) {
    it(
      c.name,
      async () => {
        const dir = await folder();
        await filledReturns(dir, "2026 review");
        // A first collect opens the round, so a later return can be from "another round".
        await runCli(dir, [
          "collect",
          "--workbook",
          "master.xlsx",
          "--returns",
          "returns/Carers.xlsx",
        ]);
        const [instrument] = await cycleInstruments();
        await c.spoil(dir, instrument?.sheet ?? "");
        const before = await readFile(join(dir, "master.xlsx"));
        const run = await collect(dir, ...(c.args ?? []));
        expect(run.code).toBe(1);
        const line = run.stdout.split("\n").find((l) => c.message.test(l)) ?? run.stdout;
        expect(line).toMatch(/^error/);
        expect(line).toMatch(c.where);
        expect(run.stdout).toContain("master.xlsx was not changed");
        expect(await readFile(join(dir, "master.xlsx"))).toEqual(before);
      },
      HEAVY,
    );
  }

  it(
    "a differing score is a conflict: refused without --force, taken with it",
    async () => {
      const dir = await folder();
      await filledReturns(dir, "2026 review");
      expect((await collect(dir)).code).toBe(0);
      const [instrument] = await cycleInstruments();
      await editCell(join(dir, "returns", "EC.xlsx"), instrument?.sheet ?? "", "C8", 4);
      const before = await readFile(join(dir, "master.xlsx"));
      const refused = await collect(dir);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(
        /error +returns\/EC\.xlsx: .+!C8: Conflict: EC's score for ".+" is 4 in the return but 1 in the master/,
      );
      expect(await readFile(join(dir, "master.xlsx"))).toEqual(before);
      const forced = await collect(dir, "--force");
      expect(forced.code).toBe(0);
      expect(forced.stdout).toContain("1 replaced");
      const master = await readMaster(dir);
      expect(master.assessments[0]?.items[0]?.scores.EC).toBe(4);
    },
    HEAVY,
  );
});

describe("collect --json and returns for another round", () => {
  it(
    "prints each problem with its file, sheet and cell, and refuses returns for a round other than the open one",
    async () => {
      const dir = await folder();
      await filledReturns(dir, "2026 review");
      const [instrument] = await cycleInstruments();
      await editCell(join(dir, "returns", "EC.xlsx"), instrument?.sheet ?? "", "C8", 9);
      const run = await collect(dir, "--json");
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as {
        written: boolean;
        problems: { file: string; sheet: string; cell: string; message: string }[];
        returned: string[];
        notReturned: string[];
      };
      expect(report.written).toBe(false);
      expect(report.problems[0]).toMatchObject({
        file: "returns/EC.xlsx",
        sheet: instrument?.sheet,
        cell: "C8",
      });
      expect(report.notReturned).toEqual(["EC", "Carers"]);

      await editCell(join(dir, "returns", "EC.xlsx"), instrument?.sheet ?? "", "C8", 1);
      expect((await collect(dir)).code).toBe(0);
      const other = await runCli(dir, [
        "returns",
        "--workbook",
        "master.xlsx",
        "--round",
        "2027 review",
        "--out-dir",
        "later",
      ]);
      expect(other.code).toBe(1);
      expect(other.stderr).toContain('The master\'s current round is "2026 review"');
    },
    HEAVY,
  );
});

/** The workbook with one more sheet, added part by part as Excel would save it. */
async function withSheetOfOwn(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => (await zip.file(path)?.async("string")) ?? "";
  zip.file(
    "xl/worksheets/sheetOwn.xml",
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ask about the pooled fund</t></is></c></row></sheetData></worksheet>',
  );
  const types = await text("[Content_Types].xml");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/worksheets/sheetOwn.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  );
  const rels = await text("xl/_rels/workbook.xml.rels");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdOwn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheetOwn.xml"/></Relationships>',
    ),
  );
  const workbook = await text("xl/workbook.xml");
  zip.file(
    "xl/workbook.xml",
    workbook.replace("</sheets>", `<sheet name="${name}" sheetId="999" r:id="rIdOwn"/></sheets>`),
  );
  return zip.generateAsync({ type: "uint8array" });
}

describe("a master with a sheet of the officer's own", () => {
  it(
    "is refused by collect and left byte for byte as it was, naming the sheet and what to do",
    async () => {
      const dir = await folder();
      await filledReturns(dir, "2026 review");
      const path = join(dir, "master.xlsx");
      await writeFile(path, await withSheetOfOwn(await readFile(path), "Board notes"));
      const before = await readFile(path);
      const run = await collect(dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('has a sheet of your own ("Board notes")');
      expect(run.stderr).toContain("Move that sheet to another workbook");
      expect(Buffer.compare(await readFile(path), before)).toBe(0);
    },
    HEAVY,
  );
});

describe("anonymous rounds", () => {
  it(
    "stores scores under Respondent 1…N with no mapping to partners, and still says who returned",
    async () => {
      const dir = await folder();
      await filledReturns(dir, "2026 anonymous", ["--anonymous"]);
      const run = await collect(dir);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("(anonymous): 2 of 2 partners have returned: EC, Carers");
      const master = await readMaster(dir);
      const history = master.assessmentHistory ?? [];
      expect(new Set(history.map((r) => r.respondent))).toEqual(
        new Set(["Respondent 1", "Respondent 2"]),
      );
      // The grids keep no partner's score, and nothing names a partner beside a score.
      for (const a of master.assessments)
        for (const item of a.items)
          expect(Object.values(item.scores).every((s) => s === null)).toBe(true);
      const bytes = await readFile(join(dir, "master.xlsx"));
      expect(bytes.length).toBeGreaterThan(0);
      // Rows read statement by statement, respondents in number order: no file order shows through.
      const respondents = history.map((r) => r.respondent);
      for (let i = 0; i + 1 < respondents.length; i += 2)
        expect(respondents.slice(i, i + 2)).toEqual(["Respondent 1", "Respondent 2"]);
      expect(master.assessmentRounds?.[0]).toMatchObject({
        anonymous: true,
        returned: ["EC", "Carers"],
      });
      // A second return from a partner that has returned cannot replace anything.
      const again = await runCli(dir, [
        "collect",
        "--workbook",
        "master.xlsx",
        "--returns",
        "returns/EC.xlsx",
      ]);
      expect(again.code).toBe(1);
      expect(again.stdout).toMatch(
        /Return details!B4: EC has already returned in this anonymous round/,
      );
    },
    HEAVY,
  );
});

describe("rounds over time", () => {
  it(
    "closing stamps the grids into the history; a second round never changes the first",
    async () => {
      const dir = await folder();
      await filledReturns(dir, "2026 review");
      expect((await collect(dir)).code).toBe(0);
      const closed = await runCli(dir, ["round", "close", "--workbook", "master.xlsx"]);
      expect(closed.stderr).toBe("");
      expect(closed.code).toBe(0);
      const first = (await readMaster(dir)).assessmentHistory ?? [];
      // The action plan is seeded from the round just closed.
      expect(closed.stdout).toMatch(/Seeded \d+ rows of the Actions table/);
      expect(first.length).toBeGreaterThan(0);
      // Returns for the closed round are refused from now on.
      const late = await collect(dir);
      expect(late.code).toBe(1);
      expect(late.stdout).toMatch(/round "2026 review", which was closed on/);

      await filledReturns(dir, "2027 review", [], 1);
      expect((await collect(dir)).code).toBe(0);
      // An officer types one score straight into the grid; closing takes it too.
      const typed = await readMaster(dir);
      const closedAgain = await runCli(dir, ["round", "close", "--workbook", "master.xlsx"]);
      expect(closedAgain.code).toBe(0);
      const master = await readMaster(dir);
      const history = master.assessmentHistory ?? [];
      expect(history.filter((r) => r.round === "2026 review")).toEqual(first);
      expect(history.filter((r) => r.round === "2027 review").length).toBe(first.length);
      expect(master.assessmentRounds?.map((r) => [r.name, r.closed !== null])).toEqual([
        ["2026 review", true],
        ["2027 review", true],
      ]);
      expect(master.currentRound).toBe("");
      expect(typed.currentRound).toBe("2027 review");
    },
    HEAVY,
  );

  it(
    "closes a round typed straight into the grids under the name given",
    async () => {
      const [grid] = (await cycleInstruments()) as GridInstrument[];
      const dir = await folder((p) => {
        p.assessments = [
          {
            instrumentId: grid?.id ?? "",
            entries: [],
            items: (grid?.sections ?? []).flatMap((section) =>
              section.statements.map((s) => ({
                section: section.name,
                statement: s.text,
                scores: { EC: 2, Carers: 3 },
              })),
            ),
          },
        ];
      });
      const refused = await runCli(dir, ["round", "close", "--workbook", "master.xlsx"]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("No round is open");
      const closed = await runCli(dir, [
        "round",
        "close",
        "--workbook",
        "master.xlsx",
        "--round",
        "2025 review",
      ]);
      expect(closed.code).toBe(0);
      const master = await readMaster(dir);
      const statements = (grid?.sections ?? []).flatMap((s) => s.statements).length;
      expect(master.assessmentHistory?.length).toBe(2 * statements);
      expect(
        master.assessmentHistory?.every(
          (r) => r.round === "2025 review" && r.score === (r.respondent === "EC" ? 2 : 3),
        ),
      ).toBe(true);
      expect(master.assessmentRounds).toMatchObject([
        { name: "2025 review", anonymous: false, returned: ["EC", "Carers"] },
      ]);
      expect(master.assessments.find((a) => a.instrumentId === grid?.id)?.items[0]?.scores).toEqual(
        { EC: null, Carers: null },
      );
    },
    HEAVY,
  );
});

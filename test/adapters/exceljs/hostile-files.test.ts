import { sheetPartPath } from "../../support/sheet-part.js";
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { examplePartnership } from "../../../core/example/partnership.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import { exampleInstruments } from "../../support/example.js";
import { flattenTableColumns } from "../../../adapters/exceljs/open-workbook.js";
import { READ_LIMITS } from "../../../adapters/exceljs/read-limits.js";
import { inflateWithin } from "../../../adapters/exceljs/zip-parts.js";
import {
  readWorkbookCells,
  UnreadableWorkbookError,
} from "../../../adapters/exceljs/read-workbook.js";
import { deflatedBomb } from "../../support/hostile/bomb.js";
import {
  cell,
  STYLE,
  valuesSheet,
  workbookFile,
  workbookParts,
  zipParts,
} from "../../support/hostile/workbook-parts.js";
import { buildZip } from "../../support/hostile/zip-writer.js";
import { runCli } from "../../support/run-cli.js";

/**
 * These bounds catch a reader that inflates a bomb or scans quadratically (the
 * old one took minutes), not speed: they count this process's CPU time, which
 * other work on a busy machine does not inflate, and each case uses well under
 * a second of it.
 */
const QUICK_MS = 5_000;
const HEAVY = 60_000;
/** The README's promise for any file at all: read or refused within 10 seconds. */
const GOAL_MS = 10_000;

/** Milliseconds of CPU this process has used (test files run in their own processes). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function refusal(bytes: Uint8Array): Promise<{ message: string; ms: number }> {
  const start = cpuMs();
  try {
    await readWorkbookCells(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/\n|\bat \w+ \(/); // one plain line, no stack
    return { message, ms: cpuMs() - start };
  }
  throw new Error("the file was read, but it should have been refused");
}

async function timedRead(bytes: Uint8Array) {
  const start = cpuMs();
  const cells = await readWorkbookCells(bytes);
  return { cells, ms: cpuMs() - start };
}

const SST_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>';
const SST_CLOSE = "</t></si></sst>";

describe("a zip bomb", () => {
  it(
    "in the shared strings is refused from the zip directory, before it is inflated",
    async () => {
      const bomb = deflatedBomb(SST_OPEN, 80, SST_CLOSE);
      const bytes = zipParts(workbookParts({ sheets: [valuesSheet(2)] }), [
        { name: "xl/sharedStrings.xml", raw: bomb.raw, declaredSize: bomb.size },
      ]);
      expect(bytes.length).toBeLessThan(200_000);
      const { message, ms } = await refusal(bytes);
      expect(message).toMatch(/^the shared strings is 80 MB uncompressed, over the limit of 64 MB/);
      expect(ms).toBeLessThan(QUICK_MS);
    },
    HEAVY,
  );

  it(
    "whose directory claims a small size is stopped while inflating, at the size claimed",
    async () => {
      const bomb = deflatedBomb(SST_OPEN, 300, SST_CLOSE);
      const bytes = zipParts(workbookParts({ sheets: [valuesSheet(2)] }), [
        { name: "xl/sharedStrings.xml", raw: bomb.raw, declaredSize: 4096 },
      ]);
      const { message, ms } = await refusal(bytes);
      expect(message).toMatch(/larger than the zip directory says/);
      expect(ms).toBeLessThan(QUICK_MS);
    },
    HEAVY,
  );

  it(
    "is stopped at the size claimed by the browser's inflater (fflate) too, which reads honest parts alike",
    () => {
      const bomb = deflatedBomb(SST_OPEN, 300, SST_CLOSE);
      const start = cpuMs();
      expect(() => inflateWithin(bomb.raw, 4096, undefined)).toThrow(
        /larger than the zip directory says/,
      );
      expect(cpuMs() - start).toBeLessThan(QUICK_MS);
      const honest = deflatedBomb(SST_OPEN, 3, SST_CLOSE);
      const viaFflate = inflateWithin(honest.raw, honest.size, undefined);
      expect(
        Buffer.from(viaFflate).equals(Buffer.from(inflateWithin(honest.raw, honest.size))),
      ).toBe(true);
      expect(viaFflate.length).toBe(honest.size);
    },
    HEAVY,
  );

  it(
    "spread over several parts is refused from the directory when they add up past the total limit",
    async () => {
      const sheets = [1, 2, 3, 4].map((n) => ({ ...valuesSheet(1), name: `Sheet ${n}` }));
      sheets.forEach((sheet, i) => {
        const table = sheet.tables?.[0];
        if (table) table.name = `Values${i}`;
      });
      const parts = workbookParts({ sheets });
      const padded = [1, 2, 3, 4].map((n) => {
        const xml = parts.get(`xl/worksheets/sheet${n}.xml`) ?? "";
        const cut = xml.indexOf("<sheetData>");
        const bomb = deflatedBomb(`${xml.slice(0, cut)}<!--`, 90, `-->${xml.slice(cut)}`);
        return { name: `xl/worksheets/sheet${n}.xml`, raw: bomb.raw, declaredSize: bomb.size };
      });
      const { message, ms } = await refusal(zipParts(parts, padded));
      expect(message).toMatch(/^the workbook is 360 MB uncompressed, over the limit of 320 MB/);
      expect(ms).toBeLessThan(QUICK_MS);
    },
    HEAVY,
  );

  it(
    "in one sheet is refused from the zip directory past the sheet limit, which is above any other part's",
    async () => {
      const parts = workbookParts({ sheets: [valuesSheet(1)] });
      const xml = parts.get("xl/worksheets/sheet1.xml") ?? "";
      const cut = xml.indexOf("<sheetData>");
      const bomb = deflatedBomb(`${xml.slice(0, cut)}<!--`, 300, `-->${xml.slice(cut)}`);
      const { message, ms } = await refusal(
        zipParts(parts, [
          { name: "xl/worksheets/sheet1.xml", raw: bomb.raw, declaredSize: bomb.size },
        ]),
      );
      expect(READ_LIMITS.sheetBytes).toBeGreaterThan(READ_LIMITS.partBytes);
      expect(message).toMatch(/^the sheet .* is 300 MB uncompressed, over the limit of 256 MB/);
      expect(ms).toBeLessThan(QUICK_MS);
    },
    HEAVY,
  );
});

describe("tables far larger than their data", () => {
  it("reads a table formatted over whole columns (to row 1,048,576) up to its last row in use", async () => {
    const { cells, ms } = await timedRead(
      workbookFile({ sheets: [valuesSheet(3, "A4:B1048576")] }),
    );
    expect(cells.tables[0]?.rows).toEqual([
      ["Value 1", "Meaning 1"],
      ["Value 2", "Meaning 2"],
      ["Value 3", "Meaning 3"],
    ]);
    expect(cells.tables[0]?.below).toBeUndefined(); // nothing lies under row 1,048,576
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it("refuses a table with more rows in use than the limit, naming it and saying how to shrink it", async () => {
    const sheet = valuesSheet(2, "A4:B1048576");
    sheet.rows[100_005] = cell.inline("A100005", "stray");
    const { message, ms } = await refusal(workbookFile({ sheets: [sheet] }));
    expect(message).toBe(
      "the table Values on sheet Values has 100,001 rows in use (rows 5 to 100,005), more than the 100,000 this tool reads; shrink it to the rows in use (Table Design → Resize Table) and try again",
    );
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it(
    "refuses a sheet whose tables hold more cells than the limit while scanning it, before keeping them",
    async () => {
      const sheet = valuesSheet(0, "A4:ALL3000");
      const row = "<c><v>1</v></c>".repeat(1000);
      for (let r = 5; r <= 2005; r++) sheet.rows[r] = row;
      const { message, ms } = await refusal(workbookFile({ sheets: [sheet] }));
      expect(message).toMatch(/^the tables on sheet Values hold more than 2,000,000 cells; shrink/);
      expect(ms).toBeLessThan(GOAL_MS);
    },
    HEAVY,
  );

  it("refuses tables whose cells add up past the limit before allocating them", async () => {
    const sheet = valuesSheet(2, "A4:XFD1004");
    sheet.rows[1004] = cell.inline("A1004", "last");
    const { message, ms } = await refusal(workbookFile({ sheets: [sheet] }));
    expect(message).toMatch(
      /^the tables hold more than 2,000,000 cells in all \(the limit was passed at the table Values on sheet Values\); shrink each table/,
    );
    expect(ms).toBeLessThan(QUICK_MS);
  });
});

describe("malformed parts", () => {
  it("reads a long table part in linear time (no backtracking over its columns)", async () => {
    // One closed column with a formula, then thousands left open: the old
    // normalising regex retried the whole rest of the part from each of them.
    const columns =
      '<tableColumn id="1" name="Value"><calculatedColumnFormula>1</calculatedColumnFormula></tableColumn><tableColumn id="2" name="Meaning"/>' +
      Array.from({ length: 6000 }, (_, i) => `<tableColumn id="${i + 3}" name="c${i}">`).join("");
    const parts = workbookParts({ sheets: [valuesSheet(2)] });
    const table = parts.get("xl/tables/table1.xml") ?? "";
    parts.set(
      "xl/tables/table1.xml",
      table.replace(
        /<tableColumns[\s\S]*<\/tableColumns>/,
        `<tableColumns count="2">${columns}</tableColumns>`,
      ),
    );
    expect(parts.get("xl/tables/table1.xml")?.length).toBeGreaterThan(99_000);
    const { cells, ms } = await timedRead(zipParts(parts));
    expect(cells.tables[0]?.headers).toEqual(["Value", "Meaning"]);
    expect(ms).toBeLessThan(QUICK_MS);

    const start = cpuMs();
    flattenTableColumns(parts.get("xl/tables/table1.xml") ?? "");
    expect(cpuMs() - start).toBeLessThan(QUICK_MS);
  });

  it("reads a date-formatted cell of 1E+9 as the number it holds, for the reader to report", async () => {
    const sheet = valuesSheet(0);
    sheet.rows[5] =
      cell.number("A5", "1E+9", STYLE.date) + cell.number("B5", 46000, STYLE.customDate);
    const { cells } = await timedRead(workbookFile({ sheets: [sheet] }));
    expect(cells.tables[0]?.rows[0]).toEqual([1e9, new Date((46000 - 25569) * 86_400_000)]);
  });

  it.each(["A4:B", "A0:B3", "XFE4:XFE5", "", "A4:B5:C6", "Indicators!A4:B5"])(
    "refuses a table whose range is %j, naming the table",
    async (ref) => {
      const { message } = await refusal(workbookFile({ sheets: [valuesSheet(2, ref)] }));
      expect(message).toBe(
        `the table Values on sheet Values has a malformed range "${ref}"; open the file in Excel and save it again`,
      );
    },
  );

  it("never expands entities a document type declares (billion laughs)", async () => {
    const laughs = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join("");
    const parts = workbookParts({ sheets: [valuesSheet(0)] });
    parts.set(
      "xl/sharedStrings.xml",
      `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol0 "lol">${laughs}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>`,
    );
    const sheet = parts.get("xl/worksheets/sheet1.xml") ?? "";
    parts.set(
      "xl/worksheets/sheet1.xml",
      sheet.replace("</sheetData>", '<row r="5"><c r="A5" t="s"><v>0</v></c></row></sheetData>'),
    );
    const { cells, ms } = await timedRead(zipParts(parts));
    expect(cells.tables[0]?.rows[0]?.[0]).toBe("&lol9;");
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it("reads character references no string can hold as the replacement character", async () => {
    const sheet = valuesSheet(0);
    sheet.rows[5] =
      '<c r="A5" t="inlineStr"><is><t>a&#x110000;b&#0;c&#xD800;d&#99999999999;</t></is></c>';
    const { cells } = await timedRead(workbookFile({ sheets: [sheet] }));
    expect(cells.tables[0]?.rows[0]?.[0]).toBe("a\uFFFDb\uFFFDc\uFFFDd&#99999999999;");
  });

  it("keeps text in a numeric cell as text, for the reader to report", async () => {
    const sheet = valuesSheet(0);
    sheet.rows[5] = cell.number("A5", "abc") + cell.number("B5", "1E+400");
    const { cells } = await timedRead(workbookFile({ sheets: [sheet] }));
    expect(cells.tables[0]?.rows[0]).toEqual(["abc", "1E+400"]);
  });
});

describe("files that are not workbooks", () => {
  const good = () => workbookParts({ sheets: [valuesSheet(1)] });
  const cases: [string, () => Uint8Array, RegExp][] = [
    ["an empty file", () => new Uint8Array(), /^the file is empty$/],
    [
      "a text file",
      () => new TextEncoder().encode("ID,Name\n1,x\n"),
      /not an Excel \.xlsx workbook/,
    ],
    [
      "an encrypted or .xls file",
      () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /password-protected \(encrypted\) or an old \.xls/,
    ],
    ["a truncated file", () => zipParts(good()).subarray(0, 900), /damaged or incomplete/],
    [
      "a zip without a workbook",
      () => buildZip([{ name: "readme.txt", data: "hello" }]),
      /not an Excel workbook \(.*without xl\/workbook\.xml\)/,
    ],
    [
      "a zip with an encrypted part",
      () =>
        zipParts(good(), [
          { name: "xl/workbook.xml", data: good().get("xl/workbook.xml") ?? "", flags: 1 },
        ]),
      /encrypted/,
    ],
    [
      "a part compressed with a method Excel never uses",
      () =>
        zipParts(good(), [
          { name: "xl/workbook.xml", raw: new Uint8Array(10), method: 12, declaredSize: 10 },
        ]),
      /compression method \(12\)/,
    ],
    [
      "a part whose compressed data is garbage",
      () =>
        zipParts(good(), [
          { name: "xl/workbook.xml", raw: new Uint8Array(64).fill(0xff), declaredSize: 900 },
        ]),
      /damaged/,
    ],
    [
      "a zip of more parts than any workbook has",
      () =>
        buildZip(
          Array.from({ length: READ_LIMITS.zipEntries + 1 }, (_, i) => ({
            name: `p${i}`,
            method: 0,
          })),
        ),
      /holds 20,001 parts, more than the 20,000/,
    ],
  ];
  it.each(cases)("refuses %s with one plain line", async (_name, make, expected) => {
    const { message } = await refusal(make());
    expect(message).toMatch(expected);
  });
});

describe("the command line on a hostile file", () => {
  const made: string[] = [];
  const scratch = (): string => {
    const dir = mkdtempSync(join(tmpdir(), "pw-hostile-"));
    made.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it(
    "exits 2 with one plain line naming the file, never a stack trace",
    async () => {
      const dir = scratch();
      const bomb = deflatedBomb(SST_OPEN, 80, SST_CLOSE);
      const file = join(dir, "bomb.xlsx");
      writeFileSync(
        file,
        zipParts(workbookParts({ sheets: [valuesSheet(2)] }), [
          { name: "xl/sharedStrings.xml", raw: bomb.raw, declaredSize: bomb.size },
        ]),
      );
      const run = await runCli(dir, ["check", file]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(
        /^partnership check: Cannot read .*bomb\.xlsx: the shared strings is 80 MB uncompressed/,
      );
    },
    HEAVY,
  );

  it(
    "reports a date cell of 1E+9 at its cell, with no stack trace",
    async () => {
      const instruments = await exampleInstruments();
      const parts = unzipSync(
        await workbookBytes(buildOperations(examplePartnership(instruments), instruments)),
      );
      // The Objectives table's first due date is F5.
      const sheet = sheetPartPath(parts, "Objectives");
      const xml = strFromU8(parts[sheet] ?? new Uint8Array());
      const dated = xml.replace(/(<c r="F5"[^>]*>)<v>[^<]*<\/v>/, "$1<v>1E+9</v>");
      expect(dated).not.toBe(xml);
      const dir = scratch();
      const file = join(dir, "date.xlsx");
      writeFileSync(
        file,
        buildZip(
          Object.entries({ ...parts, [sheet]: strToU8(dated) }).map(([name, data]) => ({
            name,
            data,
          })),
        ),
      );
      const run = await runCli(dir, ["check", file]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /^error\s+Objectives!F5: Due date holds 1000000000, which is no date/m,
      );
      expect(run.stderr).toBe("");
    },
    HEAVY,
  );

  it("refuses a file over the size limit without reading it", async () => {
    const dir = scratch();
    const file = join(dir, "huge.xlsx");
    const fd = openSync(file, "w");
    ftruncateSync(fd, READ_LIMITS.fileBytes + 1024 * 1024); // sparse: no disk space used
    closeSync(fd);
    const run = await runCli(dir, ["check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^partnership check: Cannot read .*huge\.xlsx: the file is 101 MB, over the limit of 100 MB/,
    );
  });
});

/**
 * Issue 7 §6 in the files: the .xlsx the command line writes carries the
 * unit formats, wrapping, row heights, merged instruction lines and print
 * settings; the Office.js interpreter asks Excel for the same; and
 * LibreOffice, rendering the file, breaks no header mid-word.
 */
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { openWorkbook } from "../../../adapters/exceljs/open-workbook.js";
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { exportXlsx } from "../../../addin/preview/fake-excel/export-xlsx.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import { examplePartnership } from "../../../core/example/partnership.js";
import { buildOperations, workbookPlan } from "../../../core/layout/blueprint.js";
import { FORMATS } from "../../../core/layout/columns.js";
import type { Instrument } from "../../../core/instruments/types.js";
import type { Partnership } from "../../../core/model/types.js";
import { exampleInstruments } from "../../support/example.js";
import { hasPdftotext, pdfText, PDFTOTEXT_MISSING } from "../../support/pdf-text.js";
import { libreOfficeResults } from "../../support/converted.js";
import { findSoffice, SOFFICE_MISSING } from "../../support/soffice.js";

let instruments: Instrument[];
let partnership: Partnership;
let bytes: Uint8Array;
let book: ExcelJS.Workbook;

beforeAll(async () => {
  instruments = await exampleInstruments();
  partnership = examplePartnership(instruments);
  bytes = await workbookBytes(buildOperations(partnership, instruments));
  book = await openWorkbook(bytes);
}, 120_000);

function sheet(name: string): ExcelJS.Worksheet {
  const found = book.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The column under a header in row 4. */
function column(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(4).eachCell((cell, c) => {
    if (cell.value === header) found = c;
  });
  if (!found) throw new Error(`${ws.name} has no ${header}`);
  return found;
}

describe("the command line's .xlsx", () => {
  it("formats indicators in % as percentages and in £ as pounds, cell by cell", () => {
    const ws = sheet("Indicators");
    const rowOf = (id: string) => 5 + partnership.indicators.findIndex((i) => i.id === id);
    const percent = ws.getRow(rowOf("I2"));
    const pounds = ws.getRow(rowOf("I11"));
    const days = ws.getRow(rowOf("I22"));
    for (const header of ["Baseline", "Target", partnership.periods[0] ?? "", "Latest"]) {
      expect(percent.getCell(column(ws, header)).numFmt, header).toBe(FORMATS.percent);
      expect(pounds.getCell(column(ws, header)).numFmt, header).toBe(FORMATS.pounds);
      expect(days.getCell(column(ws, header)).numFmt, header).toBe(FORMATS.number);
    }
    // Stored as the fraction: 35% is 0.35, shown as 35.0%.
    expect(percent.getCell(column(ws, "Target")).value).toBe(0.35);
  });

  it("wraps long text and writes row heights for it", () => {
    const objectives = sheet("Objectives");
    const objective = objectives.getCell(5, column(objectives, "Objective"));
    expect(objective.alignment?.wrapText).toBe(true);
    expect(objectives.getRow(5).height).toBeGreaterThan(15);
    const details = sheet("Partnership");
    let vision = 0;
    details.eachRow((row, r) => {
      if (row.getCell(1).value === "Vision") vision = r;
    });
    expect(details.getCell(vision, 2).alignment?.wrapText).toBe(true);
    expect(details.getRow(vision).height).toBeGreaterThan(15);
  });

  it("merges each instruction line across the table and keeps headers from breaking mid-word", () => {
    for (const name of ["Partnership", "Indicators", "Finance"]) {
      const merges = (sheet(name).model as { merges?: string[] }).merges ?? [];
      expect(
        merges.some((m) => /^A2:[B-Z]+2$/.test(m)),
        name,
      ).toBe(true);
    }
    const grid = sheet("Vision tests");
    expect(grid.getColumn(column(grid, "Community Trust")).width).toBeGreaterThan(10);
  });

  it("prints the Indicators sheet at 80% with its ID, objective and name columns on every page", async () => {
    const ws = sheet("Indicators");
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: false,
      scale: 80,
      printTitlesRow: "4:4",
      printTitlesColumn: "A:C",
    });
    const zip = await JSZip.loadAsync(bytes);
    const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    expect(workbookXml).toMatch(
      /_xlnm\.Print_Titles[^>]*>&apos;Indicators&apos;!\$A:\$C,&apos;Indicators&apos;!\$4:\$4</,
    );
    expect(sheet("Partnership").pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1 });
  });

  it("shows overspends in red in Finance's variance columns", () => {
    const ws = sheet("Finance");
    expect(ws.getCell(5, column(ws, "Forecast variance (£)")).numFmt).toBe(FORMATS.variance);
    expect(ws.getCell(5, column(ws, "Forecast variance (%)")).numFmt).toBe(FORMATS.variancePercent);
    expect(ws.getCell(5, column(ws, "Economy (% vs benchmark)")).numFmt).toBe(
      FORMATS.variancePercent,
    );
    expect(FORMATS.variance.split(";")[0]).toContain("[Red]");
  });
});

describe("the Office.js interpreter", () => {
  it("asks Excel to fit wrapped rows, sets merged instruction rows from the estimate, and repeats columns in print", async () => {
    const excel = createFakeExcel({ sheets: [] });
    await setUpWorkbook(excel.newContext().context, workbookPlan(partnership, instruments));
    const indicators = excel.state.findSheet("Indicators");
    expect(indicators?.page).toMatchObject({ titleColumns: "$A:$C", scale: 80, fitToWidth: null });
    // The instruction is merged over A:C, which Excel never fits: it gets the estimate.
    expect(typeof indicators?.rowHeights.get(2)).toBe("number");
    expect(indicators?.rowHeights.get(5)).toBe("autofit");
    const objectives = excel.state.findSheet("Objectives");
    expect(objectives?.rowHeights.get(5)).toBe("autofit");
  }, 120_000);
});

/**
 * Words that a renderer split across lines in a cell. pdftotext -layout puts
 * a cell's second line under its first, so a split word shows as a token
 * that begins the word, with the rest of it starting at the same column on
 * the next line ("Commun" over "ity Trust").
 */
function brokenWords(text: string, words: ReadonlySet<string>): string[] {
  const lines = text.split("\n");
  const found: string[] = [];
  lines.forEach((line, i) => {
    const next = lines[i + 1] ?? "";
    for (const token of line.matchAll(/\S+/g)) {
      const at = token.index;
      for (const word of words) {
        if (token[0].length >= word.length || !word.startsWith(token[0])) continue;
        const rest = word.slice(token[0].length);
        if ([at - 1, at, at + 1].some((p) => p >= 0 && next.startsWith(rest, p)))
          found.push(`${token[0]}/${rest}`);
      }
    }
  });
  return found;
}

describe("the preview's download", () => {
  it("keeps the merged instruction lines, row heights and print settings of the workbook it built", async () => {
    const excel = createFakeExcel({ sheets: [] });
    await setUpWorkbook(excel.newContext().context, workbookPlan(partnership, instruments));
    const download = await openWorkbook(await exportXlsx(excel.state));
    const ws = download.getWorksheet("Indicators");
    expect((ws?.model as { merges?: string[] }).merges).toContain("A2:C2");
    expect(ws?.pageSetup).toMatchObject({ fitToPage: false, scale: 80, printTitlesColumn: "A:C" });
    expect(ws?.getRow(2).height).toBeGreaterThan(15);
    const objectives = download.getWorksheet("Objectives");
    expect(objectives?.getRow(5).height).toBe(sheet("Objectives").getRow(5).height);
  }, 120_000);
});

const canRender = findSoffice() !== null && hasPdftotext();
if (!canRender) console.warn(findSoffice() ? PDFTOTEXT_MISSING : SOFFICE_MISSING);

describe.skipIf(!canRender)("LibreOffice renders the workbook readably", () => {
  it("breaks no header word across lines (it printed 'Commun' / 'ity Trust')", async () => {
    // The global set-up printed the example workbook, written as above, to PDF.
    const converted = await libreOfficeResults();
    const text = pdfText(converted.pdf(converted.exampleXlsx));
    const words = new Set<string>();
    book.eachSheet((ws) =>
      ws.getRow(4).eachCell((cell) => {
        for (const word of String(cell.value ?? "").split(/\s+/))
          if (/^[A-Za-z]{6,}$/.test(word)) words.add(word);
      }),
    );
    expect(words.has("Community")).toBe(true);
    const broken = brokenWords(text, words);
    expect(broken).toEqual([]);
    expect(text).toContain("35.0%");
  }, 240_000);
});

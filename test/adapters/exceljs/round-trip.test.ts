import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { examplePartnership } from "../../../core/example/partnership.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { readPartnership } from "../../../core/read/reader.js";
import { readWorkbookCells } from "../../../adapters/exceljs/read-workbook.js";
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import { exampleInstruments } from "../../support/example.js";

describe("round trip through an .xlsx file", () => {
  it("builds the example with the blueprint and reads back the same partnership, without problems", async () => {
    const instruments = await exampleInstruments();
    const partnership = examplePartnership(instruments);
    const cells = await readWorkbookCells(
      await workbookBytes(buildOperations(partnership, instruments)),
    );
    const result = readPartnership(cells, instruments);
    expect(result.problems).toEqual([]);
    expect(result.partnership).toEqual(partnership);
  });

  it("is deterministic: the same partnership gives byte-identical files, whenever they are written", async () => {
    const instruments = await exampleInstruments();
    const ops = buildOperations(examplePartnership(instruments), instruments);
    // Zip entries record a time: two runs minutes (or years) apart must still agree.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-01-01T09:00:00Z"));
      const first = Buffer.from(await workbookBytes(ops));
      vi.setSystemTime(new Date("2031-07-15T17:42:13Z"));
      const second = Buffer.from(await workbookBytes(ops));
      expect(first.equals(second)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("reads text typed into cells as data, even when it looks like a formula or markup", async () => {
    const instruments = await exampleInstruments();
    const partnership = examplePartnership(instruments);
    const first = partnership.partners[0];
    if (!first) throw new Error("example has no partners");
    first.inKindContribution = "=1+1 {{constructor}} <script>&";
    const cells = await readWorkbookCells(
      await workbookBytes(buildOperations(partnership, instruments)),
    );
    expect(readPartnership(cells, instruments).partnership.partners[0]?.inKindContribution).toBe(
      "=1+1 {{constructor}} <script>&",
    );
  });

  it("reads a workbook whose table columns carry calculated formulas and whose rels use absolute paths", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Values");
    sheet.addTable({
      name: "Values",
      ref: "A4",
      columns: [{ name: "Value" }, { name: "What it means in practice" }],
      rows: [["Openness", "We share"]],
    });
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const rels = Object.keys(zip.files).find((p) => /worksheets\/_rels\/.*\.rels$/.test(p)) ?? "";
    const xml = (await zip.file(rels)?.async("string")) ?? "";
    zip.file(rels, xml.replace(/Target="\.\.\/tables\//g, 'Target="/xl/tables/'));
    const cells = await readWorkbookCells(await zip.generateAsync({ type: "uint8array" }));
    expect(cells.tables[0]?.rows).toEqual([["Openness", "We share"]]);
  });
});

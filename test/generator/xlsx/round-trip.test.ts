import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { examplePartnership } from "../../../core/example/partnership.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { readPartnership } from "../../../core/read/reader.js";
import { readWorkbookCells } from "../../../generator/xlsx/read.js";
import { workbookBytes } from "../../../generator/xlsx/write.js";
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

  it("is deterministic: the same partnership gives byte-identical files", async () => {
    const instruments = await exampleInstruments();
    const ops = buildOperations(examplePartnership(instruments), instruments);
    expect(
      Buffer.from(await workbookBytes(ops)).equals(Buffer.from(await workbookBytes(ops))),
    ).toBe(true);
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

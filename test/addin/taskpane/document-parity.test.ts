/**
 * The pane builds documents with the same core code as `partnership
 * generate`: from a workbook built through Office.js and one built by the
 * command line, the same document comes out, byte for byte.
 */
import { documentTemplates as templates } from "./pane-support.js";
import { describe, expect, it } from "vitest";
import { buildDocument, documentKindFor } from "../../../core/document/index.js";
import { buildOperations, workbookPlan } from "../../../core/layout/blueprint.js";
import { examplePartnership } from "../../../core/example/partnership.js";
import { readPartnership } from "../../../core/read/reader.js";
import { readWorkbookCells } from "../../../addin/excel/read-workbook.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import { readWorkbookCells as readXlsxCells } from "../../../adapters/exceljs/read-workbook.js";
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import { testInstruments } from "../support/partnerships.js";

describe("documents from the pane", () => {
  it("are the same as from the command line for the same workbook", async () => {
    const instruments = await testInstruments();
    const partnership = examplePartnership(instruments);
    const excel = createFakeExcel();
    await setUpWorkbook(excel.newContext().context, workbookPlan(partnership, instruments));
    const viaOffice = readPartnership(
      await readWorkbookCells(excel.newContext().context),
      instruments,
    );
    const viaCli = readPartnership(
      await readXlsxCells(await workbookBytes(buildOperations(partnership, instruments))),
      instruments,
    );

    const build = (read: typeof viaOffice) =>
      buildDocument({
        kind: documentKindFor(read.partnership.details.arrangement),
        partnership: read.partnership,
        workbookProblems: read.problems,
        templates: templates(),
        mode: "draft",
        notes: true,
      });
    const [office, cli] = await Promise.all([build(viaOffice), build(viaCli)]);
    expect(office.problems).toEqual(cli.problems);
    expect(office.bytes).not.toBeNull();
    expect(Buffer.from(office.bytes ?? []).equals(Buffer.from(cli.bytes ?? []))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import {
  readWorkbookCells,
  UnreadableWorkbookError,
} from "../../../adapters/exceljs/read-workbook.js";
import { build, example } from "../../core/document/fixtures.js";

describe("a file that is not a workbook", () => {
  it("refuses a Word document given as the workbook, in plain words", async () => {
    const docx = (await build("terms-of-reference", await example())).bytes;
    if (!docx) throw new Error("the example document was not built");
    const reading = readWorkbookCells(docx);
    await expect(reading).rejects.toBeInstanceOf(UnreadableWorkbookError);
    await expect(readWorkbookCells(docx)).rejects.toThrow(
      /not an Excel workbook .*give the \.xlsx/,
    );
  });
});

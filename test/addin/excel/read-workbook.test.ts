import { describe, expect, it } from "vitest";
import { officeCellValue } from "../../../addin/excel/read-workbook.js";

describe("officeCellValue", () => {
  it("turns Office.js blanks into null and error text into cell errors, keeping everything else", () => {
    expect(officeCellValue("")).toBeNull();
    expect(officeCellValue("#DIV/0!")).toEqual({ error: "#DIV/0!" });
    expect(officeCellValue("#N/A")).toEqual({ error: "#N/A" });
    expect(officeCellValue("# of visits")).toBe("# of visits");
    expect(officeCellValue(46113)).toBe(46113);
    expect(officeCellValue(false)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { Operation, SetRowHeights } from "../../../core/layout/operations.js";
import { withRowHeights } from "../../../core/layout/row-heights.js";

const sheet = "S";
const long =
  "By consensus where possible; otherwise by a majority of voting members present, provided the two funding partners both agree.";

function heights(ops: Operation[]): SetRowHeights | undefined {
  return withRowHeights(ops).find((o): o is SetRowHeights => o.kind === "rowHeights");
}

function base(extra: Operation[]): Operation[] {
  return [
    { kind: "addSheet", sheet, tabColor: "" },
    { kind: "columnWidths", sheet, widths: [20, 20, 20] },
    ...extra,
  ];
}

describe("row heights from a sheet's operations", () => {
  it("sizes a row whose wrapped text needs several lines, for Excel to fit itself", () => {
    const result = heights(
      base([
        { kind: "writeBlock", sheet, address: "A5", cells: [[long, "short"]] },
        { kind: "role", sheet, range: "A5:B5", role: "input" },
      ]),
    );
    const row = result?.rows.find((r) => r.row === 5);
    expect(row?.points).toBeGreaterThanOrEqual(15 * 5);
    expect(row?.autofit).toBe(true);
  });

  it("leaves one-line rows and text that does not wrap at the default height", () => {
    const result = heights(
      base([
        { kind: "writeBlock", sheet, address: "A5", cells: [["short"], [long]] },
        { kind: "role", sheet, range: "A5", role: "input" },
        // Formula cells do not wrap: their text runs on into empty cells.
        { kind: "role", sheet, range: "A6", role: "formula" },
      ]),
    );
    expect(result).toBeUndefined();
  });

  it("uses a merged range's whole width, and keeps the estimate where Excel would not fit merged text", () => {
    const alone = heights(
      base([
        { kind: "writeBlock", sheet, address: "A2", cells: [[long]] },
        { kind: "role", sheet, range: "A2", role: "instruction" },
      ]),
    );
    const merged = heights(
      base([
        { kind: "writeBlock", sheet, address: "A2", cells: [[long]] },
        { kind: "role", sheet, range: "A2", role: "instruction" },
        { kind: "merge", sheet, range: "A2:C2" },
      ]),
    );
    const single = alone?.rows[0]?.points ?? 0;
    const across = merged?.rows[0];
    expect(across?.autofit).toBe(false);
    expect(across?.points).toBeGreaterThan(15);
    expect(across?.points).toBeLessThan(single);
  });

  it("gives the 16 pt title its taller line", () => {
    const result = heights(
      base([
        { kind: "writeBlock", sheet, address: "A1", cells: [["Targets"]] },
        { kind: "role", sheet, range: "A1", role: "title" },
      ]),
    );
    expect(result?.rows).toEqual([{ row: 1, points: expect.any(Number), autofit: true }]);
    expect(result?.rows[0]?.points).toBeGreaterThan(15);
  });

  it("follows the last role and the last text a cell was given", () => {
    const result = heights(
      base([
        { kind: "writeBlock", sheet, address: "A5", cells: [[long]] },
        { kind: "role", sheet, range: "A5", role: "input" },
        { kind: "role", sheet, range: "A5", role: "formula" },
        { kind: "writeBlock", sheet, address: "B5", cells: [[long]] },
        { kind: "role", sheet, range: "B5", role: "note" },
        { kind: "writeBlock", sheet, address: "B5", cells: [[{ formula: "=A5" }]] },
      ]),
    );
    expect(result).toBeUndefined();
  });
});

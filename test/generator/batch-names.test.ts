import { describe, expect, it } from "vitest";
import { batchNames } from "../../generator/documents/batch-names.js";

const stems = (paths: string[]) => batchNames(paths).names.map((n) => n.stem);

describe("batch document names", () => {
  it("keeps a workbook's own name when no other workbook shares it", () => {
    const { names, shared } = batchNames(["/w/a/board.xlsx", "/w/b/finance.xlsx"]);
    expect(names.map((n) => n.stem)).toEqual(["board", "finance"]);
    expect(shared).toEqual([]);
  });

  it("puts the distinguishing folder in front of same-named workbooks, and says so", () => {
    const { names, shared } = batchNames(["/w/a/board.xlsx", "/w/b/Board.xlsx"]);
    expect(names.map((n) => n.stem)).toEqual(["a-board", "b-Board"]);
    expect(shared).toHaveLength(1);
    expect(shared[0]?.name).toBe("board.xlsx");
  });

  it("goes up as many folders as it takes", () => {
    expect(stems(["/w/2024/q1/board.xlsx", "/w/2025/q1/board.xlsx"])).toEqual([
      "2024-q1-board",
      "2025-q1-board",
    ]);
  });

  it("numbers names that still meet, ignoring case as Windows and macOS do", () => {
    expect(stems(["/w/A/board.xlsx", "/w/a/board.xlsx"])).toEqual(["board", "board-2"]);
    expect(stems(["/w/a/board.xlsx", "/w/b/board.xlsx", "/w/x/A-Board.xlsx"])).toEqual([
      "a-board",
      "b-board",
      "A-Board-2",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { dataText, Missing } from "../../../core/document/escape.js";
import { parseMarkup } from "../../../core/document/markup/blocks.js";

describe("chart blocks in the clause markup", () => {
  it("reads a chart block by name, on a line of its own", () => {
    const { blocks, issues } = parseMarkup(
      ["## The Board receives a report.", "::: chart ragByObjective", "After."].join("\n"),
    );
    expect(issues).toEqual([]);
    expect(blocks.map((b) => b.kind)).toEqual(["clause", "chart", "paragraph"]);
    expect(blocks[1]).toEqual({
      kind: "chart",
      name: "ragByObjective",
      argument: "",
      source: "::: chart ragByObjective",
      line: 2,
    });
  });

  it("takes workbook data as the argument without its data marks or escapes", () => {
    const { blocks } = parseMarkup(`::: chart indicatorTrend ${dataText("I_3*")}`);
    expect(blocks[0]).toMatchObject({ kind: "chart", name: "indicatorTrend", argument: "I_3*" });
    expect(blocks[0]).toMatchObject({ source: "::: chart indicatorTrend" });
  });

  it("leaves the argument blank when the workbook value is missing", () => {
    const { blocks } = parseMarkup(
      `::: chart indicatorTrend ${String(new Missing("ID of indicator 3", "Indicators!A7"))}`,
    );
    expect(blocks[0]).toMatchObject({ kind: "chart", argument: "" });
  });

  it("reports a malformed chart line instead of printing it", () => {
    const { blocks, issues } = parseMarkup("::: chrat ragByObjective");
    expect(blocks).toEqual([]);
    expect(issues).toEqual([
      {
        message: 'A chart block reads "::: chart name", for example "::: chart ragByObjective"',
        snippet: "::: chrat ragByObjective",
      },
    ]);
  });

  it("never reads workbook text as a chart block", () => {
    const { blocks } = parseMarkup(dataText("::: chart ragByObjective"));
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph"]);
  });
});

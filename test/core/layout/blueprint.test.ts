import { describe, expect, it } from "vitest";
import { buildOperations, workbookPlan } from "../../../core/layout/blueprint.js";
import type { Operation } from "../../../core/layout/operations.js";
import { partnershipFieldCell } from "../../../core/layout/tables/partnership.js";
import { emptyPartnership } from "../../../core/model/empty.js";
import { ARRANGEMENT_TYPES } from "../../../core/model/types.js";
import { miniGrid, miniLedger, smallPartnership } from "../../support/small-partnership.js";

const ops = buildOperations(smallPartnership(), [miniGrid, miniLedger]);
const listsOn = (sheet: string, range: string) =>
  ops.filter(
    (o): o is Extract<Operation, { kind: "listValidation" }> =>
      o.kind === "listValidation" && o.sheet === sheet && o.range === range,
  );

describe("the workbook blueprint", () => {
  it("lays sheets out in Exhibit 6's order, then finance, the assessments and the summary", () => {
    expect(workbookPlan(emptyPartnership(2), [miniGrid, miniLedger]).map((p) => p.sheet)).toEqual([
      "Partnership",
      "Partners",
      "Functions",
      "Values",
      "Objectives",
      "Indicators",
      "Targets",
      "RAG history",
      "Finance",
      "Mini",
      "Ledger",
      "Summary",
    ]);
  });

  it("gives the Partnership sheet's arrangement and host partner cells their dropdowns", () => {
    expect(listsOn("Partnership", partnershipFieldCell("arrangement"))[0]?.source).toEqual({
      values: [...ARRANGEMENT_TYPES],
    });
    expect(listsOn("Partnership", partnershipFieldCell("hostPartner"))[0]?.source).toEqual({
      formula: "=Partners!$B$5:$B$504",
    });
  });

  it("lists objectives' IDs for each indicator and partners for lead partners", () => {
    expect(listsOn("Indicators", "B5:B5")[0]?.source).toEqual({
      formula: "=Objectives!$A$5:$A$504",
    });
    expect(listsOn("Objectives", "D5:D5")[0]?.source).toEqual({ formula: "=Partners!$B$5:$B$504" });
  });

  it("writes formulas as tagged cells, so text that starts with = stays text", () => {
    const partnership = smallPartnership();
    partnership.values[0]!.meaning = "=SUM(A1)";
    const write = buildOperations(partnership, []).find(
      (o): o is Extract<Operation, { kind: "writeBlock" }> =>
        o.kind === "writeBlock" && o.sheet === "Values" && o.address === "A4",
    );
    expect(write?.cells[1]).toEqual(["People first", "=SUM(A1)"]);
    const formula = buildOperations(partnership, []).find(
      (o) => o.kind === "addTable" && o.name === "Finance",
    );
    expect(JSON.stringify(formula)).toContain(
      '"formula":"=IF(COUNT(Finance[[#This Row],[Forecast outturn (£)]]',
    );
  });
});

import { describe, expect, it } from "vitest";
import {
  formulaShapeProblems,
  normaliseFormula,
  rowReferences,
} from "../../../core/instruments/formula.js";

describe("register formulas", () => {
  it("finds same-row references in every short form, ignoring quoted text", () => {
    expect(rowReferences("[@Likelihood]*[@Impact]")).toEqual(["Likelihood", "Impact"]);
    expect(rowReferences('IF([@[Credit or debit]]="Debit",-[@Weight],[@Weight])')).toEqual([
      "Credit or debit",
      "Weight",
      "Weight",
    ]);
    expect(rowReferences("SUM([@[Q1]:[Q4]])")).toEqual(["Q1", "Q4"]);
    expect(rowReferences('IF([@Owner]="[@Nobody]","",1)')).toEqual(["Owner"]);
  });

  it("drops a leading equals sign", () => {
    expect(normaliseFormula(" =[@A]*2 ")).toBe("[@A]*2");
    expect(normaliseFormula("[@A]*2")).toBe("[@A]*2");
  });

  it("accepts formulas every partner's spreadsheet computes", () => {
    expect(formulaShapeProblems("[@Likelihood]*[@Impact]")).toEqual([]);
    expect(formulaShapeProblems('IF([@[Credit or debit]]="Debit",-[@Weight],[@Weight])')).toEqual(
      [],
    );
    expect(formulaShapeProblems('IF([@A]="SORT(x)","",1)')).toEqual([]);
    expect(formulaShapeProblems("MYSORT([@A])")).toEqual([]);
  });

  it("refuses unpaired brackets and quotes, other references and newer functions", () => {
    expect(formulaShapeProblems("IF([@A]>1,1")).toEqual(["has brackets ( ) that do not pair up"]);
    expect(formulaShapeProblems('IF([@A]="x,1,2)')).toContain(
      'has a double quote (") that is not closed',
    );
    expect(formulaShapeProblems("SUM(Other[Amount])")).toEqual([
      "may only refer to other columns of the same row, written [@Column] or [@[Column name]]",
    ]);
    expect(formulaShapeProblems("xlookup([@A],1,2)")).toEqual([
      "uses XLOOKUP, which Excel 2016 and LibreOffice 7 cannot compute",
    ]);
    expect(formulaShapeProblems("IFS([@A]>1,1,TRUE,0)")).toEqual([
      "uses IFS, which Excel 2016 and LibreOffice 7 cannot compute",
    ]);
  });
});

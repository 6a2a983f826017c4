import { describe, expect, it } from "vitest";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { parseInstrument } from "../../../core/instruments/parse.js";
import { formatProblem } from "../../../core/model/problem.js";
import { emptyPartnership } from "../../../core/model/empty.js";
import { readPartnership } from "../../../core/read/reader.js";
import { cellsFromOperations, withCell } from "../../support/cells-from-operations.js";

const yaml = (extra: string) => `id: risks
title: Risks
sheet: Risks
source: Test
instructions: One row per risk.
kind: register
columns:
  - header: Risk
    type: text
  - header: Likelihood
    type: number
${extra}
rows:
  - Risk: Unclear accountability
    Likelihood: 3
`;

describe("a register number column's min and max", () => {
  it("becomes a whole-number validation in the sheet and a located problem when broken", () => {
    const { instrument, problems } = parseInstrument("risks.yaml", yaml("    min: 1\n    max: 5"));
    expect(problems).toEqual([]);
    if (!instrument) throw new Error("did not parse");
    const ops = buildOperations(emptyPartnership(2), [instrument]);
    expect(ops).toContainEqual(
      expect.objectContaining({
        kind: "numberValidation",
        sheet: "Risks",
        range: "B5:B5",
        min: 1,
        max: 5,
        wholeNumber: true,
      }),
    );
    const cells = withCell(cellsFromOperations(ops), "Assessment_risks", "Likelihood", 0, 9);
    const found = readPartnership(cells, [instrument]).problems.map(formatProblem);
    expect(found).toContain("Risks!B5: Likelihood must be a whole number from 1 to 5, got 9.");
  });

  it("is refused on columns that are not numbers, and when min is not below max", () => {
    const onText = parseInstrument(
      "risks.yaml",
      yaml("    min: 1\n    max: 5").replace("type: number", "type: text"),
    );
    expect(onText.problems.map((p) => p.message)).toContain(
      "Likelihood's min applies only to number columns",
    );
    const reversed = parseInstrument("risks.yaml", yaml("    min: 5\n    max: 1"));
    expect(reversed.problems[0]?.message).toMatch(
      /min and max must be whole numbers with min below max, got 5 and 1/,
    );
  });

  it("checks the rows the register starts with", () => {
    const { problems } = parseInstrument("risks.yaml", yaml("    min: 1\n    max: 2"));
    expect(problems.map((p) => p.message)).toContain(
      "row 1's Likelihood must be from 1 to 2, got 3",
    );
  });
});

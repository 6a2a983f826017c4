import { beforeAll, describe, expect, it } from "vitest";
import { spc } from "../../../core/measures/spc.js";
import { formatProblem } from "../../../core/model/problem.js";
import { readPartnership, type ReadResult } from "../../../core/read/reader.js";
import { checkOverTime, overTimeSentences } from "../../../core/use-cases/check-over-time.js";
import { withCell } from "../../support/cells-from-operations.js";
import { exampleInstruments, exampleWorkbookCells } from "../../support/example.js";

/** The example as read back from its workbook, judged on 1 May 2026. */
const AS_AT = "2026-05-01";
let read: ReadResult;

beforeAll(async () => {
  read = readPartnership(await exampleWorkbookCells(), await exampleInstruments());
});

const messages = (r: ReadResult, asAt = AS_AT) =>
  checkOverTime(r, asAt).problems.map(formatProblem);

describe("check over time", () => {
  it("warns on Red in two consecutive periods at the corrective action cell", () => {
    const red = messages(read).filter((m) => m.includes("two consecutive periods"));
    expect(
      red.some((m) =>
        /^Indicators![A-Z]+\d+: I26 has been Red in two consecutive periods \(Feb 2026 and Mar 2026\)/.test(
          m,
        ),
      ),
    ).toBe(true);
    const i26 = read.partnership.indicators.findIndex((i) => i.id === "I26");
    const cell = read.origins.indicators[i26]?.fields.correctiveAction?.cell;
    expect(red.find((m) => m.includes("I26"))).toContain(`Indicators!${cell}:`);
  });

  it("warns on an overdue value at its blank cell, only once it is due", async () => {
    const i27 = read.partnership.indicators.findIndex((i) => i.id === "I27");
    const cell = read.origins.indicators[i27]?.periods[23]?.cell;
    expect(messages(read)).toContain(
      `Indicators!${cell}: I27's value for Mar 2026 is overdue (due by 30 April 2026). Ask Single point of access manager, Community Trust for the figure, or explain the gap in the commentary.`,
    );
    // A month's return is due a month after it ends: not yet on 30 April.
    expect(messages(read, "2026-04-29").some((m) => m.includes("I27's value"))).toBe(false);
    // Filled in, it is no longer overdue.
    const filled = readPartnership(
      withCell(await exampleWorkbookCells(), "Indicators", "Mar 2026", i27, 0.93),
      await exampleInstruments(),
    );
    expect(messages(filled).some((m) => m.includes("I27's value"))).toBe(false);
  });

  it("records whether an objective past its due date met its targets", () => {
    const o3 = messages(read).find((m) => m.includes("O3 was due"));
    expect(o3).toMatch(
      /^Objectives!\w+: O3 was due on 30 September 2025; at that date I9 missed \(Sep 2025\)/,
    );
    expect(messages(read, "2025-09-30").some((m) => m.includes("O3 was due"))).toBe(false);
  });

  it("summarises each indicator as check --json prints it, SPC to full precision", () => {
    const { indicators } = checkOverTime(read, AS_AT);
    expect(indicators.map((i) => i.id)).toEqual(read.partnership.indicators.map((i) => i.id));
    for (const summary of indicators) {
      expect(Object.keys(summary)).toEqual(["id", "rag", "direction", "overdue", "spc"]);
    }
    const i26 = indicators.find((i) => i.id === "I26");
    expect(i26).toMatchObject({ rag: "Red", direction: "Worsening", overdue: false });
    const source = read.partnership.indicators.find((i) => i.id === "I26");
    expect(i26?.spc).toEqual(
      spc({
        values: source?.values ?? [],
        periods: read.partnership.periods,
        polarity: "Lower is better",
        target: 14,
      }),
    );
    expect(Object.keys(i26?.spc ?? {})).toEqual([
      "mean",
      "lower",
      "upper",
      "variation",
      "assurance",
      "special",
    ]);
    expect(i26?.spc?.special).toHaveLength(24);
    expect(indicators.find((i) => i.id === "I27")?.overdue).toBe(true);
    // Quarterly indicators have 8 values at most: below the 12 SPC needs.
    expect(indicators.find((i) => i.id === "I1")?.spc).toBeNull();
  });

  it("sums the findings up in sentences for the pane", () => {
    expect(overTimeSentences(checkOverTime(read, AS_AT).indicators)).toEqual([
      expect.stringMatching(/^Overdue returns: .*I27/),
      "Statistical process control, 4 indicator(s) with 12 values or more: 1 improvement, 1 concern, 1 neutral (high), 1 common cause; assurance 1 pass, 1 fail, 1 inconsistent.",
    ]);
    expect(overTimeSentences([])).toEqual([
      "No indicator has the 12 values statistical process control needs yet.",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import {
  DISAGREE,
  instrumentResult,
  itemStats,
  verdictFor,
} from "../../../core/measures/assessment.js";
import { smartGaps, smartScore } from "../../../core/measures/smart.js";
import type { GridInstrument } from "../../../core/instruments/types.js";
import type { Objective } from "../../../core/model/types.js";

const instrument: GridInstrument = {
  kind: "grid",
  id: "t",
  title: "Test",
  sheet: "Test",
  source: "",
  instructions: "",
  scale: { min: 1, max: 4, labels: {} },
  sections: [
    {
      name: "S",
      statements: [
        { text: "A", ownWording: false },
        { text: "B", ownWording: false },
      ],
    },
  ],
  bands: [
    { min: 3.5, verdict: "Strength" },
    { min: 2.5, verdict: "Adequate" },
    { min: 1, verdict: "Weakness" },
  ],
  disagreementSpread: 2,
  lowIsWeak: true,
};

describe("itemStats", () => {
  it("computes mean, min, max, spread, verdict and flags disagreement", () => {
    const s = itemStats([4, 2, null, 1], instrument);
    expect(s).toMatchObject({
      mean: 7 / 3,
      min: 1,
      max: 4,
      spread: 3,
      verdict: "Weakness",
      agreement: DISAGREE,
      scored: 3,
    });
  });
  it("does not flag a single score or a narrow spread", () => {
    expect(itemStats([1, null], instrument).agreement).toBe("");
    expect(itemStats([3, 4], instrument).agreement).toBe("");
    expect(itemStats([3, 4], instrument).verdict).toBe("Strength");
  });
  it("is blank when nobody scored", () => {
    expect(itemStats([null, null], instrument)).toMatchObject({
      mean: null,
      verdict: "",
      agreement: "",
    });
  });
});

describe("verdictFor", () => {
  it("takes the highest band reached, the lowest band catching the rest", () => {
    expect(verdictFor(3.5, instrument.bands)).toBe("Strength");
    expect(verdictFor(3.49, instrument.bands)).toBe("Adequate");
    expect(verdictFor(0.5, instrument.bands)).toBe("Weakness");
    expect(verdictFor(null, instrument.bands)).toBe("");
  });
});

describe("instrumentResult", () => {
  it("averages item means and names the weakest item", () => {
    const result = instrumentResult(
      instrument,
      {
        instrumentId: "t",
        entries: [],
        items: [
          { section: "S", statement: "A", scores: { X: 4, Y: 4 } },
          { section: "S", statement: "B", scores: { X: 1, Y: 4 } },
        ],
      },
      ["X", "Y"],
    );
    expect(result.overallMean).toBe(3.25);
    expect(result.verdict).toBe("Adequate");
    expect(result.weakest?.statement).toBe("B");
    expect(result.disagreements).toBe(1);
  });
});

describe("SMART", () => {
  const objective = {
    smart: {
      specific: true,
      measurable: false,
      achievable: true,
      realistic: true,
      timeBound: false,
    },
  } as Objective;
  it("counts letters met and names the gaps", () => {
    expect(smartScore(objective.smart)).toBe(3);
    expect(smartGaps(objective)).toEqual(["Measurable", "Time-bound"]);
  });
});

describe("summarise's weakest items", () => {
  it("leaves out instruments where a low score is not a weakness", async () => {
    const { summarise } = await import("../../../core/measures/summary.js");
    const { emptyPartnership } = await import("../../../core/model/empty.js");
    const partnership = emptyPartnership(0);
    partnership.partners = [{ ...emptyPartnership(1).partners[0]!, shortName: "X" }];
    partnership.assessments = [
      {
        instrumentId: "t",
        entries: [],
        items: [{ section: "S", statement: "A", scores: { X: 2 } }],
      },
      {
        instrumentId: "stages",
        entries: [],
        items: [{ section: "S", statement: "A", scores: { X: 1 } }],
      },
    ];
    const stages = { ...instrument, id: "stages", lowIsWeak: false };
    const weakest = summarise(partnership, [instrument, stages]).weakestItems;
    expect(weakest.map((w) => w.instrument)).toEqual(["Test"]);
  });
});

describe("orphanedScorers", () => {
  it("names score columns whose partner has left Partners, ignoring blank columns", async () => {
    const { orphanedScorers } = await import("../../../core/measures/assessment.js");
    const { emptyPartnership } = await import("../../../core/model/empty.js");
    const partnership = emptyPartnership(1); // one partner: "Partner 1"
    partnership.assessments = [
      {
        instrumentId: "t",
        entries: [],
        items: [{ section: "S", statement: "A", scores: { "Partner 1": 3, Gone: 2, Empty: null } }],
      },
    ];
    expect(orphanedScorers(partnership, "t")).toEqual(["Gone"]);
    expect(orphanedScorers(partnership, "other")).toEqual([]);
  });
});

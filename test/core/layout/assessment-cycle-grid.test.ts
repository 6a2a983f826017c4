import { describe, expect, it } from "vitest";
import type { AddChart } from "../../../core/chart/operation.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import type { Operation } from "../../../core/layout/operations.js";
import { libreOfficeResults } from "../../support/converted.js";
import { TRUST_THREE_SECTIONS as THREE } from "../../support/cycle-grid.js";
import { findSoffice, SOFFICE_MISSING } from "../../support/soffice.js";
import { cyclePartnership, TRUST } from "../measures/assessment-fixture.js";

function gridTable(ops: readonly Operation[]) {
  const table = ops.find((op) => op.kind === "addTable" && op.name === "Assessment_trust");
  if (!table || table.kind !== "addTable") throw new Error("no grid table");
  return table;
}

function headerRow(ops: readonly Operation[]): string[] {
  const table = gridTable(ops);
  const block = ops.find(
    (op) =>
      op.kind === "writeBlock" && op.sheet === "Trust" && op.address === table.range.split(":")[0],
  );
  return block?.kind === "writeBlock" ? (block.cells[0]?.map(String) ?? []) : [];
}

describe("the assessment grid's cycle columns and chart", () => {
  it("adds Contested, Previous mean, Change and a gap per partner after the statistics", () => {
    const ops = buildOperations(cyclePartnership(), [TRUST]);
    const headers = headerRow(ops);
    expect(headers.slice(headers.indexOf("Agreement"))).toEqual([
      "Agreement",
      "Contested",
      "Previous mean",
      "Change",
      "Gap NHS",
      "Gap LA",
      "Gap VCS",
    ]);
  });

  it("charts section means as a radar from three sections, this round against the previous", () => {
    const p = cyclePartnership();
    p.assessments[0]?.items.push({
      section: "Learning",
      statement: "We learn from mistakes",
      scores: { NHS: 3, LA: 3, VCS: 1 },
    });
    const radar = buildOperations(p, [THREE]).find(
      (op): op is AddChart => op.kind === "addChart" && op.sheet === "Trust",
    );
    expect(radar?.type).toBe("radar");
    expect(radar?.series.map((s) => s.name)).toEqual(["2026", "2025"]);
    expect(radar?.expected?.categories).toEqual(["Openness", "Delivery", "Learning"]);
    expect(radar?.expected?.values[0]).toEqual([3.5, 2, 2.33]);
    const bar = buildOperations(cyclePartnership(), [TRUST]).find(
      (op): op is AddChart => op.kind === "addChart" && op.sheet === "Trust",
    );
    expect(bar?.type).toBe("bar");
  });

  it("charts each partner's perception gap on the contested items, live from the Gap columns", () => {
    const gaps = buildOperations(cyclePartnership(), [TRUST]).find(
      (op): op is AddChart => op.kind === "addChart" && op.name === "Trust perception gaps",
    );
    expect(gaps?.type).toBe("bar");
    expect(gaps?.series.map((s) => s.name)).toEqual(["NHS", "LA", "VCS"]);
    expect(gaps?.expected).toEqual({
      categories: ["We share information", "We say what we think"],
      values: [
        [1.5, 2],
        [0, -2],
        [-1.5, null],
      ],
    });
    const p = cyclePartnership();
    for (const item of p.assessments[0]?.items ?? []) item.scores = { NHS: 3, LA: 3, VCS: 3 };
    const none = buildOperations(p, [TRUST]).filter(
      (op) => op.kind === "addChart" && op.name === "Trust perception gaps",
    );
    expect(none).toEqual([]);
  });
});

const soffice = findSoffice();
if (!soffice) console.warn(SOFFICE_MISSING);

describe.skipIf(!soffice)("the cycle columns in LibreOffice", () => {
  it("recalculate to the analysis' contested flags, changes and gaps, counted on the Summary", async () => {
    // The global set-up recalculated cycleGridWorkbook(): this partnership with TRUST.
    const converted = await libreOfficeResults();
    const sheets = converted.sheets(converted.cycleGridXlsx, ["Trust", "Summary"]);
    const rows = sheets.get("Trust") ?? [];
    const header = rows.findIndex((r) => r.includes("Contested"));
    const head = rows[header] ?? [];
    const at = (row: number, name: string) => rows[header + 1 + row]?.[head.indexOf(name)] ?? "";
    // Share: 5, 4, 3 → contested (spread 2 of 4), 2025 mean 3.33 → improved, gaps +1.5, 0, −1.5.
    expect(at(0, "Contested")).toBe("Contested");
    expect(Number(at(0, "Previous mean"))).toBeCloseTo(10 / 3, 9);
    expect(at(0, "Change")).toBe("improved");
    expect([at(0, "Gap NHS"), at(0, "Gap LA"), at(0, "Gap VCS")].map(Number)).toEqual([
      1.5, 0, -1.5,
    ]);
    // Say: 4, 2, blank → contested; the same as 2025; no gap for the blank score.
    expect(at(1, "Change")).toBe("same");
    expect(at(1, "Gap VCS")).toBe("");
    // Deliver: 2, 2, 2 → agreed.
    expect(at(2, "Contested")).toBe("");
    // The gap block beside the grid follows the Gap columns.
    const block = rows.findIndex((r) => r.includes("Contested item"));
    const blockHead = rows[block] ?? [];
    const first = blockHead.indexOf("Contested item");
    expect(rows[block + 1]?.slice(first, first + 4)).toEqual([
      "We share information",
      "1.5",
      "0",
      "-1.5",
    ]);
    // The Summary counts them per instrument.
    const summary = sheets.get("Summary") ?? [];
    const heads = summary.find((r) => r.includes("Contested items")) ?? [];
    const trust = summary.find((r) => r[0] === "Trust check") ?? [];
    expect(
      ["Contested items", "Improved since last round", "Worsened since last round"].map(
        (h) => trust[heads.indexOf(h)],
      ),
    ).toEqual(["2", "1", "0"]);
  }, 300_000);
});

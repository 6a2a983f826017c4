import { describe, expect, it } from "vitest";
import { viewModel } from "../../../core/document/view-model.js";
import { isMissing } from "../../../core/document/escape.js";
import { formatProblem } from "../../../core/model/problem.js";
import { readPartnership } from "../../../core/read/reader.js";
import type { WorkbookCells } from "../../../core/read/cells.js";
import { withCell } from "../../support/cells-from-operations.js";
import { exampleInstruments, exampleWorkbookCells } from "../../support/example.js";
import { withBlankRow, withTable } from "./fixtures.js";

/** The Partnership table with the row labelled `label` moved to the top. */
function moveFieldFirst(cells: WorkbookCells, label: string): WorkbookCells {
  return withTable(cells, "Partnership", (t) => {
    const index = t.rows.findIndex((r) => r[0] === label);
    const row = t.rows[index];
    if (!row) throw new Error(`no ${label} row`);
    return { ...t, rows: [row, ...t.rows.filter((_, i) => i !== index)] };
  });
}

describe("origins: every record and field where the reader found it", { timeout: 60_000 }, () => {
  it("places partner 3's blank signatory at H8 when a spare row sits above it", async () => {
    const instruments = await exampleInstruments();
    let cells = withBlankRow(await exampleWorkbookCells(), "Partners", 2);
    cells = withCell(cells, "Partners", "Signatory name", 3, null);
    const { partnership, origins } = readPartnership(cells, instruments);
    expect(partnership.partners).toHaveLength(7);
    expect(origins.partners[2]?.row).toBe(8);
    expect(origins.partners[2]?.fields.signatoryName).toEqual({ sheet: "Partners", cell: "H8" });

    const view = viewModel(partnership, "agreement", "draft", origins);
    const signatory = view.partners[2]?.signatoryName;
    expect(isMissing(signatory) && signatory.location).toBe("Partners!H8");
  });

  it("places a blank Host partner where the reader found its row, not where the blueprint put it", async () => {
    const instruments = await exampleInstruments();
    let cells = moveFieldFirst(await exampleWorkbookCells(), "Host partner");
    cells = withCell(cells, "Partnership", "Value", 0, null);
    const { partnership, origins } = readPartnership(cells, instruments);
    expect(origins.details.hostPartner).toEqual({ sheet: "Partnership", cell: "B5" });
    const host = viewModel(partnership, "agreement", "draft", origins).details.hostPartner;
    expect(isMissing(host) && host.location).toBe("Partnership!B5");
  });

  it("reports an unknown host partner at its row after reordering", async () => {
    const instruments = await exampleInstruments();
    let cells = moveFieldFirst(await exampleWorkbookCells(), "Host partner");
    cells = withCell(cells, "Partnership", "Value", 0, "Nobody");
    const messages = readPartnership(cells, instruments).problems.map(formatProblem);
    expect(messages.some((m) => m.startsWith('Partnership!B5: Host partner "Nobody"'))).toBe(true);
  });

  it("reports each Finance row naming the same unknown lead partner at its own cell", async () => {
    const instruments = await exampleInstruments();
    let cells = withCell(await exampleWorkbookCells(), "Finance", "Lead partner", 0, "Acme");
    cells = withCell(cells, "Finance", "Lead partner", 1, "Acme");
    const where = readPartnership(cells, instruments)
      .problems.filter((p) => p.message.startsWith('Lead partner "Acme"'))
      .map((p) => `${p.sheet}!${p.cell}`);
    expect(where).toEqual(["Finance!B5", "Finance!B6"]);
  });

  it("reports every repeat of a short name at its own row, past spare rows", async () => {
    const instruments = await exampleInstruments();
    let cells = withBlankRow(await exampleWorkbookCells(), "Partners", 1);
    const first = readPartnership(cells, instruments).partnership.partners[0]?.shortName;
    cells = withCell(cells, "Partners", "Short name", 2, first ?? "");
    cells = withCell(cells, "Partners", "Short name", 4, first ?? "");
    const where = readPartnership(cells, instruments)
      .problems.filter((p) => p.message.includes("is used more than once"))
      .map((p) => p.cell);
    expect(where).toEqual(["B7", "B9"]);
  });

  it("falls back to the blueprint's layout for a partnership not read from a workbook", async () => {
    const instruments = await exampleInstruments();
    const { partnership } = readPartnership(await exampleWorkbookCells(), instruments);
    partnership.partners[2]!.signatoryName = "";
    const signatory = viewModel(partnership, "agreement", "draft").partners[2]?.signatoryName;
    expect(isMissing(signatory) && signatory.location).toBe("Partners!H7");
  });
});

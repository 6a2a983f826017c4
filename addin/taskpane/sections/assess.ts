/**
 * Assess: every instrument, whether its sheet is in the workbook, and the
 * action that fits: add a missing grid (one score column per partner in
 * Partners), or refresh one whose partners have changed, keeping every score.
 */
import { assessmentTableName, GRID_STAT_HEADERS } from "../../../core/layout/tables/assessment.js";
import type { Instrument } from "../../../core/instruments/types.js";
import { addAssessmentSheet, refreshAssessmentSheet } from "../../excel/assessment-grid.js";
import { clear, h } from "../dom.js";
import type { PaneHost, PaneResources } from "../host.js";
import type { StatusArea } from "../status.js";
import { readOpenWorkbook, type OpenWorkbook } from "../workbook-session.js";

/** Score columns sit between Statement and the statistics. */
function gridPartners(headers: readonly string[]): string[] {
  const from = headers.indexOf("Statement");
  const stats = new Set<string>(GRID_STAT_HEADERS);
  const rest = headers.slice(from + 1);
  const end = rest.findIndex((h) => stats.has(h));
  return end < 0 ? rest : rest.slice(0, end);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function assessSection(
  host: PaneHost,
  resources: PaneResources,
  status: StatusArea,
): HTMLElement {
  const list = h("ul", { class: "instruments", "data-testid": "instrument-list" });
  const partnersLine = h("p", { class: "lead" });
  const load = h("button", { class: "secondary", text: "Look at this workbook" });
  const section = h(
    "section",
    { class: "section", id: "section-assess" },
    h("h2", { text: "Assess the partnership" }),
    h("p", {
      class: "lead",
      text: "Each partner scores every statement in their own column. Add a grid, or refresh one after changing Partners: scores stay with their partner.",
    }),
    h("div", { class: "buttons" }, load),
    partnersLine,
    list,
  );

  const row = (instrument: Instrument, open: OpenWorkbook): HTMLElement => {
    const shortNames = open.partnership.partners.map((p) => p.shortName);
    const table = open.cells.tables.find(
      (t) => t.name.toLowerCase() === assessmentTableName(instrument).toLowerCase(),
    );
    const sheetTaken = open.cells.sheetNames.some(
      (n) => n.toLowerCase() === instrument.sheet.toLowerCase(),
    );
    const title = h("div", { class: "instrument-title", text: instrument.title });
    let detail: string;
    let action: HTMLButtonElement | null = null;
    if (!table && sheetTaken) {
      detail = `A sheet named "${instrument.sheet}" exists but holds no grid table. Rename that sheet to add the grid.`;
    } else if (!table) {
      detail =
        instrument.kind === "grid"
          ? "Not in this workbook yet."
          : "Register not in this workbook yet.";
      action = h("button", {
        class: "primary small",
        text: "Add",
        "data-testid": `add-${instrument.id}`,
      });
      action.addEventListener("click", () => {
        void status.run(
          `Adding ${instrument.title}…`,
          `add ${instrument.title}`,
          section,
          async () => {
            await host.run((context) =>
              addAssessmentSheet(context, open.partnership, instrument, open.cells.sheetNames),
            );
            host.changed?.();
            status.success(
              `Added the sheet "${instrument.sheet}" with a column for each of ${shortNames.length} partners.`,
            );
            await refresh();
          },
        );
      });
    } else if (instrument.kind === "grid") {
      const columns = gridPartners(table.headers);
      const upToDate = sameList(columns, shortNames);
      detail = upToDate
        ? `On sheet "${table.sheet}", one column per partner.`
        : `Partners have changed since this grid was made (grid: ${columns.join(", ") || "none"}). Refresh to match Partners; scores are kept.`;
      action = h("button", {
        class: upToDate ? "secondary small" : "primary small",
        text: "Refresh",
        "data-testid": `refresh-${instrument.id}`,
      });
      action.addEventListener("click", () => {
        void status.run(
          `Refreshing ${instrument.title}…`,
          `refresh ${instrument.title}`,
          section,
          async () => {
            const result = await host.run((context) =>
              refreshAssessmentSheet(context, instrument, resources.instruments),
            );
            host.changed?.();
            status.success(
              `Refreshed "${instrument.sheet}" for ${result.partners.length} partners; kept all ${result.scoresKept} scores.`,
            );
            await refresh();
          },
        );
      });
    } else {
      detail = `On sheet "${table.sheet}". Add rows to the table as you go.`;
    }
    return h(
      "li",
      { class: "instrument" },
      h("div", { class: "instrument-text" }, title, h("div", { class: "detail", text: detail })),
      action,
    );
  };

  const refresh = async () => {
    const open = await readOpenWorkbook(host, resources.instruments);
    const names = open.partnership.partners.map((p) => p.shortName);
    partnersLine.textContent = names.length
      ? `Partners in this workbook: ${names.join(", ")}.`
      : "No partners found: run Set up first, or fill in the Partners table.";
    clear(list, ...resources.instruments.map((instrument) => row(instrument, open)));
  };

  load.addEventListener("click", () => {
    void status.run("Reading the workbook…", "read the workbook", section, async () => {
      await refresh();
      status.info("Choose a grid to add or refresh.");
    });
  });
  return section;
}

/**
 * Check: the reader's problems (each one selects its cell) and a summary of
 * where the partnership stands: RAG counts, finance totals and ratios, the
 * weakest assessment items and objectives that fall short of SMART.
 */
import { overTimeSentences } from "../../../core/use-cases/check-over-time.js";
import { checkPartnership } from "../../../core/use-cases/check.js";
import { clear, formatMoney, formatNumber, formatPercent, h } from "../dom.js";
import type { PaneHost, PaneResources } from "../host.js";
import { problemList } from "../problem-list.js";
import type { StatusArea } from "../status.js";
import { readOpenWorkbook } from "../workbook-session.js";

function metric(label: string, value: string, kind = ""): HTMLElement {
  return h(
    "div",
    { class: `metric ${kind}` },
    h("div", { class: "metric-value", text: value }),
    h("div", { class: "metric-label", text: label }),
  );
}

function row(label: string, value: string): HTMLElement {
  return h("tr", {}, h("th", { text: label }), h("td", { text: value }));
}

const DOCUMENT_NAME = { "terms-of-reference": "terms of reference", agreement: "agreement" };

export function checkSection(
  host: PaneHost,
  resources: PaneResources,
  status: StatusArea,
): HTMLElement {
  const results = h("div", { class: "results", "data-testid": "check-results" });
  const run = h("button", { class: "primary", text: "Check workbook", "data-testid": "check-run" });
  const section = h(
    "section",
    { class: "section", id: "section-check" },
    h("h2", { text: "Check the workbook" }),
    h("p", {
      class: "lead",
      text: "Reads every table, lists what needs fixing (click one to go to its cell) and sums up where the partnership stands.",
    }),
    h("div", { class: "buttons" }, run),
    results,
  );

  run.addEventListener("click", () => {
    void status.run("Checking…", "check the workbook", section, async () => {
      const open = await readOpenWorkbook(host, resources.instruments);
      const report = checkPartnership(open, resources.instruments, resources.templates);
      const { summary, errors, warnings, problems } = report;
      const f = summary.finance;
      clear(
        results,
        h("h3", {
          text:
            errors + warnings === 0
              ? "No problems found"
              : `${errors} error(s), ${warnings} warning(s)`,
        }),
        h("p", {
          class: "detail",
          "data-testid": "final-ready",
          text: report.finalReady
            ? `A final ${DOCUMENT_NAME[report.document]} can be created.`
            : report.finalGaps > 0
              ? `A final ${DOCUMENT_NAME[report.document]} needs ${report.finalGaps} more value(s): the warnings "needed for a final document".`
              : `A final ${DOCUMENT_NAME[report.document]} needs the errors fixed first.`,
        }),
        problems.length ? problemList(problems, open.cells.sheetNames, host, status) : null,
        h("h3", { text: "Indicators" }),
        h(
          "div",
          { class: "metrics", "data-testid": "rag-counts" },
          metric("Green", String(summary.rag.Green), "green"),
          metric("Amber", String(summary.rag.Amber), "amber"),
          metric("Red", String(summary.rag.Red), "red"),
          metric("No data", String(summary.rag["No data"]), "grey"),
        ),
        h("p", {
          class: "detail",
          text: `${summary.improving} improving, ${summary.worsening} worsening.`,
        }),
        ...overTimeSentences(summary.indicators).map((text) =>
          h("p", { class: "detail", "data-testid": "over-time", text }),
        ),
        h("h3", { text: "Finance: the three Es" }),
        h(
          "table",
          { class: "figures", "data-testid": "finance" },
          row("Budget", formatMoney(f.budget)),
          row("Spend to date", formatMoney(f.actual)),
          row("Forecast outturn", formatMoney(f.forecast)),
          row(
            "Forecast variance",
            `${formatMoney(f.variance)} (${formatPercent(f.variancePercent)})`,
          ),
          row("Pooled fund", formatMoney(f.pooledFund)),
          // Outputs and outcomes add up only across lines counting the same thing.
          ...f.byOutputMeasure.map((t) =>
            row(`Efficiency, ${t.outputMeasure} (per £1,000)`, formatNumber(t.efficiency)),
          ),
          ...f.byOutcomeMeasure.map((t) =>
            row(`Effectiveness, ${t.outcomeMeasure}`, formatPercent(t.effectiveness)),
          ),
        ),
        h("h3", { text: "Weakest assessment items" }),
        summary.weakestItems.length
          ? h(
              "ol",
              { class: "weakest", "data-testid": "weakest" },
              ...summary.weakestItems.map((item) =>
                h(
                  "li",
                  {},
                  h("span", { class: "detail", text: `${item.instrument}: ` }),
                  item.statement,
                  h("span", {
                    class: "score",
                    text: ` (${formatPercent(item.mean)} of the scale)`,
                  }),
                ),
              ),
            )
          : h("p", { class: "detail", text: "No scores yet." }),
        summary.objectivesFailingSmart.length
          ? h(
              "p",
              { class: "detail" },
              `Objectives not yet SMART: ${summary.objectivesFailingSmart.map((o) => `${o.id} (${o.gaps.join(", ")})`).join("; ")}.`,
            )
          : null,
      );
      if (errors > 0) status.error(`${errors} error(s) to fix: click one to go to its cell.`);
      else
        status.success(
          warnings
            ? `No errors; ${warnings} warning(s) worth a look.`
            : "The workbook reads cleanly.",
        );
    });
  });
  return section;
}

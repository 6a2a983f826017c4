/**
 * Rounds (issue 8): the assessment cycle in the pane, by the same core code
 * as `partnership returns`, `collect` and `round close`. Returns are offered
 * as downloads; returned files come in through a file picker and are written
 * into the open workbook only when none has an error, within the sync budget.
 */
import { closeRound } from "../../../core/cycle/close-round.js";
import { collectReturns } from "../../../core/cycle/collect.js";
import type { ReturnCells } from "../../../core/cycle/return-cells.js";
import { returnProblem } from "../../../core/cycle/return-details.js";
import { returnFileName, returnForm } from "../../../core/cycle/return-form.js";
import { shuffleWith } from "../../../core/cycle/respondents.js";
import type { GridInstrument } from "../../../core/instruments/types.js";
import { withSeededActions } from "../../../core/measures/assessment-actions.js";
import { analyseAssessments } from "../../../core/measures/assessment-analysis.js";
import type { Problem } from "../../../core/model/problem.js";
import { writeCycle } from "../../excel/cycle.js";
import { clear, h } from "../dom.js";
import { offerDownload, XLSX_MIME, type PaneHost, type PaneResources } from "../host.js";
import { problemList } from "../problem-list.js";
import type { StatusArea } from "../status.js";
import { readOpenWorkbook, type OpenWorkbook } from "../workbook-session.js";

const today = (): string => new Date().toISOString().slice(0, 10);

/** A uniform integer below `bound` from the browser's cryptographic source. */
function randomBelow(bound: number): number {
  const limit = Math.floor(0x100000000 / bound) * bound;
  const word = new Uint32Array(1);
  do crypto.getRandomValues(word);
  while ((word[0] ?? 0) >= limit);
  return (word[0] ?? 0) % bound;
}

function grids(open: OpenWorkbook, resources: PaneResources): GridInstrument[] {
  const present = new Set(open.partnership.assessments.map((a) => a.instrumentId));
  return resources.instruments.filter(
    (i): i is GridInstrument => i.kind === "grid" && present.has(i.id),
  );
}

export function cycleSection(
  host: PaneHost,
  resources: PaneResources,
  status: StatusArea,
): HTMLElement {
  const round = h("input", {
    type: "text",
    id: "cycle-round",
    "aria-label": "Round name",
  });
  const anonymous = h("input", { type: "checkbox", id: "cycle-anonymous" });
  const create = h("button", {
    class: "primary",
    text: "Create returns",
    "data-testid": "cycle-create",
  });
  const picker = h("input", {
    type: "file",
    "data-testid": "cycle-files",
  });
  // Attributes the pane's h() does not take.
  round.placeholder = "2027 review";
  picker.accept = ".xlsx";
  picker.multiple = true;
  const collect = h("button", {
    class: "primary",
    text: "Collect returns",
    "data-testid": "cycle-collect",
  });
  const close = h("button", {
    class: "secondary",
    text: "Close round",
    "data-testid": "cycle-close",
  });
  const output = h("div", { class: "results", "data-testid": "cycle-output" });
  const section = h(
    "section",
    { class: "section", id: "section-cycle" },
    h("h2", { text: "Assessment rounds" }),
    h("p", {
      class: "lead",
      text: "Each partner scores on its own: send each one a return, collect them into the grids and the history, then close the round. Nothing is sent anywhere.",
    }),
    h("label", { for: "cycle-round", text: "Round (when none is open)" }),
    round,
    h(
      "label",
      {},
      anonymous,
      " Anonymous: keep scores under Respondent 1…N, with no link to partners",
    ),
    h("div", { class: "buttons" }, create),
    h("label", { text: "Returned files" }),
    picker,
    h("div", { class: "buttons" }, collect, close),
    output,
  );

  create.addEventListener("click", () => {
    void status.run("Making the returns…", "make the returns", section, async () => {
      const open = await readOpenWorkbook(host, resources.instruments);
      const current = open.partnership.currentRound ?? "";
      const name = current || round.value.trim();
      if (!name) return status.error("Name the round first (for example 2027 review).");
      if (current && round.value.trim() && round.value.trim() !== current)
        return status.error(`The open round is "${current}": make its returns, or close it first.`);
      const { returnWorkbookBytes } = await import("../../../adapters/exceljs/return-write.js");
      const chosen = grids(open, resources);
      const links: HTMLElement[] = [];
      for (const partner of open.partnership.partners) {
        const form = returnForm(
          open.partnership.details.name,
          partner.shortName,
          name,
          anonymous.checked,
          chosen,
        );
        links.push(
          h(
            "li",
            {},
            offerDownload(
              returnFileName(partner.shortName),
              await returnWorkbookBytes(form),
              XLSX_MIME,
            ),
          ),
        );
      }
      clear(output, h("ul", { class: "downloads" }, ...links));
      status.success(
        `${links.length} returns for "${name}": download each and send it to its partner.`,
      );
    });
  });

  collect.addEventListener("click", () => {
    void status.run("Collecting the returns…", "collect the returns", section, async () => {
      const files = Array.from(picker.files ?? []);
      if (files.length === 0) return status.error("Choose the returned files first.");
      const { readReturnCells } = await import("../../../adapters/exceljs/return-read.js");
      const unreadable: Problem[] = [];
      const returns: ReturnCells[] = [];
      for (const file of files) {
        try {
          returns.push(await readReturnCells(file.name, new Uint8Array(await file.arrayBuffer())));
        } catch (error) {
          unreadable.push(
            returnProblem(
              file.name,
              "",
              "",
              `The file cannot be read: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
        }
      }
      const open = await readOpenWorkbook(host, resources.instruments);
      if (open.problems.some((p) => p.severity === "error"))
        return status.error(
          "Fix the workbook's errors first (Check), so nothing is lost when the round is written.",
        );
      const result = collectReturns(open.partnership, resources.instruments, returns, {
        force: false,
        today: today(),
        shuffle: (items) => shuffleWith(items, randomBelow),
      });
      const problems = [...unreadable, ...result.problems];
      const who = `${result.returned.length} of ${result.returned.length + result.notReturned.length} partners have returned${result.notReturned.length ? `; not yet: ${result.notReturned.join(", ")}` : ""}.`;
      clear(
        output,
        h("p", { text: who }),
        problemList(problems, open.cells.sheetNames, host, status),
      );
      if (!result.partnership || unreadable.length > 0)
        return status.error(
          "Nothing was written: fix the returns listed (or send fresh ones) and collect again.",
        );
      const written = result.partnership;
      await host.run((context) => writeCycle(context, open.cells, written, resources.instruments));
      host.changed?.();
      status.success(
        `Collected ${returns.length} returns into "${result.round}" (${result.scores} scores).`,
      );
    });
  });

  close.addEventListener("click", () => {
    void status.run("Closing the round…", "close the round", section, async () => {
      const open = await readOpenWorkbook(host, resources.instruments);
      if (open.problems.some((p) => p.severity === "error"))
        return status.error(
          "Fix the workbook's errors first (Check), so nothing is lost when the round is closed.",
        );
      const name = round.value.trim();
      const result = closeRound(open.partnership, {
        today: today(),
        force: false,
        ...(name ? { name } : {}),
      });
      if (!result.ok) return status.error(`${result.message}. ${result.hint}`);
      const closed = result.partnership;
      const analyses = analyseAssessments(closed, resources.instruments, result.round);
      if (!("error" in analyses))
        closed.assessmentActions = withSeededActions(analyses, closed.assessmentActions ?? []);
      await host.run((context) =>
        writeCycle(context, open.cells, closed, resources.instruments, { withActions: true }),
      );
      host.changed?.();
      status.success(
        `Closed "${result.round}": ${result.stamped} scores kept in the history; the grids are clear for the next round.`,
      );
    });
  });
  return section;
}

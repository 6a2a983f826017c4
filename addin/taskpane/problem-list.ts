/** Problems as a list; those located in the workbook select their cell when clicked. */
import type { Problem } from "../../core/model/problem.js";
import { h } from "./dom.js";
import type { PaneHost } from "./host.js";
import type { StatusArea } from "./status.js";
import { selectProblemCell } from "./workbook-session.js";

export function problemList(
  problems: readonly Problem[],
  sheetNames: readonly string[],
  host: PaneHost,
  status: StatusArea,
  limit = 200,
): HTMLElement {
  const sheets = new Set(sheetNames.map((s) => s.toLowerCase()));
  const list = h("ul", { class: "problems", "data-testid": "problems" });
  for (const problem of problems.slice(0, limit)) {
    const where = problem.cell ? `${problem.sheet}!${problem.cell}` : problem.sheet;
    const text = h(
      "span",
      { class: "problem-text" },
      h("span", { class: "where", text: where }),
      ` ${problem.message}.`,
      problem.hint ? h("span", { class: "hint", text: ` ${problem.hint}` }) : null,
    );
    const badge = h("span", {
      class: `badge ${problem.severity}`,
      text: problem.severity === "error" ? "Error" : "Warning",
    });
    const inWorkbook = sheets.has(problem.sheet.toLowerCase());
    const item = inWorkbook
      ? h(
          "button",
          {
            class: "problem",
            title: `Go to ${where}`,
            onclick: () => {
              void selectProblemCell(host, problem.sheet, problem.cell).catch(() =>
                status.error(
                  `Could not go to ${where}: the sheet may have been renamed or deleted.`,
                ),
              );
            },
          },
          badge,
          text,
        )
      : h("div", { class: "problem" }, badge, text);
    list.append(h("li", {}, item));
  }
  if (problems.length > limit)
    list.append(h("li", { class: "more", text: `…and ${problems.length - limit} more.` }));
  return list;
}

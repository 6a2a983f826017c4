/** The pane: a title, four tabs (Set up, Assess, Check, Documents) and one status line. */
import { formatProblem } from "../../core/model/problem.js";
import { h } from "./dom.js";
import type { PaneHost, PaneResources } from "./host.js";
import { assessSection } from "./sections/assess.js";
import { checkSection } from "./sections/check.js";
import { documentsSection } from "./sections/documents.js";
import { setUpSection } from "./sections/set-up.js";
import { StatusArea } from "./status.js";

const TABS = [
  { id: "setup", label: "Set up", build: setUpSection },
  { id: "assess", label: "Assess", build: assessSection },
  { id: "check", label: "Check", build: checkSection },
  { id: "documents", label: "Documents", build: documentsSection },
] as const;

export function startPane(root: HTMLElement, host: PaneHost, resources: PaneResources): void {
  const status = new StatusArea();
  const sections = TABS.map((tab) => ({ tab, element: tab.build(host, resources, status) }));
  const buttons = sections.map(({ tab, element }) => {
    const button = h("button", {
      class: "tab",
      role: "tab",
      id: `tab-${tab.id}`,
      text: tab.label,
      "aria-selected": "false",
    });
    button.addEventListener("click", () => show(tab.id));
    element.setAttribute("role", "tabpanel");
    element.setAttribute("aria-labelledby", `tab-${tab.id}`);
    return { id: tab.id, button, element };
  });
  const show = (id: string) => {
    for (const b of buttons) {
      const active = b.id === id;
      b.button.setAttribute("aria-selected", String(active));
      b.button.classList.toggle("active", active);
      b.element.hidden = !active;
    }
  };
  const warnings = resources.instrumentProblems.length
    ? h("p", {
        class: "status-message error",
        text: `Some instrument files have problems: ${resources.instrumentProblems.map(formatProblem).join(" ")}`,
      })
    : null;
  root.replaceChildren(
    h(
      "header",
      { class: "pane-header" },
      h("h1", { text: "Partnership Workbench" }),
      host.kind === "preview"
        ? h("span", { class: "preview-badge", text: "Preview: in-memory workbook" })
        : null,
    ),
    h(
      "nav",
      { class: "tabs", role: "tablist", "aria-label": "Sections" },
      ...buttons.map((b) => b.button),
    ),
    status.element,
    warnings ?? "",
    ...buttons.map((b) => b.element),
  );
  show("setup");
}

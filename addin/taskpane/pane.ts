/**
 * The pane: a title, four tabs (Set up, Assess, Check, Documents), and under
 * the tabs the open section's status line: each section has its own, so a
 * message never follows the officer to another section.
 */
import { formatProblem } from "../../core/model/problem.js";
import { h } from "./dom.js";
import type { PaneHost, PaneResources } from "./host.js";
import { assessSection } from "./sections/assess.js";
import { checkSection } from "./sections/check.js";
import { cycleSection } from "./sections/cycle.js";
import { documentsSection } from "./sections/documents.js";
import { setUpSection } from "./sections/set-up.js";
import { PaneLock, StatusArea } from "./status.js";

const TABS = [
  { id: "setup", label: "Set up", build: setUpSection },
  { id: "assess", label: "Assess", build: assessSection },
  { id: "cycle", label: "Rounds", build: cycleSection },
  { id: "check", label: "Check", build: checkSection },
  { id: "documents", label: "Documents", build: documentsSection },
] as const;

export function startPane(root: HTMLElement, host: PaneHost, resources: PaneResources): void {
  const lock = new PaneLock();
  const sections = TABS.map((tab) => {
    const status = new StatusArea(lock);
    return { tab, status, element: tab.build(host, resources, status) };
  });
  // Only the open section's status is in the page; the others keep their messages for when it reopens.
  const statusSlot = h("div", { class: "status-slot" });
  const buttons = sections.map(({ tab, status, element }) => {
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
    return { id: tab.id, button, element, status };
  });
  const show = (id: string) => {
    for (const b of buttons) {
      const active = b.id === id;
      b.button.setAttribute("aria-selected", String(active));
      b.button.classList.toggle("active", active);
      b.element.hidden = !active;
      if (active) statusSlot.replaceChildren(b.status.element);
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
    statusSlot,
    warnings ?? "",
    ...buttons.map((b) => b.element),
  );
  show("setup");
}

/**
 * Set up: the blueprint's sheets and tables in the open workbook, blank or
 * with the example partnership. The pane first shows what exists; existing
 * sheets are never touched, and the button adds only what is missing.
 */
import { examplePartnership } from "../../../core/example/partnership.js";
import { workbookPlan, type SheetPlan } from "../../../core/layout/blueprint.js";
import {
  DEFAULT_PERIOD_COUNT,
  financialYearPlan,
  MAX_PERIODS,
  periodsOf,
  planProblem,
  type PeriodLength,
  type PeriodPlan,
} from "../../../core/measures/periods.js";
import { emptyPartnership } from "../../../core/model/empty.js";
import type { Partnership } from "../../../core/model/types.js";
import {
  describeClashes,
  planSetUp,
  readWorkbookNames,
  setUpWorkbook,
  type SetUpPlan,
} from "../../excel/set-up.js";
import { clear, h } from "../dom.js";
import type { PaneHost, PaneResources } from "../host.js";
import { setAvailable, type StatusArea } from "../status.js";
import { readOpenWorkbook } from "../workbook-session.js";

export function setUpSection(
  host: PaneHost,
  resources: PaneResources,
  status: StatusArea,
): HTMLElement {
  const blank = h("input", {
    type: "radio",
    name: "setup-kind",
    value: "blank",
    id: "setup-blank",
    checked: true,
  });
  const example = h("input", {
    type: "radio",
    name: "setup-kind",
    value: "example",
    id: "setup-example",
  });
  const partners = h("input", {
    type: "number",
    id: "setup-partners",
    value: "5",
    min: "1",
    max: "30",
  });
  const grids = h("input", { type: "checkbox", id: "setup-grids", checked: true });
  // The same periods as `partnership workbook --period-length --start --periods`.
  const today = new Date().toISOString().slice(0, 10);
  const length = h(
    "select",
    { id: "setup-period-length" },
    h("option", { value: "month", text: "Months" }),
    h("option", { value: "quarter", text: "Quarters" }),
    h("option", { value: "year", text: "Years" }),
  );
  const start = h("input", {
    type: "date",
    id: "setup-period-start",
    value: financialYearPlan(today).start,
  });
  const count = h("input", {
    type: "number",
    id: "setup-period-count",
    value: String(DEFAULT_PERIOD_COUNT.quarter),
    min: "1",
    max: String(MAX_PERIODS),
  });
  length.value = "quarter";
  length.addEventListener("change", () => {
    count.value = String(DEFAULT_PERIOD_COUNT[length.value as PeriodLength]);
  });
  const report = h("div", { class: "report", "data-testid": "setup-report" });
  const scan = h("button", { class: "secondary", text: "Look at this workbook" });
  const add = h("button", {
    class: "primary",
    text: "Add missing sheets",
    "data-testid": "setup-add",
  });
  const section = h(
    "section",
    { class: "section", id: "section-setup" },
    h("h2", { text: "Set up the workbook" }),
    h("p", {
      class: "lead",
      text: "Adds the partnership's sheets and tables to this workbook. Sheets that already exist are never changed or deleted.",
    }),
    h(
      "fieldset",
      {},
      h("legend", { text: "Start from" }),
      h(
        "div",
        { class: "choice" },
        blank,
        h("label", { for: "setup-blank", text: "Blank, with" }),
        partners,
        h("label", { for: "setup-partners", text: "partners" }),
      ),
      h(
        "div",
        { class: "choice" },
        h("label", { for: "setup-period-count", text: "Reporting periods (blank only):" }),
        count,
        length,
        h("label", { for: "setup-period-start", text: "from" }),
        start,
      ),
      h(
        "div",
        { class: "choice" },
        example,
        h("label", { for: "setup-example", text: "The example partnership (fictional)" }),
      ),
      h(
        "div",
        { class: "choice" },
        grids,
        h("label", { for: "setup-grids", text: "Include every assessment grid" }),
      ),
    ),
    h("div", { class: "buttons" }, scan, add),
    report,
  );

  /** The period headings asked for; a plan that cannot carry its dates is refused in words. */
  const periodLabels = (): string[] => {
    const plan: PeriodPlan = {
      length: length.value as PeriodLength,
      start: start.value,
      count: Number(count.value),
    };
    const problem = planProblem(plan);
    if (problem !== null) throw new Error(`Reporting periods: ${problem}`);
    return periodsOf(plan).map((period) => period.label);
  };

  /** Partners already in the workbook head new grids, so a blank set up agrees with what exists. */
  const partnershipToBuild = async (): Promise<Partnership> => {
    if (example.checked) return examplePartnership(resources.instruments);
    const count = Math.min(30, Math.max(1, Math.round(Number(partners.value) || 5)));
    const fresh = emptyPartnership(count);
    fresh.periods = periodLabels();
    const open = await readOpenWorkbook(host, resources.instruments);
    if (
      open.cells.tables.some((t) => t.name.toLowerCase() === "partners") &&
      open.partnership.partners.length > 0
    ) {
      fresh.partners = open.partnership.partners;
    }
    return fresh;
  };

  /** The sheets to add, given the tables the workbook will hold (so the Summary names no other). */
  const blueprint = async (): Promise<(availableTables?: ReadonlySet<string>) => SheetPlan[]> => {
    const partnership = await partnershipToBuild();
    const instruments = grids.checked ? resources.instruments : [];
    return (availableTables) =>
      workbookPlan(partnership, instruments, { availableTables, asAt: today });
  };

  const showPlan = (existing: string[], missing: string[], withoutTables: string[] = []) => {
    const list = h("ul", { class: "sheet-list" });
    const bare = new Set(withoutTables);
    for (const name of existing)
      list.append(
        h(
          "li",
          { class: "exists" },
          h("span", { class: "mark", text: "✓" }),
          bare.has(name)
            ? `${name}: a sheet of this name is here without the partnership's table; left as it is, and the Summary will say the table is missing`
            : `${name}: already here, left as it is`,
        ),
      );
    for (const name of missing)
      list.append(
        h(
          "li",
          { class: "missing" },
          h("span", { class: "mark", text: "+" }),
          `${name}: will be added`,
        ),
      );
    clear(report, list);
    add.textContent =
      missing.length === 0
        ? "Nothing to add"
        : `Add ${missing.length} missing sheet${missing.length === 1 ? "" : "s"}`;
    setAvailable(add, missing.length > 0);
  };

  scan.addEventListener("click", () => {
    void status.run("Looking at the workbook…", "look at the workbook", section, async () => {
      const plans = await blueprint();
      const { plan, clashes } = await host.run(async (context) => {
        const found: SetUpPlan = planSetUp(await readWorkbookNames(context), plans());
        const words = found.clashes.length ? await describeClashes(context, found.clashes) : "";
        return { plan: found, clashes: words };
      });
      showPlan(
        plan.existing,
        plan.missing.map((p) => p.sheet),
        plan.withoutTables,
      );
      if (clashes) {
        status.error(clashes);
        return;
      }
      status.info(
        plan.missing.length === 0
          ? "Every sheet is already in this workbook. Nothing needs adding."
          : `${plan.missing.length} sheet(s) can be added; ${plan.existing.length} already exist and will not be touched.`,
      );
    });
  });

  add.addEventListener("click", () => {
    void status.run("Adding sheets…", "set up the workbook", section, async () => {
      const plans = await blueprint();
      const result = await host.run((context) =>
        setUpWorkbook(context, plans, {
          onProgress: (done, total) => status.progress(done, total),
        }),
      );
      host.changed?.();
      showPlan(result.existing, []);
      const added = result.added.length
        ? `Added ${result.added.join(", ")}.`
        : "Nothing was missing.";
      const kept = result.existing.length
        ? ` Left as they were: ${result.existing.join(", ")}.`
        : "";
      status.success(`${added}${kept}`);
      setAvailable(add, false);
      add.textContent = "Nothing to add";
    });
  });

  return section;
}

/**
 * The in-memory workbook drawn beside the pane in the preview: sheet tabs and
 * the top-left of the active sheet, with fills, fonts and the selection, so
 * a visitor sees what Set up built and where a problem's click lands.
 */
import { columnLetter } from "../../core/layout/address.js";
import { parseRect } from "../excel/a1.js";
import { cellKey, type FakeWorkbookState } from "./fake-excel/state.js";
import { styleAt } from "./fake-excel/style-at.js";

const MAX_ROWS = 60;
const MAX_COLUMNS = 16;

function shown(value: string | number | boolean | null, numberFormat: string | null): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (numberFormat?.includes("%")) return `${Math.round(value * 1000) / 10}%`;
    if (numberFormat && /d|y/.test(numberFormat) && value > 20000 && value < 80000) {
      return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toLocaleDateString("en-GB", {
        timeZone: "UTC",
      });
    }
    return String(Math.round(value * 100) / 100);
  }
  return String(value);
}

export class WorkbookView {
  private viewing: string | null = null;
  private lastActive: unknown = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly state: FakeWorkbookState,
  ) {}

  render(): void {
    const state = this.state;
    const selected = state.selection;
    // Follow Excel: show the sheet the add-in activated or selected in.
    if (state.activeSheet !== this.lastActive) {
      this.lastActive = state.activeSheet;
      if (state.activeSheet) this.viewing = state.activeSheet.name;
    }
    if (selected) this.viewing = selected.sheet;
    const sheet =
      (this.viewing ? state.findSheet(this.viewing) : undefined) ??
      state.activeSheet ??
      state.sheets[0];
    if (!sheet) return;
    this.viewing = sheet.name;
    const tabs = document.createElement("div");
    tabs.className = "sheet-tabs";
    for (const s of state.sheets) {
      const tab = document.createElement("button");
      tab.textContent = s.name;
      tab.className = s === sheet ? "sheet-tab active" : "sheet-tab";
      if (s.tabColor) tab.style.borderBottomColor = s.tabColor;
      tab.addEventListener("click", () => {
        this.viewing = s.name;
        state.selection = null;
        state.activeSheet = s;
        this.lastActive = s;
        this.render();
      });
      tabs.append(tab);
    }
    const selection =
      selected && selected.sheet === sheet.name ? parseRect(selected.address) : null;
    const table = document.createElement("table");
    table.className = "grid";
    table.setAttribute("data-testid", "workbook-grid");
    const head = table.insertRow();
    head.insertCell().className = "corner";
    for (let c = 1; c <= MAX_COLUMNS; c++) {
      const th = document.createElement("th");
      th.textContent = columnLetter(c);
      head.append(th);
    }
    for (let r = 1; r <= MAX_ROWS; r++) {
      const tr = table.insertRow();
      const th = document.createElement("th");
      th.textContent = String(r);
      tr.append(th);
      for (let c = 1; c <= MAX_COLUMNS; c++) {
        const td = tr.insertCell();
        const cell = sheet.cells.get(cellKey(r, c));
        td.textContent = cell
          ? cell.formula !== null
            ? "ƒ"
            : shown(cell.value, cell.numberFormat)
          : "";
        if (cell?.formula) td.title = cell.formula;
        const style = styleAt(sheet.formats, r, c);
        if (style.fill) td.style.background = style.fill;
        if (style.fontColor) td.style.color = style.fontColor;
        if (style.bold) td.style.fontWeight = "600";
        if (style.italic) td.style.fontStyle = "italic";
        if (
          selection &&
          r >= selection.top &&
          r <= selection.bottom &&
          c >= selection.left &&
          c <= selection.right
        ) {
          td.classList.add("selected");
          td.setAttribute("data-testid", "selected-cell");
        }
      }
    }
    const caption = document.createElement("p");
    caption.className = "grid-caption";
    const tables = state.tables.filter((t) => t.sheet === sheet).map((t) => t.name);
    caption.textContent = `${sheet.name}: ${tables.length ? `tables ${tables.join(", ")}` : "no tables"}. ƒ marks a formula (not computed in the preview: download the .xlsx to see results).`;
    const wrap = document.createElement("div");
    wrap.className = "grid-wrap";
    wrap.append(table);
    this.root.replaceChildren(tabs, caption, wrap);
    wrap.querySelector(".selected")?.scrollIntoView({ block: "center", inline: "center" });
  }
}

/** A few lines instead of a UI framework: the pane is small and must load fast inside Excel. */

type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  text?: string;
  title?: string;
  id?: string;
  type?: string;
  value?: string;
  href?: string;
  download?: string;
  checked?: boolean;
  disabled?: boolean;
  name?: string;
  for?: string;
  min?: string;
  max?: string;
  role?: string;
  "aria-live"?: string;
  "aria-label"?: string;
  "aria-selected"?: string;
  "data-testid"?: string;
  onclick?: (event: MouseEvent) => void;
  onchange?: (event: Event) => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (key === "text") element.textContent = String(value);
    else if (key === "class") element.className = String(value);
    else if (key === "onclick" || key === "onchange")
      element.addEventListener(key.slice(2), value as EventListener);
    else if (key === "checked" || key === "disabled" || key === "value")
      (element as unknown as Record<string, unknown>)[key] = value;
    else element.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

export function clear(element: HTMLElement, ...children: Child[]): void {
  element.replaceChildren();
  for (const child of children) if (child) element.append(child);
}

const money = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  maximumFractionDigits: 0,
});
const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

export function formatMoney(value: number | null): string {
  return value === null ? "–" : money.format(value);
}

export function formatPercent(value: number | null): string {
  return value === null ? "–" : percent.format(value);
}

export function formatNumber(value: number | null): string {
  return value === null ? "–" : decimal.format(value);
}

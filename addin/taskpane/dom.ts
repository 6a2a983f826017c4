/** A few lines instead of a UI framework: the pane is small and must load fast inside Excel. */

import {
  formatMoney as ukMoney,
  formatNumber as ukNumber,
  formatPercent as ukPercent,
} from "../../core/format/uk.js";

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

/** A blank figure shows as a dash; the figures use core's UK formats, as `partnership check` does. */
function orDash(value: number | null, format: (n: number) => string): string {
  return value === null ? "–" : format(value);
}

export function formatMoney(value: number | null): string {
  return orDash(value, (n) => ukMoney(n, 0));
}

export function formatPercent(value: number | null): string {
  return orDash(value, (n) => ukPercent(n));
}

export function formatNumber(value: number | null): string {
  return orDash(value, (n) => ukNumber(n, 2));
}

/**
 * Just enough of the DOM for the pane's own code to run in Node (no browser,
 * no DOM library): elements, text, attributes, classes, events and the two
 * selectors the tests use. It lays nothing out; the end-to-end tests in
 * Chromium cover how the pane looks.
 */

type Listener = (event: { type: string; target: MiniElement; preventDefault(): void }) => void;
type MiniNode = MiniElement | MiniText;

export class MiniText {
  parent: MiniElement | null = null;
  constructor(public text: string) {}

  get textContent(): string {
    return this.text;
  }
}

export class MiniElement {
  readonly tagName: string;
  parent: MiniElement | null = null;
  children: MiniNode[] = [];
  readonly attributes = new Map<string, string>();
  readonly dataset: Record<string, string> = {};
  readonly style: Record<string, string> = {};
  hidden = false;
  disabled = false;
  checked = false;
  value = "";
  href = "";
  download = "";
  private readonly listeners = new Map<string, Listener[]>();

  constructor(tag: string) {
    this.tagName = tag.toUpperCase();
  }

  get className(): string {
    return this.attributes.get("class") ?? "";
  }

  set className(value: string) {
    this.attributes.set("class", value);
  }

  get classList() {
    const classes = () => this.className.split(/\s+/).filter(Boolean);
    const write = (list: string[]) => (this.className = list.join(" "));
    return {
      contains: (name: string) => classes().includes(name),
      add: (...names: string[]) => write([...new Set([...classes(), ...names])]),
      remove: (...names: string[]) => write(classes().filter((c) => !names.includes(c))),
      toggle: (name: string, force?: boolean) => {
        const on = force ?? !classes().includes(name);
        write(on ? [...new Set([...classes(), name])] : classes().filter((c) => c !== name));
        return on;
      },
    };
  }

  get id(): string {
    return this.attributes.get("id") ?? "";
  }

  get textContent(): string {
    return this.children.map((c) => c.textContent).join("");
  }

  set textContent(text: string) {
    this.replaceChildren(text);
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }

  append(...nodes: (MiniNode | string)[]): void {
    for (const node of nodes) {
      const child = typeof node === "string" ? new MiniText(node) : node;
      child.parent?.children.splice(child.parent.children.indexOf(child), 1);
      child.parent = this;
      this.children.push(child);
    }
  }

  replaceChildren(...nodes: (MiniNode | string)[]): void {
    for (const child of this.children) child.parent = null;
    this.children = [];
    this.append(...nodes);
  }

  remove(): void {
    this.parent?.children.splice(this.parent.children.indexOf(this), 1);
    this.parent = null;
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  click(): void {
    if (this.disabled) return;
    for (const listener of this.listeners.get("click") ?? [])
      listener({ type: "click", target: this, preventDefault: () => undefined });
  }

  /** Descendants matching a tag name (`button`) or `[attribute="value"]`. */
  querySelectorAll(selector: string): MiniElement[] {
    const attribute = /^\[([\w-]+)="([^"]*)"\]$/.exec(selector);
    const matches = (e: MiniElement) =>
      attribute
        ? e.getAttribute(attribute[1] ?? "") === attribute[2]
        : e.tagName === selector.toUpperCase();
    const found: MiniElement[] = [];
    const walk = (e: MiniElement) => {
      for (const child of e.children) {
        if (child instanceof MiniElement) {
          if (matches(child)) found.push(child);
          walk(child);
        }
      }
    };
    walk(this);
    return found;
  }

  querySelector(selector: string): MiniElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }
}

/** Installs `document` for code that builds elements; returns a root to start the pane in. */
export function installMiniDom(): MiniElement {
  const globals = globalThis as unknown as { document?: unknown };
  globals.document = { createElement: (tag: string) => new MiniElement(tag) };
  return new MiniElement("div");
}

/** The root as the pane's code sees it (the fake stands in for an HTMLElement). */
export function asHtml(element: MiniElement): HTMLElement {
  return element as unknown as HTMLElement;
}

/**
 * A section's place for progress and errors: a bar while work runs (with
 * steps when the work reports them), and errors worded for the user. Each
 * section has its own, so a message stays with the section it is about.
 */
import { describeError } from "../excel/errors.js";
import { clear, h } from "./dom.js";

/** Enables or disables a button in a way `StatusArea.run` keeps once the work is done. */
export function setAvailable(button: HTMLButtonElement, available: boolean): void {
  button.dataset.unavailable = String(!available);
  button.disabled = !available;
}

/**
 * One piece of work at a time across the pane: work in two sections at once
 * would interleave Excel batches (Check reading a half-built workbook, say).
 */
export class PaneLock {
  /** What is running, in the words of its progress label; null when idle. */
  running: string | null = null;
}

export class StatusArea {
  readonly element: HTMLElement;
  private readonly message: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly fill: HTMLElement;
  private busy = false;

  constructor(private readonly lock: PaneLock = new PaneLock()) {
    this.fill = h("div", { class: "progress-fill" });
    this.bar = h(
      "div",
      { class: "progress", role: "progressbar", "aria-label": "Progress" },
      this.fill,
    );
    this.message = h("div", {
      class: "status-message",
      role: "status",
      "aria-live": "polite",
      "data-testid": "status",
    });
    this.element = h("div", { class: "status" }, this.bar, this.message);
    this.bar.hidden = true;
  }

  get isBusy(): boolean {
    return this.busy;
  }

  progress(done: number, total: number): void {
    this.fill.classList.remove("indeterminate");
    this.fill.style.width = `${Math.round((100 * done) / Math.max(total, 1))}%`;
  }

  info(text: string): void {
    this.message.className = "status-message info";
    clear(this.message, text);
  }

  success(text: string): void {
    this.message.className = "status-message success";
    clear(this.message, text);
  }

  error(text: string): void {
    this.message.className = "status-message error";
    this.message.setAttribute("role", "alert");
    clear(this.message, text);
  }

  /** Runs work with the bar showing and every button in `scope` disabled; returns null on failure. */
  async run<T>(
    label: string,
    doing: string,
    scope: HTMLElement,
    work: () => Promise<T>,
  ): Promise<T | null> {
    if (this.busy) return null;
    if (this.lock.running !== null) {
      this.info(
        `Another task is still running (${this.lock.running}). Try again when it has finished.`,
      );
      return null;
    }
    this.busy = true;
    this.lock.running = label;
    const buttons = Array.from(scope.querySelectorAll("button")).filter((b) => !b.disabled);
    buttons.forEach((b) => (b.disabled = true));
    this.bar.hidden = false;
    this.fill.classList.add("indeterminate");
    this.fill.style.width = "";
    this.message.setAttribute("role", "status");
    this.info(label);
    try {
      return await work();
    } catch (error) {
      this.error(describeError(error, doing));
      return null;
    } finally {
      this.bar.hidden = true;
      // A section marks a button unavailable (nothing to add, say) while the work runs; respect that.
      buttons.forEach((b) => (b.disabled = b.dataset.unavailable === "true"));
      this.busy = false;
      this.lock.running = null;
    }
  }
}

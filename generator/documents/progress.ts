/**
 * A one-line progress bar for batches on a terminal, redrawn in place through
 * the io's status line (which owns the control codes and strips them from the
 * workbook names shown); nothing at all when stderr is not a terminal, so
 * logs stay clean.
 */
export class ProgressBar {
  private drawn = false;
  constructor(
    private readonly statusLine: (text: string | null) => void,
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly width = 30,
  ) {}

  update(done: number, failed: number, current: string): void {
    if (!this.enabled) return;
    const fraction = this.total === 0 ? 1 : done / this.total;
    const filled = Math.round(fraction * this.width);
    const bar = `${"█".repeat(filled)}${"░".repeat(this.width - filled)}`;
    const name = current.length > 40 ? `…${current.slice(-39)}` : current;
    const failures = failed > 0 ? `, ${failed} failed` : "";
    this.statusLine(`${bar} ${done}/${this.total}${failures} ${name}`);
    this.drawn = true;
  }

  /** Clears the bar so the summary starts on a clean line. */
  finish(): void {
    if (this.enabled && this.drawn) this.statusLine(null);
  }
}

/**
 * A one-line progress bar for batches on a terminal (redrawn in place on
 * stderr); nothing at all when stderr is not a terminal, so logs stay clean.
 */
export class ProgressBar {
  private drawn = false;
  constructor(
    private readonly write: (text: string) => void,
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
    this.write(`\r\u001b[2K${bar} ${done}/${this.total}${failures} ${name}`);
    this.drawn = true;
  }

  /** Clears the bar so the summary starts on a clean line. */
  finish(): void {
    if (this.enabled && this.drawn) this.write("\r\u001b[2K");
  }
}

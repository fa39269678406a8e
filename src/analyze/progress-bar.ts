/** A terminal to draw on: the bar needs its width, and is only drawn where someone watches it. */
export interface Terminal {
  write(text: string): boolean;
  /** 0 or missing when the terminal does not say; the bar then assumes 80. */
  columns?: number;
}

/** At most ten redraws a second: more is flicker, and each costs a write to the terminal. */
const REDRAW_MS = 100;
const CLEAR_LINE = '\r\u001b[2K';

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes >= 100 * 1024 * 1024 ? 0 : 1)} MB`;

/**
 * One line on stderr, redrawn in place as bytes are read: `Analysing [#####-----]  48%  512.0 MB of 1066.2 MB`.
 * Anything else written to the terminal meanwhile goes through `interrupt`, so it lands on a line of its own.
 */
export class ProgressBar {
  private drawnAt = Number.NEGATIVE_INFINITY;
  private done = 0;
  private shown = false;

  constructor(
    private readonly terminal: Terminal,
    private readonly total: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  update(done: number): void {
    this.done = done;
    const at = this.now();
    if (at - this.drawnAt < REDRAW_MS) return;
    this.drawnAt = at;
    this.draw();
  }

  /** Clears the bar, writes `text`, and draws the bar again under it. */
  interrupt(text: string): void {
    this.terminal.write(`${this.shown ? CLEAR_LINE : ''}${text}`);
    this.shown = false;
    this.draw();
  }

  /** Clears the bar for good: the terminal is left as it was found. */
  finish(): void {
    if (this.shown) this.terminal.write(CLEAR_LINE);
    this.shown = false;
  }

  private draw(): void {
    const share = this.total === 0 ? 1 : Math.min(1, this.done / this.total);
    const numbers = ` ${String(Math.floor(share * 100)).padStart(3)}%  ${megabytes(this.done)} of ${megabytes(this.total)}`;
    const width = Math.max(
      10,
      Math.min(40, (this.terminal.columns || 80) - 'Analysing [] '.length - numbers.length - 1),
    );
    const filled = Math.round(share * width);
    this.terminal.write(`${CLEAR_LINE}Analysing [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${numbers}`);
    this.shown = true;
  }
}

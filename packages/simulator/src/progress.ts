/** Progress lines on stderr, at most one a second, and the number formats of the CLI. */

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export interface RunState {
  /** Simulated time reached (ms). */
  simNow: number;
  /** Where the backfill ends (ms); NaN while live. */
  backfillEnd: number;
  start: number;
  generated: number;
  /** Milliseconds spent inside the model (generation speed = generated / genMs). */
  genMs: number;
  delivered: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  retries: number;
  live: boolean;
}

export function newRunState(start: number, backfillEnd: number): RunState {
  return { simNow: start, backfillEnd, start, generated: 0, genMs: 0, delivered: 0, accepted: 0, duplicates: 0, rejected: 0, retries: 0, live: false };
}

export class ProgressLine {
  private last = Number.NEGATIVE_INFINITY;
  private lastDelivered = 0;
  private readonly began = performance.now();

  constructor(
    private readonly state: RunState,
    private readonly write: (line: string) => void,
    private readonly verb: string,
  ) {}

  /** Prints a line if a second has passed since the last one (or when forced). */
  tick(force = false): void {
    const now = performance.now();
    if (!force && now - this.last < 1000) return;
    const s = this.state;
    const secs = (now - Math.max(this.last, this.began)) / 1000;
    const rate = secs > 0 ? (s.delivered - this.lastDelivered) / secs : 0;
    this.last = now;
    this.lastDelivered = s.delivered;
    const sim = new Date(s.simNow).toISOString().slice(0, 16).replace('T', ' ');
    const span = s.backfillEnd - s.start;
    const pct = s.live ? 'live' : `${span > 0 ? Math.min(100, (100 * (s.simNow - s.start)) / span).toFixed(1) : '100.0'}%`;
    const extra = this.verb === 'sent' ? ` | accepted ${fmt(s.accepted)} dup ${fmt(s.duplicates)} rejected ${fmt(s.rejected)}${s.retries ? ` retries ${fmt(s.retries)}` : ''}` : '';
    this.write(`[simulate] ${sim} UTC | ${pct} | generated ${fmt(s.generated)} | ${this.verb} ${fmt(s.delivered)} (${fmt(rate)} ev/s)${extra}`);
  }

  elapsedSeconds(): number {
    return (performance.now() - this.began) / 1000;
  }
}

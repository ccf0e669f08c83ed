import { performance } from 'node:perf_hooks';
import { validateEvent, type StockpulseEvent } from '@stockpulse/metrics';
import { createSimulation, defaultStart, simulateUntil } from '@stockpulse/simulator';

/**
 * Contract events from the simulator (deterministic for a seed), pre-serialised into
 * JSON array bodies of `batch` events before any timing starts. A source is pulled in
 * slices so that 10M events never sit in memory at once (about 220 bytes an event).
 */

/**
 * The simulator's volume, fitted on 180-day runs (scale 0.38 → 1.02M, 3.42 → 8.83M):
 * events ≈ days × (PER_SCALE × scale + FIXED), FIXED being catalog-driven (400 products).
 */
const EVENTS_PER_DAY_PER_SCALE = 14_270;
const EVENTS_PER_DAY_FIXED = 264;
const HOUR_MS = 3_600_000;
/** Every VALIDATE_EVERY-th event is checked against the contract here, before sending. */
const VALIDATE_EVERY = 997;

export interface Slice {
  bodies: Buffer[];
  events: number;
  bytes: number;
  generateMs: number;
}

export interface SourceStats {
  events: number;
  bytes: number;
  generateMs: number;
  byType: Record<string, number>;
  validated: number;
  invalid: { id: string; errors: string[] }[];
  firstMs: number;
  lastMs: number;
}

export class EventSource {
  readonly scale: number;
  readonly startMs: number;
  readonly stats: SourceStats = { events: 0, bytes: 0, generateMs: 0, byType: {}, validated: 0, invalid: [], firstMs: Number.POSITIVE_INFINITY, lastMs: 0 };
  readonly skus = new Set<string>();
  private readonly slices: Generator<StockpulseEvent[], void, undefined>;
  private pending: string[] = [];
  private flushed = false;

  constructor(
    readonly opts: { seed: number; days: number; targetEvents: number; nowMs: number; batch: number },
  ) {
    // Slight overshoot, so that "10M" is at least 10M (the id index grows past 10.07M ids).
    const perDay = (opts.targetEvents * 1.01) / opts.days;
    this.scale = Math.max(0.01, (perDay - EVENTS_PER_DAY_FIXED) / EVENTS_PER_DAY_PER_SCALE);
    this.startMs = defaultStart(opts.days, opts.nowMs).getTime();
    const sim = createSimulation({ seed: opts.seed, start: new Date(this.startMs), scale: this.scale, products: 400 });
    const self = this;
    this.slices = (function* () {
      yield* simulateUntil(sim, new Date(opts.nowMs), 6 * HOUR_MS);
      self.flushed = true;
      const held = sim.flush();
      if (held.length > 0) yield held;
    })();
  }

  get done(): boolean {
    return this.flushed && this.pending.length === 0;
  }

  /** Pulls at least `events` events (whole bodies; fewer only at the end of the simulation). */
  next(events: number): Slice {
    const t0 = performance.now();
    const bodies: Buffer[] = [];
    let n = 0;
    let bytes = 0;
    const cut = () => {
      const body = Buffer.from(`[${this.pending.join(',')}]`, 'utf8');
      bodies.push(body);
      n += this.pending.length;
      bytes += body.length;
      this.pending = [];
    };
    let ended = false;
    while (n < events) {
      const r = this.slices.next();
      if (r.done) {
        ended = true;
        break;
      }
      for (const e of r.value) {
        this.observe(e);
        this.pending.push(JSON.stringify(e));
        if (this.pending.length === this.opts.batch) cut();
      }
    }
    // A partial body waits for the next slice, except at the end of the simulation.
    if (ended && this.pending.length > 0) cut();
    const ms = performance.now() - t0;
    this.stats.generateMs += ms;
    return { bodies, events: n, bytes, generateMs: ms };
  }

  /** Everything that is left. */
  rest(): Slice {
    return this.next(Number.MAX_SAFE_INTEGER);
  }

  private observe(e: StockpulseEvent): void {
    const s = this.stats;
    s.events++;
    s.byType[e.type] = (s.byType[e.type] ?? 0) + 1;
    const t = Date.parse(e.occurred_at);
    if (t < s.firstMs) s.firstMs = t;
    if (t > s.lastMs) s.lastMs = t;
    if (e.type === 'product.upserted') this.skus.add(e.data.sku);
    if (s.events % VALIDATE_EVERY === 1) {
      s.validated++;
      const v = validateEvent(e, this.opts.nowMs);
      if (!v.ok && s.invalid.length < 10) s.invalid.push({ id: e.id, errors: v.errors });
    }
  }
}

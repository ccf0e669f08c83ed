import type { EventData, EventType, StockpulseEvent } from '@stockpulse/metrics';
import { Rng, type WeightedTable } from './rng.js';
import { TimeQueue } from './queue.js';
import { isoTime, MINUTE, HOUR } from './time.js';
import type { Customer, Order, Product, Segment, Supplier } from './types.js';
import type { StockBook } from './stock.js';
import type { Purchasing } from './purchasing.js';

export interface WorldConfig {
  seed: number;
  start: number;
  scale: number;
  ordersPerDay: number;
  products: number;
  customers: number;
}

interface Action {
  t: number;
  seq: number;
  run: () => void;
}

interface HeldEvent {
  t: number;
  seq: number;
  event: StockpulseEvent;
}

/**
 * Share of events an integration delivers late (minutes to hours after they happened).
 * Carriers and survey tools batch their webhooks, so they are late more often.
 */
const LATE_SHARE: Partial<Record<EventType, number>> = {
  'shipment.status_changed': 0.03,
  'feedback.submitted': 0.03,
  'stock.moved': 0.005,
  'order.status_changed': 0.004,
  'order.placed': 0.002,
  'backorder.filled': 0.005,
};

/**
 * The discrete-event engine: a clock, a queue of scheduled actions, and the stream of
 * emitted events. Every event gets `occurred_at` = the current clock, so `advanceTo(t)`
 * never returns an event from after `t`; late delivery only ever postpones events.
 * Actions run in (time, sequence) order, which makes the output independent of how the
 * caller slices time.
 */
export class World {
  readonly rng: Rng;
  now: number;
  /** Short tag that keeps entity ids of runs with another seed or start apart. */
  readonly runTag: string;
  private readonly idPrefix: string;
  private eventCount = 0;
  private seq = 0;
  /** Actions of the hours loaded so far; later ones wait in hourly buckets (keeps the heap small). */
  private readonly actions = new TimeQueue<Action>();
  private readonly later = new Map<number, Action[]>();
  private loadedHour: number;
  private readonly held = new TimeQueue<HeldEvent>();
  private out: StockpulseEvent[] = [];
  private nowIso = '';
  private nowIsoAt = Number.NaN;
  private readonly entityCounters = new Map<string, number>();

  suppliers: Supplier[] = [];
  products: Product[] = [];
  customers: Customer[] = [];
  customerTables!: Record<Segment, { list: Customer[]; table: WeightedTable }>;
  demand!: WeightedTable;
  /** Current popularity per product (promotions and launches change it). */
  demandWeights!: Float64Array;
  stock!: StockBook;
  purchasing!: Purchasing;
  readonly openOrders = new Set<Order>();

  constructor(
    readonly cfg: WorldConfig,
    runTag: string,
  ) {
    this.rng = new Rng(`model:${cfg.seed}:${cfg.start}:${cfg.scale}`);
    this.now = cfg.start;
    this.loadedHour = Math.floor(cfg.start / HOUR);
    this.runTag = runTag;
    this.idPrefix = `sim-${cfg.seed}-${runTag}-`;
  }

  /** Schedules `run` at time `t` (never in the past). */
  at(t: number, run: () => void): void {
    const action = { t: t > this.now ? Math.floor(t) : this.now, seq: this.seq++, run };
    const hour = Math.floor(action.t / HOUR);
    if (hour <= this.loadedHour) {
      this.actions.push(action);
      return;
    }
    const bucket = this.later.get(hour);
    if (bucket === undefined) this.later.set(hour, [action]);
    else bucket.push(action);
  }

  after(ms: number, run: () => void): void {
    this.at(this.now + ms, run);
  }

  /** A fresh entity id such as `SO-k3f9a-000123`. */
  nextId(prefix: string, width = 6): string {
    const n = (this.entityCounters.get(prefix) ?? 0) + 1;
    this.entityCounters.set(prefix, n);
    return `${prefix}-${this.runTag}-${String(n).padStart(width, '0')}`;
  }

  emit<T extends EventType>(type: T, source: string, data: EventData<T>): void {
    if (this.nowIsoAt !== this.now) {
      this.nowIsoAt = this.now;
      this.nowIso = isoTime(this.now);
    }
    // Zero-padded counter: ids sort like the emission order (metrics break time ties by id).
    const id = this.idPrefix + String(++this.eventCount).padStart(10, '0');
    const event = { id, type, occurred_at: this.nowIso, source, data } as StockpulseEvent;
    const lateShare = LATE_SHARE[type];
    if (lateShare !== undefined && this.rng.next() < lateShare) {
      const delay = this.rng.logBetween(2 * MINUTE, 6 * HOUR);
      this.held.push({ t: this.now + delay, seq: this.seq++, event });
    } else {
      this.out.push(event);
    }
  }

  /** Runs every action due by `until` and returns the events delivered by then, in order. */
  run(until: number): StockpulseEvent[] {
    const out: StockpulseEvent[] = [];
    this.out = out;
    for (;;) {
      let next = this.actions.peek();
      // Bring in the next hour while nothing loaded comes before it.
      while ((next === undefined || next.t >= (this.loadedHour + 1) * HOUR) && (this.loadedHour + 1) * HOUR <= until) {
        this.loadHour(this.loadedHour + 1);
        next = this.actions.peek();
      }
      if (next === undefined || next.t > until) break;
      this.actions.pop();
      this.release(next.t);
      this.now = next.t;
      next.run();
    }
    this.release(until);
    if (until > this.now) this.now = until;
    return out;
  }

  /** Delivers every held-back late event now (end of a bounded run: nothing is lost). */
  flushHeld(): StockpulseEvent[] {
    const out: StockpulseEvent[] = [];
    for (let e = this.held.pop(); e !== undefined; e = this.held.pop()) out.push(e.event);
    return out;
  }

  get eventsEmitted(): number {
    return this.eventCount;
  }

  private loadHour(hour: number): void {
    this.loadedHour = hour;
    const bucket = this.later.get(hour);
    if (bucket === undefined) return;
    this.later.delete(hour);
    for (const a of bucket) this.actions.push(a);
  }

  private release(t: number): void {
    for (let e = this.held.peek(); e !== undefined && e.t <= t; e = this.held.peek()) {
      this.held.pop();
      this.out.push(e.event);
    }
  }
}

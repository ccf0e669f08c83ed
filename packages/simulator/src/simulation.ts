import type { StockpulseEvent } from '@stockpulse/metrics';
import { hash32 } from './rng.js';
import { setUpWorld } from './setup.js';
import { warehouseOf } from './stock.js';
import { HOUR } from './time.js';
import { World } from './world.js';

export interface SimulationOptions {
  seed: number;
  start: Date;
  /** Multiplies order volume (1 = about 1,000 orders a day); customers grow with it. */
  scale?: number;
  /** Overrides the catalog size (default 400 at scale >= 1, fewer below). */
  products?: number;
  /** Overrides the number of customers (default 3,000 x scale). */
  customers?: number;
}

export interface Simulation {
  readonly seed: number;
  readonly start: Date;
  /** Simulated time reached so far. */
  readonly now: Date;
  /** Events emitted so far (including held-back late ones). */
  readonly emitted: number;
  /** Runs the business up to `t` (inclusive) and returns the events delivered by then, in stream order. */
  advanceTo(t: Date): StockpulseEvent[];
  /** Releases the late events still held back (for the end of a bounded run). */
  flush(): StockpulseEvent[];
  /** The simulator's own stock book: on-hand per `sku@warehouse`. */
  stockBook(): Map<string, number>;
}

export const BASE_ORDERS_PER_DAY = 1000;

/** Default sizes: 400 products and 3,000 customers at scale 1; small scales shrink both. */
export function defaultSizes(scale: number): { products: number; customers: number } {
  return {
    products: Math.max(40, Math.round(400 * Math.min(1, Math.sqrt(scale)))),
    customers: Math.max(100, Math.round(3000 * scale)),
  };
}

/** A 5-character tag of (seed, start) that keeps entity ids of different runs apart. */
export function runTag(seed: number, startMs: number): string {
  return (hash32(`${seed}:${startMs}`) % 36 ** 5).toString(36).padStart(5, '0');
}

export function createSimulation(opts: SimulationOptions): Simulation {
  const scale = opts.scale ?? 1;
  if (!Number.isFinite(opts.seed)) throw new RangeError('seed must be a finite number');
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError('scale must be > 0');
  const start = opts.start.getTime();
  if (Number.isNaN(start)) throw new RangeError('start must be a valid date');
  const sizes = defaultSizes(scale);
  const world = new World(
    {
      seed: opts.seed,
      start,
      scale,
      ordersPerDay: BASE_ORDERS_PER_DAY * scale,
      products: opts.products ?? sizes.products,
      customers: opts.customers ?? sizes.customers,
    },
    runTag(opts.seed, start),
  );
  setUpWorld(world);
  return {
    seed: opts.seed,
    start: new Date(start),
    get now() {
      return new Date(world.now);
    },
    get emitted() {
      return world.eventsEmitted;
    },
    advanceTo(t) {
      const until = t.getTime();
      if (Number.isNaN(until)) throw new RangeError('advanceTo: invalid date');
      return world.run(until);
    },
    flush: () => world.flushHeld(),
    stockBook() {
      const book = new Map<string, number>();
      world.stock.onHand.forEach((qty, k) => book.set(`${world.products[k >> 1]?.sku}@${warehouseOf(k)}`, qty));
      return book;
    },
  };
}

/**
 * Steps a simulation to `until` in slices (an hour by default) and yields each slice's
 * events, so callers stream millions of events without holding them all.
 */
export function* simulateUntil(sim: Simulation, until: Date, stepMs = HOUR): Generator<StockpulseEvent[], void, undefined> {
  const end = until.getTime();
  for (let t = Math.min(sim.now.getTime() + stepMs, end); ; t = Math.min(t + stepMs, end)) {
    const events = sim.advanceTo(new Date(t));
    if (events.length > 0) yield events;
    if (t >= end) return;
  }
}

import type { StockpulseEvent } from '@stockpulse/metrics';
import type { Simulation } from './simulation.js';
import { DAY, HOUR, dayStart } from './time.js';

/** The API rejects events more than 24 h ahead; live mode never runs further ahead than this. */
export const MAX_AHEAD_MS = 23 * HOUR;

export interface PlayOptions {
  /** End of the backfill; never later than the wall clock (the API refuses the future). */
  until: Date;
  /** After the backfill, keep producing events as their time comes. */
  live?: boolean;
  /** Live time multiplier (1 = real time). */
  speed?: number;
  /** Stops the stream at the next slice (graceful: what was yielded stays yielded). */
  signal?: AbortSignal;
  /** Backfill slice (default 1 h of simulated time). */
  stepMs?: number;
  /** Live tick (default 1 s). */
  tickMs?: number;
  /** Wall clock, injectable for tests. */
  clock?: () => number;
  /** Called after each slice with the simulated time reached, the slice size and the model time it took. */
  onAdvance?: (simNow: number, events: number, modelMs: number) => void;
  /** Called once when --speed outruns the 24 h limit and live time is held back. */
  onHeldBack?: () => void;
}

/** Default backfill start: `days` before now, at 00:00 UTC, so runs on the same day are identical. */
export function defaultStart(days: number, nowMs: number): Date {
  return new Date(dayStart(nowMs - days * DAY));
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Plays a simulation: the backfill up to `until` in slices, then (live) every tick whatever
 * has come due. Live time starts at the later of the backfill end and now, then runs at
 * `speed`, held back to now + 23 h. A bounded run ends by releasing the held-back late events.
 */
export async function* playEvents(sim: Simulation, opts: PlayOptions): AsyncGenerator<StockpulseEvent[], void, undefined> {
  const clock = opts.clock ?? Date.now;
  const stepMs = opts.stepMs ?? HOUR;
  const stopped = (): boolean => opts.signal?.aborted === true;
  const advance = (to: number): StockpulseEvent[] => {
    const t0 = performance.now();
    const events = sim.advanceTo(new Date(to));
    opts.onAdvance?.(to, events.length, performance.now() - t0);
    return events;
  };
  const end = Math.min(opts.until.getTime(), clock());
  while (sim.now.getTime() < end && !stopped()) {
    const events = advance(Math.min(sim.now.getTime() + stepMs, end));
    if (events.length > 0) yield events;
  }
  if (stopped()) return;
  if (!opts.live) {
    const held = sim.flush();
    opts.onAdvance?.(sim.now.getTime(), held.length, 0);
    if (held.length > 0) yield held;
    return;
  }
  const speed = opts.speed ?? 1;
  const wall0 = clock();
  const from = Math.max(sim.now.getTime(), wall0);
  let warned = false;
  while (!stopped()) {
    const wall = clock();
    let target = from + (wall - wall0) * speed;
    if (target > wall + MAX_AHEAD_MS) {
      if (!warned) opts.onHeldBack?.();
      warned = true;
      target = wall + MAX_AHEAD_MS;
    }
    // Catching up (first tick, or after a stall) still goes in slices.
    while (sim.now.getTime() < target && !stopped()) {
      const events = advance(Math.min(sim.now.getTime() + stepMs, target));
      if (events.length > 0) yield events;
    }
    await pause(opts.tickMs ?? 1000, opts.signal);
  }
}

import { describe, expect, it } from 'vitest';
import type { StockpulseEvent } from '@stockpulse/metrics';
import { MAX_AHEAD_MS, defaultStart, playEvents } from './play.js';
import { createSimulation } from './simulation.js';

const HOUR = 3_600_000;
const START = new Date('2026-03-02T00:00:00Z');

describe('playEvents', () => {
  it('backfills to `until`, never past the wall clock, then ends with the held-back events', async () => {
    const sim = createSimulation({ seed: 3, start: START, scale: 0.1 });
    const wall = START.getTime() + 30 * HOUR;
    const chunks: StockpulseEvent[][] = [];
    for await (const chunk of playEvents(sim, { until: new Date(START.getTime() + 48 * HOUR), clock: () => wall })) chunks.push(chunk);
    expect(sim.now.getTime()).toBe(wall);
    const events = chunks.flat();
    expect(events.every((e) => Date.parse(e.occurred_at) <= wall)).toBe(true);
    expect(sim.flush()).toEqual([]);
  });

  it('goes live at speed, holds back 23 h ahead of the clock, and stops on abort', async () => {
    const sim = createSimulation({ seed: 3, start: START, scale: 0.1 });
    let wall = START.getTime() + 2 * HOUR;
    const stop = new AbortController();
    let heldBack = 0;
    let latest = 0;
    let afterHeldBack = 0;
    // Each look at the clock is one wall minute later: one simulated hour at x60.
    const clock = (): number => (wall += 60_000);
    const play = playEvents(sim, { until: new Date(wall), live: true, speed: 60, tickMs: 1, clock, signal: stop.signal, onHeldBack: () => heldBack++ });
    for await (const chunk of play) {
      for (const e of chunk) latest = Math.max(latest, Date.parse(e.occurred_at));
      expect(latest).toBeLessThanOrEqual(wall + MAX_AHEAD_MS);
      if (heldBack > 0 && ++afterHeldBack > 2) stop.abort();
    }
    expect(heldBack).toBe(1);
    expect(sim.now.getTime()).toBeGreaterThan(START.getTime() + 20 * HOUR);
  });

  it('starts the default backfill at midnight UTC', () => {
    expect(defaultStart(30, Date.parse('2026-11-22T15:42:10Z')).toISOString()).toBe('2026-10-23T00:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { validateEvent, type StockpulseEvent } from '@stockpulse/metrics';
import { createSimulation, simulateUntil } from './simulation.js';

const START = new Date('2026-03-02T00:00:00Z');
const DAY = 86_400_000;

function run(seed: number, days: number, stepMs: number, scale = 0.3): StockpulseEvent[] {
  const sim = createSimulation({ seed, start: START, scale });
  const events = [...simulateUntil(sim, new Date(START.getTime() + days * DAY), stepMs)].flat();
  return events.concat(sim.flush());
}

describe('a 7-day simulation', () => {
  const events = run(7, 7, 3_600_000);
  const end = START.getTime() + 7 * DAY;

  it('produces only events the contract accepts', () => {
    expect(events.length).toBeGreaterThan(10_000);
    const failures: unknown[] = [];
    for (const e of events) {
      // `now` = the end of the run: the strictest clock an ingest at that moment would use.
      const v = validateEvent(e, end);
      if (!v.ok && failures.length < 5) failures.push({ id: e.id, type: e.type, errors: v.errors });
    }
    expect(failures).toEqual([]);
  });

  it('gives every event a unique id and never an occurred_at past the run', () => {
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.filter((e) => Date.parse(e.occurred_at) > end)).toEqual([]);
  });

  it('emits every event type of the contract', () => {
    const types = new Set(events.map((e) => e.type));
    expect([...types].sort()).toEqual([
      'backorder.eta_updated',
      'backorder.filled',
      'customer.upserted',
      'feedback.submitted',
      'order.amended',
      'order.backordered',
      'order.placed',
      'order.status_changed',
      'product.upserted',
      'purchase_order.created',
      'shipment.dispatched',
      'shipment.status_changed',
      'stock.counted',
      'stock.moved',
      'supplier.upserted',
    ]);
  });

  it('rounds money to cents and ends timestamps in Z with milliseconds', () => {
    for (const e of events) expect(e.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const prices = events.flatMap((e) => (e.type === 'order.placed' ? e.data.lines.map((l) => l.unit_price) : []));
    expect(prices.every((p) => Math.round(p * 100) / 100 === p)).toBe(true);
  });
});

describe('determinism', () => {
  it('repeats itself exactly for the same seed and start, however time is sliced', () => {
    const hourly = JSON.stringify(run(11, 3, 3_600_000, 0.2));
    expect(JSON.stringify(run(11, 3, 3_600_000, 0.2))).toBe(hourly);
    expect(JSON.stringify(run(11, 3, 7 * 60_000 + 13, 0.2))).toBe(hourly);
    expect(JSON.stringify(run(11, 3, 3 * DAY, 0.2))).toBe(hourly);
  });

  it('differs for another seed, with ids that do not collide', () => {
    const a = run(11, 2, 3_600_000, 0.2);
    const b = run(12, 2, 3_600_000, 0.2);
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    const ids = new Set(a.map((e) => e.id));
    expect(b.some((e) => ids.has(e.id))).toBe(false);
  });

  it('keeps the catalog of a seed whatever the start date', () => {
    const catalog = (start: Date) =>
      createSimulation({ seed: 5, start, scale: 0.2 })
        .advanceTo(start)
        .filter((e) => e.type === 'product.upserted')
        .map((e) => e.data);
    expect(catalog(new Date('2026-05-01T00:00:00Z'))).toEqual(catalog(START));
  });

  it('refuses to go back in time quietly: earlier targets return nothing', () => {
    const sim = createSimulation({ seed: 1, start: START, scale: 0.1 });
    expect(sim.advanceTo(new Date(START.getTime() + DAY)).length).toBeGreaterThan(0);
    expect(sim.advanceTo(START)).toEqual([]);
    expect(sim.now.getTime()).toBe(START.getTime() + DAY);
  });
});

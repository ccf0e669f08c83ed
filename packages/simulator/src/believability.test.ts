import { describe, expect, it } from 'vitest';
import { sentimentScore, type StockpulseEvent } from '@stockpulse/metrics';
import { createSimulation, simulateUntil } from './simulation.js';

/** Checks that the demo business behaves like one: each of these can fail if the model breaks. */

const START = new Date('2026-03-02T00:00:00Z');
const DAYS = 28;
const sim = createSimulation({ seed: 42, start: START, scale: 0.3 });
const events: StockpulseEvent[] = [...simulateUntil(sim, new Date(START.getTime() + DAYS * 86_400_000))].flat().concat(sim.flush());
const ofType = <T extends StockpulseEvent['type']>(type: T) => events.filter((e): e is Extract<StockpulseEvent, { type: T }> => e.type === type);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

interface OrderFacts {
  placedAt: number;
  backordered: number;
  status: string;
}

const orders = new Map<string, OrderFacts>();
for (const e of events) {
  if (e.type === 'order.placed') {
    const backordered = e.data.lines.reduce((acc, l) => acc + (l.backordered_qty ?? 0), 0);
    orders.set(e.data.order_id, { placedAt: Date.parse(e.occurred_at), backordered, status: 'placed' });
  } else if (e.type === 'order.backordered') {
    const o = orders.get(e.data.order_id);
    if (o) o.backordered += e.data.qty;
  }
}
for (const e of ofType('order.status_changed')) {
  const o = orders.get(e.data.order_id);
  if (o) o.status = e.data.status;
}
const backorderedOrders = [...orders].filter(([, o]) => o.backordered > 0);

describe('backorders', () => {
  it('happen, on a minority of orders', () => {
    const rate = backorderedOrders.length / orders.size;
    expect(rate).toBeGreaterThan(0.02);
    expect(rate).toBeLessThan(0.3);
  });

  it('are partly filled from receipts and partly cancelled by customers who gave up', () => {
    const filled = new Set(ofType('backorder.filled').map((e) => e.data.order_id));
    expect(backorderedOrders.filter(([id]) => filled.has(id)).length).toBeGreaterThan(20);
    const cancelled = ofType('order.status_changed').filter((e) => e.data.status === 'cancelled' && e.data.reason !== 'customer request');
    expect(cancelled.length).toBeGreaterThan(5);
    expect(cancelled.every((e) => (orders.get(e.data.order_id)?.backordered ?? 0) > 0)).toBe(true);
  });

  it('are sometimes found only after placement (shown in stock, not on the shelf), with expected dates', () => {
    const late = ofType('order.backordered');
    expect(late.length).toBeGreaterThan(5);
    expect(late.some((e) => e.data.expected_date !== undefined)).toBe(true);
    expect(ofType('backorder.eta_updated').length).toBeGreaterThan(0);
  });
});

describe('stock', () => {
  // Replays the warehouse's events the way metrics.md defines on-hand: by occurred_at, ties by id.
  const stockEvents = [...ofType('stock.moved'), ...ofType('stock.counted')].sort((a, b) => a.occurred_at.localeCompare(b.occurred_at) || a.id.localeCompare(b.id));
  const book = new Map<string, number>();
  let negative = 0;
  let counts = 0;
  let discrepancies = 0;
  for (const e of stockEvents) {
    const key = `${e.data.sku}@${e.data.warehouse ?? 'main'}`;
    if (e.type === 'stock.counted') {
      counts++;
      if ((book.get(key) ?? 0) !== e.data.counted_qty) discrepancies++;
      book.set(key, e.data.counted_qty);
    } else {
      const next = (book.get(key) ?? 0) + e.data.qty_delta;
      if (next < 0) negative++;
      book.set(key, next);
    }
  }

  it('never goes negative in the book, and the events add up to the simulator book', () => {
    expect(negative).toBe(0);
    expect(book).toEqual(sim.stockBook());
  });

  it('has counts, a small share of which find a discrepancy', () => {
    expect(counts).toBeGreaterThan(50);
    expect(discrepancies).toBeGreaterThan(0);
    expect(discrepancies / counts).toBeLessThan(0.5);
  });

  it('is replenished by purchase orders received with their po_id', () => {
    const pos = new Set(ofType('purchase_order.created').map((e) => e.data.po_id));
    const receipts = ofType('stock.moved').filter((e) => e.data.reason === 'receipt');
    expect(receipts.length).toBeGreaterThan(20);
    expect(receipts.every((e) => e.data.po_id !== undefined && pos.has(e.data.po_id))).toBe(true);
  });
});

describe('customers', () => {
  const feedback = ofType('feedback.submitted');

  it('score orders with backorders lower, in NPS and in words', () => {
    const hadBackorder = (e: (typeof feedback)[number]) => (orders.get(e.data.order_id ?? '')?.backordered ?? 0) > 0;
    const nps = (bo: boolean) => mean(feedback.filter((e) => hadBackorder(e) === bo && e.data.nps !== undefined).map((e) => e.data.nps as number));
    const words = (bo: boolean) => mean(feedback.filter((e) => hadBackorder(e) === bo && e.data.text).map((e) => sentimentScore(e.data.text) as number));
    expect(nps(true)).toBeLessThan(nps(false) - 1.5);
    expect(words(true)).toBeLessThan(0);
    expect(words(false)).toBeGreaterThan(0);
  });

  it('order more at 14:00 than at 03:00, and more on Mondays than on Sundays', () => {
    const placed = [...orders.values()].map((o) => new Date(o.placedAt));
    const at = (h: number) => placed.filter((d) => d.getUTCHours() === h).length;
    expect(at(3) * 5).toBeLessThan(at(14));
    const on = (wd: number) => placed.filter((d) => d.getUTCDay() === wd).length;
    expect(on(0)).toBeLessThan(on(1) * 0.85);
  });
});

describe('orders and parcels', () => {
  it('move through their stages in order; a few stall in preparation for over 48 h', () => {
    const stages = ['confirmed', 'in_preparation', 'packed', 'shipped', 'delivered'];
    const seen = new Map<string, string[]>();
    let stalled = 0;
    const prep = new Map<string, number>();
    const byTime = ofType('order.status_changed').sort((a, b) => a.occurred_at.localeCompare(b.occurred_at) || a.id.localeCompare(b.id));
    for (const e of byTime) {
      seen.set(e.data.order_id, [...(seen.get(e.data.order_id) ?? []), e.data.status]);
      const t = Date.parse(e.occurred_at);
      if (e.data.status === 'in_preparation') prep.set(e.data.order_id, t);
      if (e.data.status === 'packed' && t - (prep.get(e.data.order_id) ?? t) > 48 * 3_600_000) stalled++;
    }
    const delivered = [...seen.values()].filter((s) => s.at(-1) === 'delivered');
    expect(delivered.length).toBeGreaterThan(orders.size * 0.6);
    expect(delivered.filter((s) => s.join() !== stages.join())).toEqual([]);
    expect(stalled).toBeGreaterThan(0);
  });

  it('are late more often with one carrier, and backorder shipments carry an expedite cost', () => {
    const dispatched = new Map(ofType('shipment.dispatched').map((e) => [e.data.shipment_id, e.data]));
    const delayed = new Map<string, number>();
    for (const e of ofType('shipment.status_changed')) {
      if (e.data.status !== 'delayed') continue;
      const carrier = dispatched.get(e.data.shipment_id)?.carrier ?? '?';
      delayed.set(carrier, (delayed.get(carrier) ?? 0) + 1);
    }
    const share = (carrier: string) => (delayed.get(carrier) ?? 0) / [...dispatched.values()].filter((d) => d.carrier === carrier).length;
    expect(share('SwiftShip')).toBeGreaterThan(2 * share('Parcelo'));
    const backorderShipments = [...dispatched.values()].filter((d) => d.backorder);
    expect(backorderShipments.length).toBeGreaterThan(10);
    expect(backorderShipments.some((d) => (d.expedite_cost ?? 0) > 0)).toBe(true);
  });
});

describe('real-life integration noise', () => {
  it('delivers some events late, out of order', () => {
    let outOfOrder = 0;
    for (let i = 1; i < events.length; i++) if ((events[i] as StockpulseEvent).occurred_at < (events[i - 1] as StockpulseEvent).occurred_at) outOfOrder++;
    expect(outOfOrder).toBeGreaterThan(10);
    expect(outOfOrder / events.length).toBeLessThan(0.05);
  });

  it('sends some orders before the catalog or CRM knows their product or customer', () => {
    const firstSeen = (type: 'product.upserted' | 'customer.upserted', key: (e: StockpulseEvent) => string) => {
      const m = new Map<string, number>();
      for (const e of events) if (e.type === type && !m.has(key(e))) m.set(key(e), Date.parse(e.occurred_at));
      return m;
    };
    const products = firstSeen('product.upserted', (e) => (e.data as { sku: string }).sku);
    const customers = firstSeen('customer.upserted', (e) => (e.data as { customer_id: string }).customer_id);
    const placed = ofType('order.placed');
    const early = (known: Map<string, number>, ids: (e: (typeof placed)[number]) => string[]) =>
      placed.filter((e) => ids(e).some((id) => Date.parse(e.occurred_at) < (known.get(id) ?? Infinity))).length;
    expect(early(products, (e) => e.data.lines.map((l) => l.sku))).toBeGreaterThan(0);
    expect(early(customers, (e) => [e.data.customer_id])).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/harness.js';

const NOW = '2026-11-20T12:00:00Z';
let t: TestApp;
const ev = (id: string, type: string, at: string, data: object) => ({ id, type, occurred_at: at, data });

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
  await t.post([
    ev('p1', 'product.upserted', '2026-11-01T00:00:00Z', { sku: 'A', name: 'Hammer', category: 'Tools', unit_cost: 5, unit_price: 10 }),
    ev('p2', 'product.upserted', '2026-11-01T00:00:00Z', { sku: 'B', name: 'Rake', category: 'Garden', unit_cost: 2, unit_price: 4 }),
    ev('c1', 'customer.upserted', '2026-11-01T00:00:00Z', { customer_id: 'c1', segment: 'retail' }),
    ev('c2', 'customer.upserted', '2026-11-01T00:00:00Z', { customer_id: 'c2', segment: 'wholesale' }),
    ev('o1', 'order.placed', '2026-11-02T10:00:00Z', { order_id: 'o1', customer_id: 'c1', lines: [{ sku: 'A', qty: 3, unit_price: 10, backordered_qty: 1 }, { sku: 'B', qty: 2, unit_price: 4 }] }),
    ev('o2', 'order.placed', '2026-11-03T10:00:00Z', { order_id: 'o2', customer_id: 'c2', lines: [{ sku: 'B', qty: 5, unit_price: 4 }] }),
    ev('o3', 'order.placed', '2026-11-04T10:00:00Z', { order_id: 'o3', customer_id: 'c1', lines: [{ sku: 'B', qty: 1, unit_price: 4 }] }),
  ]);
  await t.flush();
});
afterAll(() => t.close());

describe('drill-down records', () => {
  it('lists the orders behind backorder_rate, filtered by a customer dimension', async () => {
    const r = await t.get('/v1/metrics/backorder_rate/records?from=2026-11-01&to=2026-11-08&segment=retail&sort=placed_at');
    expect(r.statusCode).toBe(200);
    const body = r.json() as { rows: { order_id: string; has_backorder: boolean; revenue: number; segment: string }[] };
    expect(body.rows.map((x) => [x.order_id, x.has_backorder, x.revenue, x.segment])).toEqual([
      ['o1', true, 38, 'retail'],
      ['o3', false, 4, 'retail'],
    ]);
    const kpi = await t.metric('backorder_rate', { from: '2026-11-01', to: '2026-11-08', segment: 'retail' });
    expect(kpi.rows[0]).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('counts an order in each category it has lines in, with that category lines only', async () => {
    const r = await t.get('/v1/metrics/orders/records?from=2026-11-01&to=2026-11-08&category=Garden&sort=order_id');
    const rows = (r.json() as { rows: { order_id: string; revenue: number; lines: number }[] }).rows;
    expect(rows.map((x) => [x.order_id, x.lines, x.revenue])).toEqual([
      ['o1', 1, 8],
      ['o2', 1, 20],
      ['o3', 1, 4],
    ]);
  });

  it('pages with a cursor and exports the same rows as CSV', async () => {
    const first = (await t.get('/v1/metrics/revenue/records?from=2026-11-01&to=2026-11-08&limit=2&sort=order_id')).json() as { rows: { order_id: string; sku: string }[]; next_cursor: string };
    expect(first.rows).toHaveLength(2);
    const second = (await t.get(`/v1/metrics/revenue/records?from=2026-11-01&to=2026-11-08&limit=2&sort=order_id&cursor=${first.next_cursor}`)).json() as { rows: { order_id: string; sku: string }[]; next_cursor: string | null };
    expect(second.rows).toHaveLength(2);
    expect(second.next_cursor).toBeNull();
    const csv = await t.get('/v1/metrics/revenue/records?from=2026-11-01&to=2026-11-08&sort=order_id&format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]?.split(',').slice(0, 3)).toEqual(['placed_at', 'order_id', 'sku']);
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 3).join(':'))).toEqual([...first.rows, ...second.rows].map((x) => `${x.order_id}:${x.sku}`));
  });
});

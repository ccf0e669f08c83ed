import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClickHouse, type ClickHouseStore } from '@stockpulse/store';
import { validateEvent } from '../../contract/validate.js';
import { migrate } from '../../schema/migrations.js';
import { bindParams } from '../compile.js';
import { parseMetricQuery, type MetricQuery } from '../query.js';
import { runMetric, type MetricRow } from '../run.js';
import { formatInZone, nextBucketStart } from '../time.js';
import { gridParams } from './grid.js';
import { snapshotsSql } from './inventory.js';

/*
 * The stock SQL against a plain reading of metrics.md, on random events: on-hand per
 * (sku, warehouse) is the running sum of qty_delta, reset to counted_qty by each count, in
 * (occurred_at, event_id byte) order; events from the end of the period on are ignored; an
 * event sent twice counts once. Ties in occurred_at are frequent on purpose.
 */

const DAY = 86_400_000;
const T0 = Date.parse('2026-10-01T00:00:00Z');
const NOW = Date.parse('2026-11-06T12:00:00Z');

/** Deterministic random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface StockEvent {
  id: string;
  counted: boolean;
  ms: number;
  sku: string;
  warehouse: string;
  qty: number;
}

interface Product {
  sku: string;
  category: string;
  /** Cost in 1/10000 of the currency, so the reference sums exactly. */
  cost4: number;
  reorderPoint: number;
}

const SKUS = ['A-1', 'A-2', 'B-1', 'B-2', 'C-1', 'Z-unknown'];
const WAREHOUSES = ['main', 'east', 'w2'];
const PRODUCTS: Product[] = [
  { sku: 'A-1', category: 'Tools', cost4: 12_500, reorderPoint: 40 },
  { sku: 'A-2', category: 'Tools', cost4: 3_333, reorderPoint: 0 },
  { sku: 'B-1', category: 'Garden', cost4: 99_999, reorderPoint: 25 },
  { sku: 'B-2', category: 'Garden', cost4: 10_000, reorderPoint: 60 },
  { sku: 'C-1', category: 'Paint', cost4: 7_050, reorderPoint: 15 },
  { sku: 'D-silent', category: 'Paint', cost4: 50_000, reorderPoint: 5 },
];

/** A few thousand moves and counts over 37 days (past NOW: those are after every period's end). */
function generate(seed: number): { events: StockEvent[]; resent: StockEvent[] } {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const events: StockEvent[] = [];
  for (let i = 0; i < 3000; i++) {
    const sku = pick(SKUS);
    // Some pairs are never counted; 'C-1' only lives in 'east'.
    const warehouse = sku === 'C-1' ? 'east' : pick(WAREHOUSES);
    const neverCounted = sku === 'A-2' && warehouse === 'w2';
    // Whole hours and a few half hours or odd milliseconds: many ties in occurred_at.
    const ms = T0 + Math.floor(rnd() * 37 * 24) * 3_600_000 + pick([0, 0, 0, 1_800_000, Math.floor(rnd() * 1000)]);
    const counted = !neverCounted && rnd() < 0.07;
    // Ids of different lengths and cases: byte order is not length order.
    const id = `${pick(['e', 'E', 'ev', 'e-'])}${Math.floor(rnd() * 1e6).toString(36)}-${i}`;
    const qty = counted ? Math.floor(rnd() * 120) : pick([-1, 1]) * (1 + Math.floor(rnd() * 15));
    events.push({ id, counted, ms, sku, warehouse, qty });
  }
  return { events, resent: events.filter(() => rnd() < 0.1) };
}

function rawRow(e: StockEvent): unknown {
  const data = e.counted
    ? { sku: e.sku, counted_qty: e.qty, ...(e.warehouse === 'main' ? {} : { warehouse: e.warehouse }) }
    : { sku: e.sku, qty_delta: e.qty, reason: e.qty < 0 ? 'sale' : 'receipt', ...(e.warehouse === 'main' ? {} : { warehouse: e.warehouse }) };
  const v = validateEvent({ id: e.id, type: e.counted ? 'stock.counted' : 'stock.moved', occurred_at: new Date(e.ms).toISOString(), data }, NOW);
  if (!v.ok) throw new Error(v.errors.join('; '));
  return v.row;
}

function productRows(): unknown[] {
  return PRODUCTS.flatMap((p, i) => {
    const upsert = (id: string, ms: number, cost: number) => {
      const v = validateEvent(
        {
          id,
          type: 'product.upserted',
          occurred_at: new Date(ms).toISOString(),
          data: { sku: p.sku, name: p.sku, category: p.category, unit_cost: cost, unit_price: 100, reorder_point: p.reorderPoint },
        },
        NOW,
      );
      if (!v.ok) throw new Error(v.errors.join('; '));
      return v.row;
    };
    // An older cost first: the latest one is the product's cost.
    return [upsert(`p-${i}-old`, T0 - 2 * DAY, 1), upsert(`p-${i}`, T0 - DAY, p.cost4 / 10_000)];
  });
}

const byteOrder = (a: StockEvent, b: StockEvent) => a.ms - b.ms || Buffer.compare(Buffer.from(a.id), Buffer.from(b.id));

/** The reference: each pair's events once each, in order. */
class Reference {
  private readonly pairs = new Map<string, StockEvent[]>();

  constructor(events: StockEvent[]) {
    const seen = new Set<string>();
    for (const e of events) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      const key = `${e.sku}|${e.warehouse}`;
      this.pairs.set(key, [...(this.pairs.get(key) ?? []), e]);
    }
    for (const list of this.pairs.values()) list.sort(byteOrder);
  }

  /** Pairs with an event before `end`. */
  pairsBefore(end: number): [string, string][] {
    return [...this.pairs.entries()].filter(([, l]) => (l[0] as StockEvent).ms < end).map(([k]) => k.split('|') as [string, string]);
  }

  /** On-hand of a pair just before `at`. */
  onHand(sku: string, warehouse: string, at: number): number {
    let level = 0;
    for (const e of this.pairs.get(`${sku}|${warehouse}`) ?? []) {
      if (e.ms >= at) break;
      level = e.counted ? e.qty : level + e.qty;
    }
    return level;
  }

  /** Moves in [from, end), once each (the generator's sales are its negative moves). */
  moves(from: number, end: number): StockEvent[] {
    return [...this.pairs.values()].flat().filter((e) => !e.counted && e.ms >= from && e.ms < end);
  }

  /** Counts in [from, end) with the on-hand just before each. */
  counts(from: number, end: number): { e: StockEvent; before: number }[] {
    const out: { e: StockEvent; before: number }[] = [];
    for (const list of this.pairs.values()) {
      let level = 0;
      for (const e of list) {
        if (e.ms >= end) break;
        if (e.counted && e.ms >= from) out.push({ e, before: level });
        level = e.counted ? e.qty : level + e.qty;
      }
    }
    return out;
  }
}

/** Grid units of a query with the instant each is read at: min(next unit, end). */
function units(q: MetricQuery): { start: number; at: number }[] {
  const end = Math.min(q.toMs, q.nowMs);
  const unit = q.grain === 'hour' ? 'hour' : 'day';
  return (gridParams(q).grid as number[]).map((s) => ({ start: s * 1000, at: Math.min(nextBucketStart(s * 1000, unit, q.tz), end) }));
}

const money = (n: number) => Math.round(n * 10_000) / 10_000;
const rowKey = (r: MetricRow, by: string[]) => [r.bucket, ...by.map((d) => r[d])].join('|');

let store: ClickHouseStore;
let ref: Reference;
const dataDir = mkdtempSync(join(tmpdir(), 'stockpulse-inventory-'));

beforeAll(async () => {
  store = createClickHouse({ dataDir });
  await migrate(store.writer);
  // Duplicates stay until a merge; keep them for the whole test.
  await store.writer.command({ query: 'SYSTEM STOP MERGES stock_events' });
  const { events, resent } = generate(20261106);
  await store.writer.insert({ table: 'events_raw', values: productRows(), format: 'JSONEachRow' });
  for (let i = 0; i < events.length; i += 700) {
    await store.writer.insert({ table: 'events_raw', values: events.slice(i, i + 700).map(rawRow), format: 'JSONEachRow' });
  }
  // Sent again: new parts with the same events, as after a crash replay.
  await store.writer.insert({ table: 'events_raw', values: resent.map(rawRow), format: 'JSONEachRow' });
  ref = new Reference(events);
  const stored = await (await store.reader.query({ query: 'SELECT count() AS n FROM stock_events', format: 'JSONEachRow' })).json<{ n: number | string }>();
  expect(Number(stored[0]?.n)).toBe(events.length + resent.length);
});

afterAll(async () => {
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const CASES = [
  { name: 'days in UTC', params: { from: '2026-10-20', to: '2026-10-31', grain: 'day' } },
  { name: 'days in Asia/Kolkata (+05:30)', params: { from: '2026-10-09', to: '2026-11-02', grain: 'day', tz: 'Asia/Kolkata' } },
  { name: 'hours in Europe/Bucharest across the DST change', params: { from: '2026-10-24T09:30:00Z', to: '2026-10-26T07:00:00Z', grain: 'hour', tz: 'Europe/Bucharest' } },
  { name: 'an open period (now before to)', params: { from: '2026-10-30', to: '2026-11-10', grain: 'day' } },
  { name: 'the first days, before most counts', params: { from: '2026-10-01', to: '2026-10-04', grain: 'hour' } },
];

describe.each(CASES)('stock levels: $name', ({ params }) => {
  const query = (metric: string, extra: Record<string, string> = {}) => parseMetricQuery(metric, { ...params, ...extra }, NOW);

  it('snapshots: on-hand of every (sku, warehouse) at the end of every unit', async () => {
    const q = query('on_hand_units');
    const sql = `SELECT unit_start, sku, warehouse, on_hand
      FROM (${snapshotsSql({ q, dims: [], measures: new Set() }, { withProducts: false, includeSilentProducts: false })})
      SETTINGS join_use_nulls = 0`;
    const rows = await (await store.reader.query({ query: sql, query_params: { ...bindParams(q), ...gridParams(q) }, format: 'JSONEachRow' })).json<{
      unit_start: number;
      sku: string;
      warehouse: string;
      on_hand: number;
    }>();
    const end = Math.min(q.toMs, q.nowMs);
    const expected = ref.pairsBefore(end).flatMap(([sku, warehouse]) => units(q).map((u) => `${u.start / 1000}|${sku}|${warehouse}|${ref.onHand(sku, warehouse, u.at)}`));
    expect(rows.map((r) => `${r.unit_start}|${r.sku}|${r.warehouse}|${Number(r.on_hand)}`).sort()).toEqual(expected.sort());
  });

  it('on_hand_units and inventory_value by bucket and group', async () => {
    const end = (q: MetricQuery) => Math.min(q.toMs, q.nowMs);
    const units4 = new Map<string, number>();
    const q = query('on_hand_units', { by: 'sku,warehouse' });
    for (const [sku, warehouse] of ref.pairsBefore(end(q))) {
      for (const u of units(q)) units4.set(`${formatInZone(u.start, q.tz)}|${sku}|${warehouse}`, ref.onHand(sku, warehouse, u.at));
    }
    const got = (await runMetric(store.reader, q)).rows;
    expect(new Map(got.map((r) => [rowKey(r, q.by), r.value]))).toEqual(units4);

    const qv = query('inventory_value', { by: 'category' });
    const value4 = new Map<string, number>();
    for (const [sku, warehouse] of ref.pairsBefore(end(qv))) {
      const p = PRODUCTS.find((x) => x.sku === sku);
      for (const u of units(qv)) {
        const key = `${formatInZone(u.start, qv.tz)}|${p?.category ?? 'unknown'}`;
        value4.set(key, (value4.get(key) ?? 0) + ref.onHand(sku, warehouse, u.at) * (p?.cost4 ?? 0));
      }
    }
    const values = (await runMetric(store.reader, qv)).rows;
    expect(new Map(values.map((r) => [rowKey(r, qv.by), r.value]))).toEqual(new Map([...value4].map(([k, v]) => [k, money(v / 10_000)])));
  });

  it('below_reorder_point per product, silent products at 0', async () => {
    const q = query('below_reorder_point', { by: 'sku' });
    const end = Math.min(q.toMs, q.nowMs);
    const warehousesOf = (sku: string) => ref.pairsBefore(end).filter(([s]) => s === sku);
    const expected = new Map<string, number>();
    for (const p of PRODUCTS) {
      for (const u of units(q)) {
        const total = warehousesOf(p.sku).reduce((sum, [, w]) => sum + ref.onHand(p.sku, w, u.at), 0);
        expected.set(`${formatInZone(u.start, q.tz)}|${p.sku}`, p.reorderPoint > 0 && total <= p.reorderPoint ? 1 : 0);
      }
    }
    const got = (await runMetric(store.reader, q)).rows;
    expect(new Map(got.map((r) => [rowKey(r, q.by), r.value]))).toEqual(expected);
  });

  it('stock_discrepancy_rate: counts and those that differ from the on-hand before them', async () => {
    const q = query('stock_discrepancy_rate', { by: 'sku,warehouse' });
    const expected = new Map<string, { numerator: number; denominator: number }>();
    for (const { e, before } of ref.counts(q.fromMs, Math.min(q.toMs, q.nowMs))) {
      const bucket = q.grain === 'hour' ? Math.floor(e.ms / 3_600_000) * 3_600_000 : dayStart(e.ms, q);
      const key = `${formatInZone(bucket, q.tz)}|${e.sku}|${e.warehouse}`;
      const c = expected.get(key) ?? { numerator: 0, denominator: 0 };
      expected.set(key, { numerator: c.numerator + (e.qty !== before ? 1 : 0), denominator: c.denominator + 1 });
    }
    expect(expected.size).toBeGreaterThan(0);
    const got = (await runMetric(store.reader, q)).rows;
    expect(new Map(got.map((r) => [rowKey(r, q.by), { numerator: r.numerator, denominator: r.denominator }]))).toEqual(expected);
  });

  it('avg_inventory_value over the days of the period', async () => {
    const q = query('avg_inventory_value', { grain: 'total' });
    let sum4 = 0;
    for (const [sku, warehouse] of ref.pairsBefore(Math.min(q.toMs, q.nowMs))) {
      const cost4 = PRODUCTS.find((x) => x.sku === sku)?.cost4 ?? 0;
      for (const u of units(q)) sum4 += ref.onHand(sku, warehouse, u.at) * cost4;
    }
    const [row] = (await runMetric(store.reader, q)).rows;
    expect(row).toMatchObject({ numerator: money(sum4 / 10_000), denominator: units(q).length });
  });

  it('inventory_turnover: cogs of the period over the average inventory value, per warehouse', async () => {
    const q = query('inventory_turnover', { grain: 'total', by: 'warehouse' });
    const end = Math.min(q.toMs, q.nowMs);
    const cost4 = (sku: string) => PRODUCTS.find((x) => x.sku === sku)?.cost4 ?? 0;
    const expected = new Map<string, { numerator: number; denominator: number }>();
    for (const warehouse of new Set(ref.pairsBefore(end).map(([, w]) => w))) {
      const pairs = ref.pairsBefore(end).filter(([, w]) => w === warehouse);
      const cogs4 = ref
        .moves(q.fromMs, end)
        .filter((e) => e.warehouse === warehouse && e.qty < 0)
        .reduce((sum, e) => sum - e.qty * cost4(e.sku), 0);
      const days = units(q);
      const value4 = pairs.reduce((sum, [sku, w]) => sum + days.reduce((s, u) => s + ref.onHand(sku, w, u.at) * cost4(sku), 0), 0);
      expected.set(`|${warehouse}`, { numerator: money(cogs4 / 10_000), denominator: money(value4 / 10_000 / days.length) });
    }
    const got = (await runMetric(store.reader, q)).rows;
    expect(new Map(got.map((r) => [rowKey(r, q.by), { numerator: r.numerator, denominator: r.denominator }]))).toEqual(expected);
  });
});

/** Start of the day of `ms` in the query's zone, from the grid (every count in the period falls in one of its units). */
function dayStart(ms: number, q: MetricQuery): number {
  const unit = units(q).findLast((u) => u.start <= ms);
  if (!unit) throw new Error(`no unit for ${new Date(ms).toISOString()}`);
  return unit.start;
}

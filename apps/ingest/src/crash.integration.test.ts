import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClickHouse } from '@stockpulse/store';
import { startServer, type ServerProcess } from './testing/server-process.js';

/*
 * "An accepted event is durable before the answer is sent (it survives a crash of the
 * process right after)" and "an id counts once, forever" (events.md, STYLE.md), tested
 * on the real server: four clients stream batches, the process is SIGKILLed mid-stream,
 * twice, and restarted on the same DATA_DIR. Every id answered 200 must have survived;
 * ids whose request got no answer may or may not have; nothing may count twice.
 *
 * BUG (pinned, fails in about half the runs): an INSERT into events_raw commits the
 * events_raw part and then each view's part separately. A kill between the two leaves
 * the rows in events_raw but not in order_lines; on restart the writer's replay
 * (writer.ts withoutStored) drops every id already in events_raw, so those acknowledged
 * orders never reach any KPI, and re-sending them is answered "duplicate".
 */

const API_KEY = 'crash-test-admin-key-0123456789abcdef';
const CLIENTS = 4;
const BATCH = 500;
const SEND_MS = 2_500;
const KILL_CYCLES = 2;
// Orders are placed on 2021-03-01..07 (past, whatever the clock says); the KPI window.
const FROM = '2021-03-01';
const TO = '2021-03-08';

interface PlacedEvent {
  id: string;
  type: 'order.placed';
  occurred_at: string;
  data: { order_id: string; customer_id: string; channel: string; lines: { sku: string; qty: number; unit_price: number; backordered_qty?: number }[] };
}

function orderPlaced(id: string, n: number): PlacedEvent {
  const day = 1 + (n % 7);
  const lines = [{ sku: `SKU-${n % 4}`, qty: 1 + (n % 3), unit_price: 12.5 }];
  if (n % 2 === 0) lines.push({ sku: 'SKU-9', qty: 2, unit_price: 3.25, ...(n % 10 === 0 ? { backordered_qty: 1 } : {}) } as (typeof lines)[number]);
  return {
    id,
    type: 'order.placed',
    occurred_at: `2021-03-0${day}T${String(n % 24).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00Z`,
    data: { order_id: `order-${id}`, customer_id: `cust-${n % 5}`, channel: n % 3 === 0 ? 'web' : 'store', lines },
  };
}

/** What the clients learnt: batches answered 200 (acknowledged) and batches without an answer. */
interface Ledger {
  acked: PlacedEvent[][];
  unknown: PlacedEvent[][];
  /** 200 answers that did not accept the whole fresh batch, and unexpected statuses. */
  anomalies: string[];
}

const auth = { authorization: `Bearer ${API_KEY}` };

async function postBatch(url: string, events: PlacedEvent[], signal?: AbortSignal): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(events),
    signal: signal ?? AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // kept as text for the failure message
  }
  return { status: res.status, body };
}

/** One client: fresh batches in a loop until told to stop. */
async function client(url: string, cycle: number, c: number, state: { stop: boolean; inflight: number }, ledger: Ledger): Promise<void> {
  for (let b = 0; !state.stop; b++) {
    const events = Array.from({ length: BATCH }, (_, i) => orderPlaced(`crash-${cycle}-${c}-${b}-${i}`, b * BATCH + i + c));
    state.inflight++;
    try {
      const { status, body } = await postBatch(url, events);
      if (status === 200 && body.accepted === BATCH && body.duplicates === 0 && body.rejected?.length === 0) {
        ledger.acked.push(events);
      } else {
        // 429/503 would be legitimate under load; anything else is a finding. Either way the
        // batch is not known to be stored.
        if (status !== 429 && status !== 503) ledger.anomalies.push(`cycle ${cycle} client ${c} batch ${b}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
        ledger.unknown.push(events);
      }
    } catch {
      ledger.unknown.push(events);
    } finally {
      state.inflight--;
    }
  }
}

async function ordersKpi(url: string): Promise<number> {
  const res = await fetch(`${url}/v1/metrics/orders?from=${FROM}&to=${TO}`, { headers: auth, signal: AbortSignal.timeout(20_000) });
  const body = (await res.json()) as { rows: { value: number | null }[] };
  if (res.status !== 200) throw new Error(`GET /v1/metrics/orders answered ${res.status}: ${JSON.stringify(body)}`);
  return body.rows[0]?.value ?? 0;
}

/** Polls the orders KPI until `done(value)`; returns the last value (the caller asserts). */
async function pollOrders(url: string, done: (n: number) => boolean, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let value = await ordersKpi(url);
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    value = await ordersKpi(url);
  }
  return value;
}

/** Posts batches with a little concurrency; returns every answer in order. */
async function postAll(url: string, batches: PlacedEvent[][]): Promise<{ status: number; body: any }[]> {
  const answers: { status: number; body: any }[] = new Array(batches.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < batches.length; i = next++) answers[i] = await postBatch(url, batches[i] as PlacedEvent[]);
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  return answers;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('crash: SIGKILL mid-stream, twice, then restart on the same DATA_DIR', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stockpulse-crash-'));
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged event exactly once; unanswered ones at most once', { timeout: 120_000 }, async () => {
    const ledger: Ledger = { acked: [], unknown: [], anomalies: [] };
    const inflightAtKill: number[] = [];

    for (let cycle = 1; cycle <= KILL_CYCLES; cycle++) {
      server = await startServer({ dataDir, apiKey: API_KEY });
      const state = { stop: false, inflight: 0 };
      const ackedBefore = ledger.acked.length;
      const clients = Array.from({ length: CLIENTS }, (_, c) => client((server as ServerProcess).url, cycle, c, state, ledger));
      await sleep(SEND_MS);
      state.stop = true;
      inflightAtKill.push(state.inflight);
      await server.kill('SIGKILL');
      expect((await server.exited).signal).toBe('SIGKILL');
      await Promise.all(clients);
      expect(ledger.acked.length - ackedBefore, `cycle ${cycle}: some batches acknowledged before the kill`).toBeGreaterThan(0);
    }
    // The kill landed while requests were on the wire, both times.
    expect(inflightAtKill.every((n) => n > 0), `requests in flight at each kill: ${inflightAtKill.join(', ')}`).toBe(true);
    expect(ledger.anomalies).toEqual([]);

    server = await startServer({ dataDir, apiKey: API_KEY });
    const url = server.url;
    const ackedCount = ledger.acked.length * BATCH;
    const unknownCount = ledger.unknown.length * BATCH;

    // 1. Durable: every acknowledged event is already there, so re-sending it is a duplicate.
    const resent = await postAll(url, ledger.acked);
    const notDuplicate = resent.flatMap((a, i) =>
      a.status === 200 && a.body.accepted === 0 && a.body.duplicates === BATCH && a.body.rejected.length === 0
        ? []
        : [`acked batch ${i} (${ledger.acked[i]?.[0]?.id}…): ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`],
    );
    expect(notDuplicate, 'acknowledged events lost in a crash').toEqual([]);

    // 2. The KPI sees every acknowledged order, and nothing that was never sent. (Soft from
    // here on: the store's own view below says where a shortfall comes from.)
    const afterReplay = await pollOrders(url, (n) => n >= ackedCount);
    expect.soft(afterReplay, 'orders after the replay >= acknowledged').toBeGreaterThanOrEqual(ackedCount);
    expect.soft(afterReplay, 'orders after the replay <= acknowledged + unanswered').toBeLessThanOrEqual(ackedCount + unknownCount);

    // 3. Re-sending the unanswered ones completes the set: exactly once each.
    const retried = await postAll(url, ledger.unknown);
    const badRetry = retried.flatMap((a, i) =>
      a.status === 200 && a.body.accepted + a.body.duplicates === BATCH && a.body.rejected.length === 0 ? [] : [`unknown batch ${i}: ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`],
    );
    expect.soft(badRetry).toEqual([]);
    const total = ackedCount + unknownCount;
    expect.soft(await pollOrders(url, (n) => n >= total), 'orders once everything was re-sent').toBe(total);
    await sleep(1_000);
    expect.soft(await ordersKpi(url), 'the count must not grow later (no double count)').toBe(total);

    // 4. With the server stopped, the store itself: one events_raw row per id sent, nothing
    // else, and every stored order in order_lines (what the KPIs read).
    await server.stop();
    expect.soft(existsSync(join(dataDir, 'wal', 'dead-letter.ndjson')), 'no accepted row was set aside').toBe(false);
    const store = createClickHouse({ dataDir });
    try {
      const query = async <T>(sql: string) => (await store.reader.query({ query: sql, format: 'JSONEachRow' })).json<T>();
      // FINAL: events_raw is a ReplacingMergeTree by id, so a re-inserted row is by design
      // one row; the KPI checks above are what catch a view that counted it twice.
      const [raw] = await query<{ rows: string; ids: string; other: string }>(
        "SELECT toUInt64(count()) AS rows, toUInt64(uniqExact(id)) AS ids, toUInt64(countIf(NOT startsWith(id, 'crash-'))) AS other FROM events_raw FINAL",
      );
      expect.soft({ rows: Number(raw?.rows), ids: Number(raw?.ids), other: Number(raw?.other) }, 'events_raw').toEqual({ rows: total, ids: total, other: 0 });
      const [derived] = await query<{ missing: string; sample: string[]; received: string[] }>(`
        SELECT toUInt64(count()) AS missing, groupArray(3)(id) AS sample, [toString(min(received_at)), toString(max(received_at))] AS received
        FROM events_raw
        WHERE JSONExtractString(data, 'order_id') NOT IN (SELECT order_id FROM order_lines)`);
      expect.soft(Number(derived?.missing), `orders in events_raw but not in order_lines: ${JSON.stringify(derived)}`).toBe(0);
    } finally {
      await store.close();
    }
    console.info(`crash test: ${ackedCount} acknowledged, ${unknownCount} unanswered, in flight at the kills: ${inflightAtKill.join(', ')}`);
  });
});

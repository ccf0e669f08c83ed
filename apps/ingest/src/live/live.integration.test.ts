import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../errors.js';
import { NOW, allEvents } from '../golden/fixture.js';
import type { WriterOptions } from '../pipeline/writer.js';
import { startTestApp, type TestApp } from '../testing/harness.js';
import { LiveHub, type LiveSink } from './hub.js';
import { liveHubOf, liveRoutes, OVERVIEW_METRICS, parseLiveQuery } from './routes.js';

/*
 * GET /v1/live against the real app (chDB under a temp DATA_DIR) on a real socket: SSE
 * needs one, inject() would wait for the end of an endless stream. The golden fixture is
 * the data; the clock is fixed at its NOW, so the rolling window is [NOW - 30 d, NOW).
 * The writer flushes every 250 ms, as in production, so the measured delay is the real one.
 */

let t: TestApp;
let hub: LiveHub;
let base = '';
const auth = () => ({ authorization: `Bearer ${t.key}` });

/** The hub app.ts registered (writer → hub.notify()). */
function liveHub(app: TestApp['app']): LiveHub {
  const hub = liveHubOf(app);
  if (!hub) throw new Error('app.ts did not register the live routes');
  return hub;
}

interface Received {
  id?: string;
  /** performance.now() when it was read. */
  at: number;
  body: Snapshot;
}

/** A minimal EventSource over fetch: collects snapshots, waits for them, disconnects. */
class SseClient {
  readonly received: Received[] = [];
  /** Resolves when the server ends the stream (or close() aborts it). */
  ended: Promise<void> = Promise.resolve();
  private constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {}

  static async open(query = '', headers: Record<string, string> = auth(), path = '/v1/live'): Promise<SseClient> {
    const abort = new AbortController();
    const response = await fetch(`${base}${path}${query ? `?${query}` : ''}`, { headers, signal: abort.signal });
    const client = new SseClient(response, abort);
    if (response.ok) client.ended = client.read();
    return client;
  }

  private async read(): Promise<void> {
    const reader = (this.response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        buffer += decoder.decode(chunk.value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const fields = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const field = (name: string) => fields.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
          const data = field('data');
          if (field('event') !== 'snapshot' || data === undefined) continue;
          const id = field('id');
          this.received.push({ ...(id === undefined ? {} : { id }), at: performance.now(), body: JSON.parse(data) as Snapshot });
        }
      }
    } catch {
      // aborted by close()
    }
  }

  /** Resolves with the n-th snapshot (1-based) once it has arrived. */
  async snapshot(n: number, timeoutMs = 5_000): Promise<Received> {
    await until(() => this.received.length >= n, `snapshot ${n} (have ${this.received.length})`, timeoutMs);
    return this.received[n - 1] as Received;
  }

  close(): void {
    this.abort.abort();
  }
}

interface Tile {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}
interface Snapshot {
  at: string;
  from: string;
  to: string;
  metrics: Record<string, Tile>;
}

/** What GET /v1/metrics/<name> answers for the filters this KPI takes, as a tile (nulls when no row). */
async function tileFromMetricsApi(name: string, params: Record<string, string>): Promise<{ tile: Tile; from: string; to: string }> {
  const list = (await t.get('/v1/metrics')).json() as { metrics: { name: string; dimensions: string[]; numerator?: string }[] };
  const kpi = list.metrics.find((m) => m.name === name);
  const own = Object.fromEntries(Object.entries(params).filter(([k]) => ['from', 'to', 'tz'].includes(k) || kpi?.dimensions.includes(k)));
  const answer = await t.metric(name, own);
  const row = answer.rows[0];
  const ratio = kpi?.numerator !== undefined;
  const tile: Tile = row
    ? { value: row.value, ...(ratio ? { numerator: row.numerator ?? null, denominator: row.denominator ?? null } : {}) }
    : { value: null, ...(ratio ? { numerator: null, denominator: null } : {}) };
  return { tile, from: answer.from, to: answer.to };
}

async function expectMatchesMetricsApi(snapshot: Snapshot, params: Record<string, string>): Promise<void> {
  for (const [name, tile] of Object.entries(snapshot.metrics)) {
    const api = await tileFromMetricsApi(name, params);
    expect(tile, name).toEqual(api.tile);
    expect({ from: snapshot.from, to: snapshot.to }, `${name} window`).toEqual({ from: api.from, to: api.to });
  }
}

let orderSeq = 0;
/** An order placed yesterday with one backordered unit: moves backorder_rate and fill_rate. */
function backorderedOrder(): unknown {
  orderSeq++;
  return {
    id: `live-order-${orderSeq}`,
    type: 'order.placed',
    occurred_at: '2026-11-19T10:00:00Z',
    source: 'live-test',
    data: { order_id: `LIVE-${orderSeq}`, customer_id: 'C1', channel: 'web', lines: [{ sku: 'TL-HAM', qty: 3, unit_price: 25, backordered_qty: 1 }] },
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

beforeAll(async () => {
  t = await startTestApp({ now: NOW, env: { INGEST_FLUSH_MS: '250' } });
  hub = liveHub(t.app);
  // The same route again, re-checking its callers every 200 ms instead of every minute.
  await t.app.register(liveRoutes, { hub, prefix: '/reauth', reauthorizeMs: 200 });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const answer = await t.post(allEvents);
  expect(answer.rejected).toEqual([]);
  await t.flush();
});
afterAll(async () => {
  await t?.close();
});

describe('GET /v1/live', () => {
  it('starts with a snapshot of the overview tiles equal to GET /v1/metrics/<name>', async () => {
    const sse = await SseClient.open();
    try {
      expect(sse.response.status).toBe(200);
      expect(sse.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(sse.response.headers.get('cache-control')).toBe('no-cache');
      expect(sse.response.headers.get('x-accel-buffering')).toBe('no');
      const first = await sse.snapshot(1);
      expect(Object.keys(first.body.metrics).sort()).toEqual([...OVERVIEW_METRICS].sort());
      expect(first.body.at).toBe(new Date(NOW).toISOString());
      expect(first.body.metrics.backorder_rate?.value, 'the fixture has backorders in the window').toBeGreaterThan(0);
      await expectMatchesMetricsApi(first.body, {});
    } finally {
      sse.close();
    }
  });

  it('gives each KPI only the filters it takes, and matches /v1/metrics with them', async () => {
    const params = { metrics: 'backorder_rate,fill_rate,nps,inventory_turnover', category: 'Tools', region: 'EU', from: '2026-11-06', to: '2026-11-20', tz: 'Europe/Bucharest' };
    const sse = await SseClient.open(new URLSearchParams(params).toString());
    try {
      const first = await sse.snapshot(1);
      expect(Object.keys(first.body.metrics).sort()).toEqual(['backorder_rate', 'fill_rate', 'inventory_turnover', 'nps']);
      const { metrics: _m, ...filters } = params;
      await expectMatchesMetricsApi(first.body, filters);
      // Filters change the numbers: the filtered stream is not the unfiltered one.
      const unfiltered = await tileFromMetricsApi('backorder_rate', { from: params.from, to: params.to, tz: params.tz });
      expect(first.body.metrics.backorder_rate?.denominator).not.toBe(unfiltered.tile.denominator);
    } finally {
      sse.close();
    }
  });

  it('sends a new snapshot within 2 s of posting events that change backorder_rate', async () => {
    const sse = await SseClient.open();
    const delays: number[] = [];
    try {
      let previous = (await sse.snapshot(1)).body;
      for (let i = 0; i < 5; i++) {
        const posted = performance.now();
        await t.post([backorderedOrder()]);
        const next = await sse.snapshot(i + 2, 5_000);
        delays.push(next.at - posted);
        expect(next.body.metrics.backorder_rate?.value).not.toBe(previous.metrics.backorder_rate?.value);
        expect(next.body.metrics.backorder_rate?.denominator).toBe((previous.metrics.backorder_rate?.denominator ?? 0) + 1);
        await expectMatchesMetricsApi(next.body, {});
        previous = next.body;
      }
      const ids = sse.received.map((r) => Number(r.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      sse.close();
    }
    console.info(`live snapshot delay after POST /v1/events (ms): ${delays.map((d) => d.toFixed(0)).join(', ')}; median ${median(delays).toFixed(0)}`);
    for (const d of delays) expect(d).toBeLessThan(2_000);
  });

  it('sends nothing when new events change no value', async () => {
    const sse = await SseClient.open();
    try {
      await sse.snapshot(1);
      const before = hub.stats().recomputes;
      await t.post([{ id: 'live-sup-c', type: 'supplier.upserted', occurred_at: '2026-11-19T09:00:00Z', data: { supplier_id: 'sup-C', name: 'Late Supplier' } }]);
      await until(() => hub.stats().recomputes > before, 'a recompute after the insert');
      await sleep(1_000);
      expect(sse.received).toHaveLength(1);
    } finally {
      sse.close();
    }
  });

  it('shares the work of equal subscriptions: each KPI query runs once per recompute', async () => {
    await until(() => hub.stats().subscribers === 0, 'earlier streams to close');
    const a = await SseClient.open();
    const b = await SseClient.open();
    // Same KPIs, same (absent) filters, spelled differently: two more groups, the same queries.
    const c = await SseClient.open('metrics=fill_rate,backorder_rate');
    const d = await SseClient.open('metrics=backorder_rate,fill_rate&from=2026-10-21T12:00:00Z');
    try {
      await Promise.all([a, b, c, d].map((s) => s.snapshot(1)));
      expect(hub.stats()).toMatchObject({ subscribers: 4, keys: 3 });
      const before = hub.stats();
      await t.post([backorderedOrder()]);
      await Promise.all([a, b, c, d].map((s) => s.snapshot(2)));
      await sleep(400); // let a trailing recompute, if any, finish
      const after = hub.stats();
      const rounds = after.recomputes - before.recomputes;
      expect(rounds).toBeGreaterThanOrEqual(1);
      // 8 overview queries; c's two are the same queries; d's window is fixed, so its two are its own.
      expect(after.queries - before.queries).toBe(rounds * (OVERVIEW_METRICS.length + 2));
      expect(c.received[1]?.body.metrics.backorder_rate).toEqual(a.received[1]?.body.metrics.backorder_rate);
    } finally {
      for (const s of [a, b, c, d]) s.close();
    }
  });

  it('continues event ids after Last-Event-ID', async () => {
    const sse = await SseClient.open('', { ...auth(), 'last-event-id': '41' });
    try {
      expect((await sse.snapshot(1)).id).toBe('42');
    } finally {
      sse.close();
    }
  });

  it('removes the subscriber when the client disconnects', async () => {
    await until(() => hub.stats().subscribers === 0, 'earlier streams to close');
    const a = await SseClient.open('metrics=nps');
    const b = await SseClient.open('metrics=nps');
    await Promise.all([a.snapshot(1), b.snapshot(1)]);
    expect(hub.stats()).toMatchObject({ subscribers: 2, keys: 1 });
    a.close();
    await until(() => hub.stats().subscribers === 1, 'the first subscriber to be removed');
    expect(hub.stats().keys).toBe(1);
    b.close();
    await until(() => hub.stats().subscribers === 0 && hub.stats().keys === 0, 'the last subscriber and its key to be removed');
  });

  it.each([
    ['stage=packed', 'stage'],
    ['colour=red', 'colour'],
    ['grain=day', 'grain'],
    ['by=category', 'by'],
    ['metrics=no_such_kpi', 'metrics'],
    ['metrics=backorder_rate,', 'metrics'],
    ['metrics=nps&category=Tools', 'category'],
    ['tz=Mars/Olympus', 'tz'],
    ['from=2026-13-01', 'from'],
    ['from=2026-11-20&to=2026-11-01', 'from'],
    ['region=EU&region=US', 'region'],
    ['metrics=nps&had_backorder=maybe', 'had_backorder'],
  ])('answers 400 in the JSON error shape before streaming: %s', async (query, param) => {
    const r = await t.app.inject({ method: 'GET', url: `/v1/live?${query}`, headers: auth() });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    const body = r.json() as { error: { code: string; message: string; details?: { parameter?: string } } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.message).toContain(param);
    expect(body.error.details?.parameter).toBe(param);
  });

  it('answers 401 without credentials or with a bad key, and opens no stream', async () => {
    const before = hub.stats().subscribers;
    for (const headers of [{}, { authorization: 'Bearer sp_000000000000_nope' }] as Record<string, string>[]) {
      const sse = await SseClient.open('', headers);
      expect(sse.response.status).toBe(401);
      expect(((await sse.response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    expect(hub.stats().subscribers).toBe(before);
  });
});

describe('GET /v1/live: who may read what', () => {
  it('narrows the overview to the KPIs a session may read, and refuses a KPI it may not (403)', async () => {
    const user = await t.app.inject({ method: 'POST', url: '/v1/users', headers: auth(), payload: { email: 'mara@example.com', password: 'correct horse battery', roles: ['marketing'] } });
    expect(user.statusCode, user.body).toBe(201);
    const login = await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'mara@example.com', password: 'correct horse battery' } });
    const session = login.cookies.find((c) => c.name === 'sp_session');
    expect(session, login.body).toBeDefined();
    const cookie = { cookie: `sp_session=${session?.value}` };
    const sse = await SseClient.open('', cookie);
    try {
      const first = await sse.snapshot(1);
      expect(Object.keys(first.body.metrics).sort()).toEqual(['backorder_rate', 'cancellation_rate', 'fill_rate', 'nps']);
    } finally {
      sse.close();
    }
    const refused = await SseClient.open('metrics=backorder_rate,open_backorder_value', cookie);
    expect(refused.response.status).toBe(403);
    expect(((await refused.response.json()) as { error: { message: string } }).error.message).toContain('open_backorder_value');
  });

  it('ends an open stream once its key is revoked', async () => {
    const created = (await t.app.inject({ method: 'POST', url: '/v1/keys', headers: auth(), payload: { name: 'wallboard', scopes: ['read'] } })).json() as { id: string; key: string };
    const sse = await SseClient.open('metrics=nps', { authorization: `Bearer ${created.key}` }, '/reauth/v1/live');
    await sse.snapshot(1);
    const revoked = await t.app.inject({ method: 'DELETE', url: `/v1/keys/${created.id}`, headers: auth() });
    expect(revoked.statusCode).toBeLessThan(300);
    const outcome = await Promise.race([sse.ended.then(() => 'ended'), sleep(3_000).then(() => 'still open')]);
    sse.close();
    expect(outcome).toBe('ended');
  });
});

describe('LiveHub bounds and coalescing', () => {
  const sink = (): LiveSink & { snapshots: string[]; pings: number; ended: boolean } => {
    const s = { snapshots: [] as string[], pings: 0, ended: false };
    return Object.assign(s, { snapshot: (d: string) => s.snapshots.push(d), ping: () => s.pings++, end: () => (s.ended = true) });
  };
  const spec = (metrics: string) => parseLiveQuery(metrics.split(','), {}, Date.parse(NOW));

  it('answers 503 with Retry-After beyond its keys or subscribers, and takes more once some leave', async () => {
    const small = new LiveHub({ reader: t.app.ctx.store.reader, now: t.app.ctx.now, log: t.app.log, maxKeys: 1, maxSubscribers: 2 });
    try {
      const first = small.subscribe(spec('nps'), sink());
      const refused = (f: () => unknown) => {
        try {
          f();
        } catch (err) {
          return err;
        }
        return undefined;
      };
      const otherKey = refused(() => small.subscribe(spec('fill_rate'), sink()));
      expect(otherKey).toBeInstanceOf(ApiError);
      expect(otherKey).toMatchObject({ statusCode: 503, headers: { 'retry-after': expect.stringMatching(/^\d+$/) } });
      small.subscribe(spec('nps'), sink());
      expect(refused(() => small.subscribe(spec('nps'), sink()))).toMatchObject({ statusCode: 503 });
      first.close();
      expect(refused(() => small.subscribe(spec('nps'), sink()))).toBeUndefined();
      expect(small.stats()).toMatchObject({ subscribers: 2, keys: 1 });
    } finally {
      small.close();
    }
  });

  it('pings started subscribers only, and ends every stream when it closes', async () => {
    const own = new LiveHub({ reader: t.app.ctx.store.reader, now: t.app.ctx.now, log: t.app.log, heartbeatMs: 50 });
    const [started, waiting] = [sink(), sink()];
    const sub = own.subscribe(spec('nps'), started);
    own.subscribe(spec('nps'), waiting);
    await sub.ready;
    sub.start();
    await until(() => started.pings >= 2, 'two pings');
    expect(waiting.pings).toBe(0);
    own.close();
    expect([started.ended, waiting.ended]).toEqual([true, true]);
    expect(own.stats()).toMatchObject({ subscribers: 0, keys: 0 });
  });

  it('coalesces a burst of notifications into one recompute and sends a snapshot once', async () => {
    const own = new LiveHub({ reader: t.app.ctx.store.reader, now: t.app.ctx.now, log: t.app.log, minIntervalMs: 250 });
    try {
      const s = sink();
      const sub = own.subscribe(spec('backorder_rate,fill_rate'), s);
      await sub.ready;
      sub.start();
      expect(s.snapshots).toHaveLength(1);
      const queries = own.stats().queries;
      for (let i = 0; i < 100; i++) own.notify();
      await until(() => own.stats().recomputes === 1, 'the first recompute');
      await sleep(600);
      expect(own.stats().recomputes).toBe(1);
      expect(own.stats().queries - queries).toBe(2);
      expect(s.snapshots, 'nothing changed, so nothing is sent').toHaveLength(1);
      sub.close();
      own.notify();
      await sleep(300);
      expect(own.stats(), 'no subscribers, no work').toMatchObject({ recomputes: 1, keys: 0 });
    } finally {
      own.close();
    }
  });
});

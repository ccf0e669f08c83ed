import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUT_CORPUS, CORPUS_NOW, invalidUtf8, placed, type CorpusEntry } from '../testing/bad-input-corpus.js';
import { startTestApp, TEST_KEY, type IngestAnswer, type TestApp } from '../testing/harness.js';

/*
 * POST /v1/events against the real app (chDB under a temp DATA_DIR): auth, batch shapes,
 * duplicates, back-pressure, and the bad-input corpus. The writer only runs on flush()
 * (INGEST_FLUSH_MS is a minute), so the backlog is exact and every check of events_raw
 * comes after an explicit flush.
 */

const ENV = { INGEST_MAX_INFLIGHT: '1', INGEST_MAX_BACKLOG_ROWS: '1000', INGEST_FLUSH_MS: '60000' };
const JSON_CT = 'application/json';

/** Internals that must never reach a client: stack frames, file paths, ClickHouse errors, SQL. */
const LEAKS: RegExp[] = [
  /\n\s+at /,
  /\bat (?:async )?\S+ \(.*:\d+:\d+\)/,
  /node:internal|node_modules|\.ts:\d+|\.js:\d+/,
  /DB::Exception|\bCode: \d+\b|ClickHouse|chdb/i,
  /\b(?:SELECT|INSERT INTO|FORMAT JSONEachRow)\b/,
];

let t: TestApp;
let ingestOnlyKey = '';

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  text: string;
  json: any;
}

/** `null` leaves the header out. */
async function send(body: string | Buffer, contentType: string | null = JSON_CT, authorization: string | null = `Bearer ${TEST_KEY}`): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (contentType !== null) headers['content-type'] = contentType;
  if (authorization !== null) headers.authorization = authorization;
  const r = await t.app.inject({ method: 'POST', url: '/v1/events', headers, payload: body });
  let json: unknown;
  try {
    json = JSON.parse(r.body);
  } catch {
    json = undefined;
  }
  return { status: r.statusCode, headers: r.headers, text: r.body, json };
}

const post = (events: unknown[]) => send(JSON.stringify(events));

function expectNoLeak(a: Answer): void {
  for (const leak of LEAKS) expect(a.text, `answer leaks internals (${leak})`).not.toMatch(leak);
}

function expectError(a: Answer, status: number, code: string): void {
  expect(a.status, a.text.slice(0, 500)).toBe(status);
  expect(a.json, 'error shape of api.md').toMatchObject({ error: { code, message: expect.any(String) } });
  expect(Object.keys(a.json)).toEqual(['error']);
  expectNoLeak(a);
}

function expectIngest(a: Answer, accepted: number, duplicates: number, rejected = 0): IngestAnswer {
  expect(a.status, a.text.slice(0, 500)).toBe(200);
  expect(a.json).toMatchObject({ accepted, duplicates });
  expect(a.json.rejected).toHaveLength(rejected);
  return a.json as IngestAnswer;
}

/** Drains the writer, failing clearly (with the store's last refusal) when it cannot. */
async function flushWithin(ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const failing = t.app.ctx.pipeline.writer.failing?.message.slice(0, 400) ?? 'none';
      reject(new Error(`writer did not drain within ${ms} ms; the store's last refusal: ${failing}`));
    }, ms);
  });
  try {
    await Promise.race([t.flush(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** How many rows events_raw holds per id (ids absent from the result: 0). */
async function storedCounts(ids: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 2_000) {
    const rs = await t.app.ctx.store.reader.query({
      query: 'SELECT id, toUInt32(count()) AS n FROM events_raw WHERE id IN {ids:Array(String)} GROUP BY id',
      query_params: { ids: ids.slice(i, i + 2_000) },
      format: 'JSONEachRow',
    });
    for (const r of await rs.json<{ id: string; n: number }>()) counts.set(r.id, Number(r.n));
  }
  return counts;
}

async function expectStoredOnce(ids: string[], notStored: string[] = []): Promise<void> {
  const counts = await storedCounts([...ids, ...notStored]);
  const wrong = ids.filter((id) => counts.get(id) !== 1).map((id) => `${JSON.stringify(id)}: ${counts.get(id) ?? 0} rows`);
  expect(wrong, 'accepted ids must be in events_raw exactly once').toEqual([]);
  const present = notStored.filter((id) => counts.has(id));
  expect(present, 'rejected ids must not be in events_raw').toEqual([]);
}

beforeAll(async () => {
  t = await startTestApp({ now: CORPUS_NOW, env: ENV });
});
afterAll(async () => {
  await t?.close();
});

describe.sequential('auth', () => {
  const ev = placed('auth-1');

  it('answers 401 without credentials or with a bad key, and stores nothing', async () => {
    for (const authorization of [null, 'Bearer not-a-key', `Bearer ${TEST_KEY}x`, 'Bearer', `Basic ${Buffer.from(`u:${TEST_KEY}`).toString('base64')}`, `Bearer sp_000000000000_${'A'.repeat(43)}`]) {
      expectError(await send(JSON.stringify([ev]), JSON_CT, authorization), 401, 'unauthorized');
    }
    await flushWithin();
    await expectStoredOnce([], ['auth-1']);
  });

  it('answers 403 to a key without the ingest scope', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/keys', headers: { authorization: `Bearer ${TEST_KEY}` }, payload: { name: 'r', scopes: ['read'] } });
    expect(created.statusCode, created.body).toBe(201);
    const readKey = created.json().key as string;
    expectError(await send(JSON.stringify([ev]), JSON_CT, `Bearer ${readKey}`), 403, 'forbidden');
    await flushWithin();
    await expectStoredOnce([], ['auth-1']);
  });

  it('accepts a key with the ingest scope, and stops accepting it once revoked', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/keys', headers: { authorization: `Bearer ${TEST_KEY}` }, payload: { name: 'i', scopes: ['ingest'] } });
    expect(created.statusCode, created.body).toBe(201);
    ingestOnlyKey = created.json().key as string;
    expectIngest(await send(JSON.stringify([ev]), JSON_CT, `Bearer ${ingestOnlyKey}`), 1, 0);
    const revoked = await t.app.inject({ method: 'DELETE', url: `/v1/keys/${created.json().id}`, headers: { authorization: `Bearer ${TEST_KEY}` } });
    expect(revoked.statusCode).toBe(204);
    expectError(await send(JSON.stringify([placed('auth-2')]), JSON_CT, `Bearer ${ingestOnlyKey}`), 401, 'unauthorized');
    await flushWithin();
    await expectStoredOnce(['auth-1'], ['auth-2']);
  });
});

describe.sequential('batch shapes and duplicates', () => {
  it('accepts a JSON array, {"events": [...]} and NDJSON', async () => {
    expectIngest(await post([placed('shape-arr-1'), placed('shape-arr-2')]), 2, 0);
    expectIngest(await send(JSON.stringify({ events: [placed('shape-obj-1')], note: 'ignored' })), 1, 0);
    expectIngest(await send(`${JSON.stringify(placed('shape-nd-1'))}\n${JSON.stringify(placed('shape-nd-2'))}\n`, 'application/x-ndjson'), 2, 0);
    expectIngest(await post([]), 0, 0);
    await flushWithin();
    await expectStoredOnce(['shape-arr-1', 'shape-arr-2', 'shape-obj-1', 'shape-nd-1', 'shape-nd-2']);
  });

  it('counts an id twice in one batch as one duplicate', async () => {
    expectIngest(await post([placed('dup-a'), placed('dup-a'), placed('dup-b'), placed('dup-a')]), 2, 2);
    await flushWithin();
    await expectStoredOnce(['dup-a', 'dup-b']);
  });

  it('counts ids of an earlier batch as duplicates, in any format; the first version is kept', async () => {
    const changed = placed('dup-a', { order_id: 'order-changed' });
    expectIngest(await post([changed, placed('dup-c')]), 1, 1);
    expectIngest(await send(`${JSON.stringify(placed('dup-b'))}\n${JSON.stringify(placed('dup-c'))}`, 'application/x-ndjson'), 0, 2);
    expectIngest(await send(JSON.stringify({ events: [placed('shape-arr-1')] })), 0, 1);
    await flushWithin();
    await expectStoredOnce(['dup-a', 'dup-b', 'dup-c']);
    const rs = await t.app.ctx.store.reader.query({ query: "SELECT JSONExtractString(data, 'order_id') AS o FROM events_raw WHERE id = 'dup-a'", format: 'JSONEachRow' });
    expect(await rs.json()).toEqual([{ o: 'order-dup-a' }]);
  });

  it('still counts them as duplicates after a restart', async () => {
    await t.restart();
    expectIngest(await post([placed('dup-a'), placed('dup-b'), placed('dup-d')]), 1, 2);
    await flushWithin();
    await expectStoredOnce(['dup-a', 'dup-b', 'dup-d']);
  });
});

describe.sequential('back-pressure', () => {
  const batch = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => placed(`${prefix}-${i}`));

  it('answers 429 with Retry-After beyond INGEST_MAX_INFLIGHT=1; those batches leave no trace', async () => {
    const batches = Array.from({ length: 8 }, (_, i) => batch(`inflight-${i}`, 50));
    const answers = await Promise.all(batches.map((b) => post(b)));
    const ok = answers.flatMap((a, i) => (a.status === 200 ? [i] : []));
    const limited = answers.flatMap((a, i) => (a.status === 429 ? [i] : []));
    expect(ok.length + limited.length, answers.map((a) => a.status).join(',')).toBe(8);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    for (const i of ok) expectIngest(answers[i] as Answer, 50, 0);
    for (const i of limited) {
      const a = answers[i] as Answer;
      expectError(a, 429, 'too_many_requests');
      expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
    }
    await flushWithin();
    const ids = (is: number[]) => is.flatMap((i) => (batches[i] as { id: string }[]).map((e) => e.id));
    await expectStoredOnce(ids(ok), ids(limited));
    // The client retries as told: everything is taken, once.
    for (const i of limited) expectIngest(await post(batches[i] as unknown[]), 50, 0);
    await flushWithin();
    await expectStoredOnce([...ids(ok), ...ids(limited)]);
  });

  it('answers 503 with Retry-After once the backlog reaches INGEST_MAX_BACKLOG_ROWS=1000, and recovers after the writer drains', async () => {
    await flushWithin();
    expect(t.app.ctx.pipeline.writer.backlogRows).toBe(0);
    expectIngest(await post(batch('backlog', 999)), 999, 0);
    expectIngest(await post([placed('backlog-1000')]), 1, 0);
    expect(t.app.ctx.pipeline.writer.backlogRows).toBe(1000);
    const refused = await post([placed('backlog-after')]);
    expectError(refused, 503, 'unavailable');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await flushWithin();
    await expectStoredOnce(['backlog-0', 'backlog-998', 'backlog-1000'], ['backlog-after']);
    expectIngest(await post([placed('backlog-after')]), 1, 0);
    await flushWithin();
    await expectStoredOnce(['backlog-after']);
  });
});

describe.sequential('a refused request leaves no trace in the id index', () => {
  // BUG (pinned): pipeline.accept() adds each id to the index as it validates; when a later
  // event in the batch throws (walking or serialising data nested 100k deep overflows the
  // stack: RangeError), the route answers 503 "nothing was accepted", but the earlier ids
  // stay in the index. The client retries as told and is answered "duplicate": the event
  // is never stored (until a restart reloads the index).
  it('a retried event is accepted after its batch was refused', async () => {
    const good = placed('index-good');
    const deep = JSON.stringify([good, placed('index-deep', { extra: '@@' })]).replace('"@@"', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const first = await send(deep);
    expectNoLeak(first);
    if (first.status !== 200) expectIngest(await post([good]), 1, 0);
    await flushWithin();
    await expectStoredOnce(['index-good']);
  });
});

describe.sequential('body encoding', () => {
  // BUG (pinned): the route reads the body as a string (parseAs: 'string'), which decodes
  // bytes that are not UTF-8 to U+FFFD. Two ids that differ only in such bytes become one
  // id: the second event is answered "duplicate" and is never stored. JSON is UTF-8
  // (RFC 8259 §8.1): such a body should be a 400.
  it('two ids that differ only in bytes that are not UTF-8 are not merged into one', async () => {
    const first = await send(invalidUtf8('enc', [0xff]));
    const second = await send(invalidUtf8('enc', [0xfe]));
    expectNoLeak(first);
    expectNoLeak(second);
    expect([first.status, second.status], `${first.text}\n${second.text}`).toEqual([400, 400]);
  });
});

describe.sequential('what is accepted is counted', () => {
  // Each case has its own day (before any corpus event), read back through the KPI API.
  const day = (n: number) => `2016-01-${String(n).padStart(2, '0')}`;
  const onDay = (n: number, id: string, data: Record<string, unknown> = {}) => placed(id, data, { occurred_at: `${day(n)}T10:00:00Z` });
  const kpi = async (metric: string, n: number) => (await t.metric(metric, { from: day(n), to: day(n + 1) })).rows[0] ?? null;
  const orders = async (n: number) => (await kpi('orders', n))?.value ?? null;
  // No KPI is a plain count of lines or units; these ratios carry them as denominators.
  const lines = async (n: number) => (await kpi('line_backorder_rate', n))?.denominator ?? null;
  const units = async (n: number) => (await kpi('fill_rate', n))?.denominator ?? null;

  it('ids with unicode and control characters', async () => {
    expectIngest(await post([onDay(1, 'kpi-ü-😀-\u0000-\t'), onDay(1, 'kpi-e\u0301'), onDay(1, 'kpi-\u00e9')]), 3, 0);
    await flushWithin();
    expect(await orders(1)).toBe(3);
    expect(await units(1)).toBe(6);
  });

  it('an order with 500 lines', async () => {
    const orderLines = Array.from({ length: 500 }, (_, i) => ({ sku: `L-${i}`, qty: 1 + (i % 3), unit_price: 1 }));
    expectIngest(await post([onDay(3, 'kpi-500-lines', { lines: orderLines })]), 1, 0);
    await flushWithin();
    expect(await lines(3)).toBe(500);
    expect(await units(3)).toBe(orderLines.reduce((s, l) => s + l.qty, 0));
  });

  it('a quantity above 2^32 is either rejected or counted as sent', async () => {
    const a = await post([onDay(5, 'kpi-big-qty', { lines: [{ sku: 'SKU-1', qty: 5_000_000_000, unit_price: 1 }] })]);
    expect(a.status).toBe(200);
    if (a.json.accepted === 0) return;
    await flushWithin();
    expect(await units(5)).toBe(5_000_000_000);
  });

  // BUG (pinned): an unknown field nested 1,500 deep is valid per the contract and is
  // stored in events_raw, but the views' JSONExtract cannot parse data that deep: the
  // order never reaches order_lines and no KPI counts it.
  it('an order with an unknown field nested 1,500 deep is either rejected or counted', async () => {
    const body = JSON.stringify([onDay(7, 'kpi-deep-1500', { extra: '@@' })]).replace('"@@"', `${'['.repeat(1500)}${']'.repeat(1500)}`);
    const a = await send(body);
    expect(a.status).toBe(200);
    if (a.json.accepted === 0) return;
    await flushWithin();
    expect(await orders(7)).toBe(1);
  });

  // A lone surrogate inside data ("\ud800" is valid JSON) cannot be parsed by the views:
  // stored, it would be silently missing from every KPI.
  it('an order_id with a lone surrogate is either rejected or counted', async () => {
    const a = await post([onDay(9, 'kpi-surrogate-order', { order_id: 'order-\ud800' })]);
    expect(a.status).toBe(200);
    if (a.json.accepted === 0) return;
    await flushWithin();
    expect(await orders(9)).toBe(1);
  });
});

describe.sequential('bad-input corpus', () => {
  it('has at least 60 entries with unique names', () => {
    expect(BAD_INPUT_CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(BAD_INPUT_CORPUS.map((e) => e.name)).size).toBe(BAD_INPUT_CORPUS.length);
  });

  it.each(BAD_INPUT_CORPUS.map((e) => [e.name, e] as const))('%s', async (_name, entry: CorpusEntry) => {
    const a = await send(entry.body, entry.contentType ?? null);
    expect(a.status, `no 5xx: ${a.text.slice(0, 300)}`).toBeLessThan(500);
    expect(a.status, a.text.slice(0, 500)).toBe(entry.expectStatus);
    expectNoLeak(a);
    if (a.status !== 200) {
      expectError(a, entry.expectStatus, entry.expectCode ?? String(a.json?.error?.code));
    } else {
      expect(a.json).toMatchObject({ accepted: expect.any(Number), duplicates: expect.any(Number), rejected: expect.any(Array) });
      for (const r of a.json.rejected as IngestAnswer['rejected']) {
        expect(r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) expect(typeof e).toBe('string');
      }
      if (entry.expectAccepted !== undefined) expect(a.json.accepted, JSON.stringify(a.json.rejected).slice(0, 500)).toBe(entry.expectAccepted);
      if (entry.expectRejected !== undefined) {
        const got = (a.json.rejected as IngestAnswer['rejected']).map((r) => ({ index: r.index, id: r.id ?? null, errors: r.errors }));
        expect(got.map((r) => r.index)).toEqual(entry.expectRejected.map((r) => r.index));
        for (const want of entry.expectRejected) {
          const r = got.find((x) => x.index === want.index);
          expect(r?.id, `rejected[${want.index}].id`).toEqual(want.id);
          expect(r?.errors.some((e) => want.error.test(e)), `rejected[${want.index}] errors ${JSON.stringify(r?.errors)} must match ${want.error}`).toBe(true);
        }
      }
    }
    await flushWithin(entry.wedgesWriter ? 5_000 : 10_000);
    await expectStoredOnce(entry.stored ?? [], entry.notStored ?? []);
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype is polluted').toBeUndefined();
  });
});

describe.sequential('after a restart', () => {
  // BUG (pinned): the 101-month backfill of the corpus is refused by order_lines (more than
  // 100 partitions in one INSERT block); each retry has already written the rows into
  // events_raw. After a restart the log replay finds the ids in events_raw and drops them,
  // so 101 acknowledged orders never reach any KPI (and events_raw holds each id 4+ times).
  it('every acknowledged event of the corpus is in events_raw once and counted', async () => {
    const backfill = BAD_INPUT_CORPUS.filter((e) => e.wedgesWriter).flatMap((e) => e.stored ?? []);
    expect(backfill).toHaveLength(101);
    await t.restart();
    await flushWithin();
    await expectStoredOnce(backfill);
    const answer = await t.metric('orders', { from: '2017-01-01', to: '2025-06-01' });
    expect(answer.rows[0]?.value ?? null).toBe(101);
  });
});

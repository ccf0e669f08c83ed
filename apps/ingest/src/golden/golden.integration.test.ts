import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type IngestAnswer, type TestApp } from '../testing/harness.js';
import { checkAnswer } from './check.js';
import { KPI_NAMES, goldenCases, midFlowCases } from './expected.js';
import { IN_BATCH_DUPLICATE_ID, NOW, batch1, batch2, batch3, duplicates, resendAfterRestart } from './fixture.js';
import { MAIN, caseName, type GoldenCase } from './golden-case.js';

/*
 * Golden data, end to end: the hand-built fixture goes in through POST /v1/events in
 * three out-of-order batches; every KPI must come out exactly as worked by hand in
 * expected-*.ts — from the ingest path, after duplicates, after a restart, and from
 * the recompute over events_raw.
 */

const table = (cases: GoldenCase[]) => cases.map((c) => [caseName(c), c] as const);
const CASES = table(goldenCases);
const qs = (params: Record<string, string>) => new URLSearchParams(params).toString();

let current: TestApp | undefined;
function app(): TestApp {
  if (!current) throw new Error('test app not started');
  return current;
}

async function expectCase(c: GoldenCase, phase: string): Promise<void> {
  const answer = await app().metric(c.metric, c.params);
  expect(checkAnswer(answer, c), `${phase}: ${caseName(c)}\n  arithmetic: ${c.why}\n  answer: ${JSON.stringify(answer)}`).toEqual([]);
}

function expectIngest(answer: IngestAnswer, accepted: number, dupes: number, what: string): void {
  expect(answer.rejected, `${what}: no fixture event may be rejected`).toEqual([]);
  expect({ accepted: answer.accepted, duplicates: answer.duplicates }, what).toEqual({ accepted, duplicates: dupes });
}

describe.sequential('golden data: fixture in, hand-computed KPIs out', () => {
  beforeAll(async () => {
    current = await startTestApp({ now: NOW });
  });
  afterAll(async () => {
    await current?.close();
  });

  it('accepts batches 1 and 2 out of order; the twice-sent order in batch 2 is one duplicate', async () => {
    expectIngest(await app().post(batch1), batch1.length, 0, 'batch 1');
    expect(batch2.filter((e) => e.id === IN_BATCH_DUPLICATE_ID)).toHaveLength(2);
    expectIngest(await app().post(batch2), batch2.length - 1, 1, 'batch 2');
    await app().flush();
  });

  it.each(table(midFlowCases))('before batch 3 (C5, GD-SEED unknown): %s', async (_name, c) => {
    await expectCase(c, 'before batch 3');
  });

  it('accepts batch 3: late customer, late product, the older saw upsert, opening stock', async () => {
    expectIngest(await app().post(batch3), batch3.length, 0, 'batch 3');
    await app().flush();
  });

  it('lists every KPI with the dimensions and grains these cases use', async () => {
    const res = await app().get('/v1/metrics');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const list: { name: string; title: string; unit: string; description: string; dimensions: string[]; grains: string[] }[] = Array.isArray(body) ? body : body.metrics;
    const byName = new Map(list.map((m) => [m.name, m]));
    for (const name of KPI_NAMES) {
      const m = byName.get(name);
      expect(m, `GET /v1/metrics lacks ${name}`).toBeDefined();
      expect(typeof m?.title === 'string' && typeof m.unit === 'string' && typeof m.description === 'string', `${name}: title, unit, description`).toBe(true);
    }
    for (const c of goldenCases) {
      const m = byName.get(c.metric);
      for (const d of (c.params.by ?? '').split(',').filter(Boolean)) expect(m?.dimensions, `${caseName(c)}: ${d} listed`).toContain(d);
      expect(m?.grains, `${caseName(c)}: grain listed`).toContain(c.params.grain ?? 'total');
    }
  });

  it.each(CASES)('ingest path: %s', async (_name, c) => {
    await expectCase(c, 'ingest path');
  });

  it('counts re-sent events as duplicates', async () => {
    expectIngest(await app().post(duplicates), 0, duplicates.length, 'exact duplicates');
    await app().flush();
  });

  it.each(CASES)('after duplicates: %s', async (_name, c) => {
    await expectCase(c, 'after duplicates');
  });

  it('remembers every id across a restart', async () => {
    await app().restart();
    expectIngest(await app().post(resendAfterRestart), 0, resendAfterRestart.length, 're-sent after restart');
    await app().flush();
  });

  it.each(CASES)('after restart: %s', async (_name, c) => {
    await expectCase(c, 'after restart');
  });

  it('rebuilds every derived table from events_raw', async () => {
    await app().rebuildFromRaw();
  });

  it.each(CASES)('recompute path: %s', async (_name, c) => {
    await expectCase(c, 'recompute path');
  });

  describe('error answers', () => {
    const window = qs(MAIN);
    const bad: [string, string, string][] = [
      ['unknown metric', `/v1/metrics/no_such_kpi?${window}`, 'no_such_kpi'],
      ['unknown dimension', `/v1/metrics/orders?${window}&by=colour`, 'colour'],
      ['dimension that does not apply (orders by warehouse)', `/v1/metrics/orders?${window}&by=warehouse`, 'warehouse'],
      ['dimension that does not apply (nps by warehouse)', `/v1/metrics/nps?${window}&by=warehouse`, 'warehouse'],
      ['dimension that does not apply (orders by carrier: expedite_cost only)', `/v1/metrics/orders?${window}&by=carrier`, 'carrier'],
      ['dimension that does not apply (on_hand_units by segment)', `/v1/metrics/on_hand_units?${window}&by=segment`, 'segment'],
      ['bad grain', `/v1/metrics/orders?${window}&grain=fortnight`, 'grain'],
      ['bad tz', `/v1/metrics/orders?${window}&tz=Mars%2FOlympus`, 'tz'],
      ['bad from', `/v1/metrics/orders?from=2026-13-45&to=2026-11-20`, 'from'],
    ];
    // "Naming it": in the message or in `details` (e.g. {"parameter": "tz"} beside a message about the time zone).
    it.each(bad)('%s -> 400 naming it', async (_what, url, named) => {
      const res = await app().get(url);
      expect(res.statusCode, res.body).toBe(400);
      const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
      expect(typeof body.error?.code, res.body).toBe('string');
      expect(body.error?.code, res.body).not.toBe('');
      expect(typeof body.error?.message, res.body).toBe('string');
      expect(`${String(body.error?.message)} ${JSON.stringify(body.error?.details ?? null)}`, res.body).toContain(named);
    });
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, validateEvent } from '@stockpulse/metrics';
import { createClickHouse, type ClickHouseStore } from '@stockpulse/store';
import { WriteAheadLog } from './wal.js';
import { EventWriter } from './writer.js';

const dir = mkdtempSync(join(tmpdir(), 'writer-'));
let store: ClickHouseStore;
beforeAll(async () => {
  store = createClickHouse({ dataDir: dir });
  await migrate(store.writer);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const row = (id: string) => {
  const v = validateEvent({ id, type: 'customer.upserted', occurred_at: '2026-11-01T00:00:00Z', data: { customer_id: id, segment: 'retail' } }, Date.parse('2026-11-02T00:00:00Z'));
  if (!v.ok) throw new Error(v.errors.join());
  return JSON.stringify(v.row);
};

describe('writer', () => {
  it('sets aside a row the store refuses, stores the others, and keeps going', async () => {
    const wal = new WriteAheadLog(join(dir, 'wal'));
    await wal.open();
    const writer = new EventWriter(store.writer, wal, { batchRows: 1000, flushMs: 10, log: pino({ level: 'silent' }) });
    // A row that bypassed validation: ClickHouse cannot parse its timestamp (a data error, not a fault).
    const bad = row('c-bad').replace('"2026-11-01 00:00:00.000"', '"not a time"');
    const text = [row('c-1'), bad, row('c-2'), row('c-3')].join('\n') + '\n';
    const end = await wal.append(text, 4);
    writer.enqueue({ text, lines: 4, end });
    await writer.drained();
    const ids = await (await store.reader.query({ query: 'SELECT id FROM events_raw FINAL ORDER BY id', format: 'JSONEachRow' })).json<{ id: string }>();
    expect(ids.map((r) => r.id)).toEqual(['c-1', 'c-2', 'c-3']);
    expect(writer.stats.deadLettered).toBe(1);
    const dead = readFileSync(join(dir, 'wal', 'dead-letter.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { row: string; error: string });
    expect(dead).toHaveLength(1);
    expect(dead[0]?.row).toBe(bad);
    // The log was checkpointed past the batch: nothing to replay.
    await writer.stop();
    await wal.close();
    const again = new WriteAheadLog(join(dir, 'wal'));
    expect(await again.open()).toEqual([]);
    await again.close();
  });
});

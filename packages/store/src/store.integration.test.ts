import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { derivedViews, migrate, rebuildDerived, schemaIsCurrent, validateEvent } from '@stockpulse/metrics';
import { createClickHouse, migrateAppDb, openAppDb } from './index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'stockpulse-store-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const rows = async <T>(client: ReturnType<typeof createClickHouse>['reader'], query: string) =>
  (await client.query({ query, format: 'JSONEachRow' })).json<T>();

describe('embedded ClickHouse (chDB)', () => {
  it('migrates once, idempotently, and follows the naming convention', async () => {
    const store = createClickHouse({ dataDir });
    try {
      expect((await migrate(store.writer)).length).toBeGreaterThan(0);
      expect(await migrate(store.writer)).toEqual([]);
      expect(await schemaIsCurrent(store.reader)).toBe(true);
      const tables = await rows<{ name: string; engine: string }>(
        store.reader,
        "SELECT name, engine FROM system.tables WHERE database = currentDatabase() AND NOT startsWith(name, '.inner')",
      );
      const names = new Set(tables.map((t) => t.name));
      for (const t of tables) expect(t.name).toMatch(/^[a-z][a-z0-9_]*$/);
      const views = await derivedViews(store.reader);
      expect(views.length).toBe(tables.filter((t) => t.engine === 'MaterializedView').length);
      for (const v of views) {
        // Every view writes TO a named table and is called <target>_mv.
        expect(v.name).toBe(`${v.target}_mv`);
        expect(names.has(v.target)).toBe(true);
      }
      expect(names.has('events_raw')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('keeps data across a reopen, and rebuilds derived tables from raw events', async () => {
    const event = { id: 'p-1', type: 'product.upserted', occurred_at: '2026-11-01T00:00:00Z', data: { sku: 'A', name: 'Hammer', category: 'Tools', unit_cost: 5, unit_price: 9.99 } };
    const v = validateEvent(event, Date.parse('2026-11-02T00:00:00Z'));
    if (!v.ok) throw new Error(v.errors.join());
    const first = createClickHouse({ dataDir });
    await first.writer.insert({ table: 'events_raw', values: [v.row], format: 'JSONEachRow' });
    await first.close();
    const second = createClickHouse({ dataDir });
    try {
      expect(await rows(second.reader, 'SELECT sku, category FROM products')).toEqual([{ sku: 'A', category: 'Tools' }]);
      await second.writer.command({ query: 'TRUNCATE TABLE products' });
      expect(await rows(second.reader, 'SELECT sku FROM products')).toEqual([]);
      await rebuildDerived(second.writer);
      expect(await rows(second.reader, 'SELECT sku, toString(unit_price) AS p FROM products')).toEqual([{ sku: 'A', p: '9.99' }]);
    } finally {
      await second.close();
    }
  });
});

describe('app state (PGlite)', () => {
  it('migrates idempotently and persists across a reopen', async () => {
    const db = await openAppDb({ dataDir });
    await migrateAppDb(db);
    await migrateAppDb(db);
    await db.query("INSERT INTO api_keys (id, name, hash, scopes) VALUES ('k1', 'n', 'h', ARRAY['read'])");
    await db.close();
    const again = await openAppDb({ dataDir });
    try {
      await migrateAppDb(again);
      const { rows: keys } = await again.query<{ id: string; scopes: string[] }>('SELECT id, scopes FROM api_keys');
      expect(keys).toEqual([{ id: 'k1', scopes: ['read'] }]);
    } finally {
      await again.close();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { ClickHouseClient } from '@clickhouse/client';
import { migrate, validateEvent } from '@stockpulse/metrics';
import { createSimulation, defaultStart, simulateUntil } from '@stockpulse/simulator';
import { createClickHouse } from '@stockpulse/store';
import { fmtInt, parseCount } from './stats.js';

/**
 * chDB alone, without HTTP or the Node pipeline: the writer's INSERT (JSONEachRow rows as
 * the write-ahead log holds them) at several rows-per-insert, into the real schema (every
 * materialized view) and into a copy of events_raw without views. CPU counts every thread
 * of this process, merges included (measured until no merge is running).
 *
 *   node apps/ingest/dist/bench/chdb-insert.js [--rows 500k] [--sizes 2000,10000,50000,100000] [--settings 'k=v, ...']
 */

async function run(client: ClickHouseClient, sql: string): Promise<void> {
  const rs = await client.exec({ query: sql });
  for await (const _ of rs.stream as AsyncIterable<unknown>) {
    // drain
  }
}

async function count(client: ClickHouseClient, sql: string): Promise<number> {
  const rs = await client.query({ query: sql, format: 'JSONEachRow' });
  const rows = await rs.json<{ n: number | string }>();
  return Number(rows[0]?.n ?? 0);
}

async function insertRun(lines: string[], perInsert: number, withViews: boolean, settings: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'stockpulse-chdb-insert-'));
  const store = createClickHouse({ dataDir: dir });
  try {
    await migrate(store.writer);
    const table = withViews ? 'events_raw' : 'events_plain';
    if (!withViews) await run(store.writer, 'CREATE TABLE events_plain AS events_raw');
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < lines.length; i += perInsert) {
      const text = `${lines.slice(i, i + perInsert).join('\n')}\n`;
      const rs = await store.writer.exec({ query: `INSERT INTO ${table} ${settings ? `SETTINGS ${settings} ` : ''}FORMAT JSONEachRow`, values: Readable.from([Buffer.from(text, 'utf8')], { objectMode: false }) });
      for await (const _ of rs.stream as AsyncIterable<unknown>) {
        // drain
      }
    }
    const insertMs = performance.now() - t0;
    const cpuInsert = process.cpuUsage(cpu0);
    while ((await count(store.reader, 'SELECT count() AS n FROM system.merges')) > 0) await new Promise((r) => setTimeout(r, 100));
    const settledMs = performance.now() - t0;
    const cpuAll = process.cpuUsage(cpu0);
    const parts = await count(store.reader, 'SELECT count() AS n FROM system.parts WHERE active');
    const us = (c: NodeJS.CpuUsage) => c.user + c.system;
    return [
      withViews ? 'with views' : 'no views  ',
      `${fmtInt(perInsert).padStart(7)} rows/insert:`,
      `${fmtInt((lines.length / insertMs) * 1000).padStart(8)} rows/s while inserting,`,
      `${fmtInt((lines.length / settledMs) * 1000).padStart(8)} rows/s until merges settle,`,
      `CPU ${(us(cpuInsert) / lines.length).toFixed(1)} µs/row inserting, ${(us(cpuAll) / lines.length).toFixed(1)} µs/row with merges,`,
      `${parts} active parts`,
    ].join(' ');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, sizes: { type: 'string' }, seed: { type: 'string' }, settings: { type: 'string' } } });
  const rows = parseCount(values.rows ?? '500k');
  const sizes = (values.sizes ?? '2000,10000,50000,100000').split(',').map(parseCount);
  const now = Date.now();
  const sim = createSimulation({ seed: Number(values.seed ?? 7), start: defaultStart(30, now), scale: rows / 12_000 / 30, products: 400 });
  const lines: string[] = [];
  for (const events of simulateUntil(sim, new Date(now))) {
    for (const e of events) {
      const v = validateEvent(e, now);
      if (v.ok) lines.push(JSON.stringify(v.row));
      if (lines.length >= rows) break;
    }
    if (lines.length >= rows) break;
  }
  process.stdout.write(`${fmtInt(lines.length)} rows (${fmtInt(lines.reduce((s, l) => s + l.length + 1, 0) / lines.length)} bytes each)\n`);
  const settings = values.settings ?? '';
  if (settings) process.stdout.write(`INSERT ... SETTINGS ${settings}\n`);
  for (const size of sizes) process.stdout.write(`${await insertRun(lines, size, true, settings)}\n`);
  process.stdout.write(`${await insertRun(lines, sizes[sizes.length - 1] ?? 50_000, false, settings)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StockpulseEvent } from '@stockpulse/metrics';
import { parseCli, UsageError } from './cli-args.js';
import { main } from './cli.js';
import { createSimulation, simulateUntil } from './simulation.js';

const NOW = Date.parse('2026-11-22T15:42:10Z');

describe('parseCli', () => {
  it('defaults to 30 days back from today at midnight, so same-day runs are identical', () => {
    const a = parseCli([], NOW, {});
    const b = parseCli([], NOW + 6 * 3_600_000, {});
    expect(a).not.toBe('help');
    if (a === 'help' || b === 'help') return;
    expect(a.start.toISOString()).toBe('2026-10-23T00:00:00.000Z');
    expect(b.start).toEqual(a.start);
    expect(a).toMatchObject({ url: 'http://localhost:3000', seed: 42, days: 30, scale: 1, batchSize: 5000, concurrency: 4, live: false, dryRun: false });
  });

  it('takes the key from the environment unless given, and parses every flag', () => {
    const opts = parseCli(['--seed', '7', '--days', '3', '--start', '2026-01-01', '--scale', '0.5', '--live', '--speed', '60', '--batch-size', '100', '--concurrency', '2', '--out', 'x.ndjson'], NOW, { STOCKPULSE_API_KEY: 'env-key' });
    expect(opts).toMatchObject({ key: 'env-key', seed: 7, days: 3, scale: 0.5, live: true, speed: 60, batchSize: 100, concurrency: 2, out: 'x.ndjson' });
    expect(parseCli(['--key', 'flag-key'], NOW, { STOCKPULSE_API_KEY: 'env-key' })).toMatchObject({ key: 'flag-key' });
  });

  it('rejects bad values with a usage error', () => {
    for (const argv of [['--batch-size', '20000'], ['--scale', '0'], ['--seed', 'x'], ['--start', 'yesterday'], ['--start', '2027-01-01'], ['--bogus']]) {
      expect(() => parseCli(argv, NOW, {}), argv.join(' ')).toThrow(UsageError);
    }
  });
});

describe('main', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stockpulse-sim-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes NDJSON identical to the library stream, held-back late events included', async () => {
    const file = join(dir, 'out.ndjson');
    const code = await main(['--out', file, '--days', '2', '--start', '2026-03-02', '--scale', '0.1', '--seed', '9']);
    expect(code).toBe(0);
    const written = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as StockpulseEvent);
    const sim = createSimulation({ seed: 9, start: new Date('2026-03-02T00:00:00Z'), scale: 0.1 });
    const expected = [...simulateUntil(sim, new Date('2026-03-04T00:00:00Z'))].flat().concat(sim.flush());
    expect(written).toEqual(expected);
  });

  it('sends everything over HTTP and exits non-zero when the server rejects events', async () => {
    let received = 0;
    let rejectOne = false;
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        const batch = JSON.parse(text) as StockpulseEvent[];
        received += batch.length;
        const rejected = rejectOne ? [{ index: 0, id: batch[0]?.id, errors: ['data.qty: must be > 0'] }] : [];
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: batch.length - rejected.length, duplicates: 0, rejected }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const argv = ['--url', url, '--key', 'k', '--days', '1', '--start', '2026-03-02', '--scale', '0.1', '--batch-size', '500'];
    try {
      expect(await main(argv)).toBe(0);
      expect(received).toBeGreaterThan(1000);
      rejectOne = true;
      expect(await main(argv)).toBe(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('answers bad usage with exit status 2', async () => {
    expect(await main(['--days', '-1'])).toBe(2);
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { StockpulseEvent } from '@stockpulse/metrics';
import { retryAfterMs, sendBatches, SendError } from './sender.js';

type Handler = (body: unknown[], req: IncomingMessage, res: ServerResponse, n: number) => void;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A tiny ingest double on 127.0.0.1 that records every request body. */
async function ingest(handler: Handler): Promise<{ url: string; bodies: string[]; auth: (string | undefined)[] }> {
  const bodies: string[] = [];
  const auth: (string | undefined)[] = [];
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      bodies.push(text);
      auth.push(req.headers.authorization);
      handler(JSON.parse(text) as unknown[], req, res, bodies.length);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, bodies, auth };
}

function ok(res: ServerResponse, answer: object): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
}

function events(n: number): StockpulseEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `t-${i}`,
    type: 'stock.moved',
    occurred_at: '2026-03-02T10:00:00.000Z',
    source: 'wms',
    data: { sku: 'TLS-1001', qty_delta: 1, reason: 'receipt' },
  }));
}

describe('sendBatches', () => {
  it('waits Retry-After on 503, sends the same batch again and counts it once', async () => {
    const api = await ingest((body, _req, res, n) => {
      if (n === 1) res.writeHead(503, { 'retry-after': '1' }).end('{"error":{"code":"busy"}}');
      else ok(res, { accepted: body.length, duplicates: 0, rejected: [] });
    });
    const retries: number[] = [];
    const began = Date.now();
    const summary = await sendBatches(events(3), { url: api.url, key: 'k1', onRetry: (r) => retries.push(r.status ?? 0) });
    expect(Date.now() - began).toBeGreaterThanOrEqual(950);
    expect(api.bodies).toHaveLength(2);
    expect(api.bodies[1]).toBe(api.bodies[0]);
    expect(api.auth).toEqual(['Bearer k1', 'Bearer k1']);
    expect(retries).toEqual([503]);
    expect(summary).toMatchObject({ sent: 3, accepted: 3, duplicates: 0, rejected: 0, batches: 1, retries: 1 });
  });

  it('retries 429 and network-level failures too', async () => {
    const api = await ingest((body, _req, res, n) => {
      if (n === 1) res.writeHead(429, { 'retry-after': '0' }).end();
      else if (n === 2) res.socket?.destroy();
      else ok(res, { accepted: body.length, duplicates: 0, rejected: [] });
    });
    const summary = await sendBatches(events(2), { url: api.url, maxBackoffMs: 50 });
    expect(api.bodies).toHaveLength(3);
    expect(summary).toMatchObject({ accepted: 2, retries: 2 });
  });

  it('splits into batches, keeps at most `concurrency` in flight, and sums the answers', async () => {
    let inFlight = 0;
    let peak = 0;
    const api = await ingest((body, _req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        ok(res, { accepted: body.length - 1, duplicates: 1, rejected: [] });
      }, 30);
    });
    const summary = await sendBatches(events(23), { url: `${api.url}/v1/events`, batchSize: 5, concurrency: 2 });
    expect(api.bodies.map((b) => (JSON.parse(b) as unknown[]).length)).toEqual([5, 5, 5, 5, 3]);
    expect(peak).toBe(2);
    expect(summary).toMatchObject({ sent: 23, accepted: 18, duplicates: 5, batches: 5 });
  });

  it('reports rejected events with their ids and errors', async () => {
    const api = await ingest((body, _req, res) => ok(res, { accepted: body.length - 1, duplicates: 0, rejected: [{ index: 1, errors: ['data.sku: required'] }] }));
    const summary = await sendBatches(events(3), { url: api.url });
    expect(summary.rejected).toBe(1);
    expect(summary.rejectedSamples).toEqual([{ index: 1, id: 't-1', errors: ['data.sku: required'] }]);
  });

  it('stops on 400/413/415 without retrying: those are bugs', async () => {
    for (const status of [400, 413, 415]) {
      const api = await ingest((_body, _req, res) => res.writeHead(status).end('{"error":{"code":"bad_request"}}'));
      const err = await sendBatches(events(2), { url: api.url }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SendError);
      expect((err as SendError).status).toBe(status);
      expect(api.bodies).toHaveLength(1);
      await new Promise<void>((resolve) => server?.close(() => resolve()));
      server = undefined;
    }
  });

  it('sends a partial batch when a live source goes quiet', async () => {
    const api = await ingest((body, _req, res) => ok(res, { accepted: body.length, duplicates: 0, rejected: [] }));
    const seenBeforeEnd: number[] = [];
    async function* live() {
      yield events(2);
      await new Promise((r) => setTimeout(r, 300));
      seenBeforeEnd.push(api.bodies.length);
    }
    const summary = await sendBatches(live(), { url: api.url, lingerMs: 50 });
    expect(seenBeforeEnd).toEqual([1]);
    expect(summary.accepted).toBe(2);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and caps them', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs('86400')).toBe(300_000);
    const inFive = new Date(Date.now() + 5000).toUTCString();
    expect(retryAfterMs(inFive)).toBeGreaterThan(3000);
  });
});

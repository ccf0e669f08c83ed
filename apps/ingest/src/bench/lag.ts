import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { HttpClient } from './http.js';
import { promHistogram, scrape, sleep } from './http.js';
import { histogramDelta, histogramQuantile, summarize, type Summary } from './stats.js';

/**
 * Phase 2: a low-rate stream of small batches. Each batch is `order.placed` events of one
 * customer of its own, so one cheap exact query (orders by customer_id over the stream's
 * few seconds) tells which batches are queryable. Lag = 200 answer → first poll that sees
 * the whole batch (an upper bound; the poll period is the resolution).
 */

export interface LagResult {
  batches: number;
  eventsPerBatch: number;
  intervalMs: number;
  pollMs: number;
  /** 200 answer → visible. */
  lagMs: Summary;
  /** Request sent → visible. */
  endToEndMs: Summary;
  ackMs: Summary;
  notVisible: number;
  partialSeen: number;
  polls: number;
  pollMs50: number;
  /** The server's own stockpulse_store_lag_seconds over this phase only. */
  serverLagP50Ms: number;
  serverLagP95Ms: number;
}

interface Batch {
  customer: string;
  body: Buffer;
  fromMs: number;
  toMs: number;
  sentAt: number;
  ackAt: number;
  visibleAt: number;
}

export async function lagPhase(
  http: HttpClient,
  opts: { batches: number; eventsPerBatch: number; intervalMs: number; skus: string[]; label: string; pollMs?: number; timeoutMs?: number },
): Promise<LagResult> {
  const pollMs = opts.pollMs ?? 20;
  const tag = `${opts.label}-${randomBytes(3).toString('hex')}`;
  const skus = opts.skus.length > 0 ? opts.skus : ['BENCH-SKU-1', 'BENCH-SKU-2', 'BENCH-SKU-3'];
  // Bodies are built before the stream starts, stamped with their planned send time.
  const startWall = Date.now() + 300;
  const batches: Batch[] = [];
  for (let b = 0; b < opts.batches; b++) {
    const planned = startWall + b * opts.intervalMs;
    const customer = `bench-lag-${tag}-${b}`;
    const events = [];
    for (let j = 0; j < opts.eventsPerBatch; j++) {
      const lines = [];
      for (let l = 0; l < 1 + (j % 3); l++) {
        lines.push({ sku: skus[(b * 7 + j * 3 + l) % skus.length], qty: 1 + ((j + l) % 4), unit_price: 19.99, backordered_qty: j % 10 === 0 && l === 0 ? 1 : 0 });
      }
      events.push({
        id: `bench-lag-${tag}-${b}-${j}`,
        type: 'order.placed',
        occurred_at: new Date(planned + (j % opts.intervalMs)).toISOString(),
        source: 'bench',
        data: { order_id: `BL-${tag}-${b}-${j}`, customer_id: customer, channel: 'bench', lines },
      });
    }
    batches.push({ customer, body: Buffer.from(JSON.stringify(events)), fromMs: planned, toMs: planned + opts.intervalMs, sentAt: 0, ackAt: 0, visibleAt: 0 });
  }
  const histBefore = promHistogram(await scrape(http), 'stockpulse_store_lag_seconds');

  let sendingDone = false;
  const acks: number[] = [];
  const sender = async (): Promise<void> => {
    const t0 = performance.now() + Math.max(0, startWall - Date.now());
    for (let b = 0; b < batches.length; b++) {
      const wait = t0 + b * opts.intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      const batch = batches[b] as Batch;
      batch.sentAt = performance.now();
      const res = await http.send('POST', '/v1/events', batch.body);
      if (res.status !== 200) throw new Error(`lag batch ${b}: POST /v1/events answered ${res.status}: ${res.text.slice(0, 300)}`);
      batch.ackAt = performance.now();
      acks.push(res.ms);
    }
    sendingDone = true;
  };

  let polls = 0;
  let partialSeen = 0;
  const pollTimes: number[] = [];
  const poller = async (): Promise<void> => {
    let lastAck = 0;
    for (;;) {
      const pending = batches.filter((b) => b.ackAt > 0 && b.visibleAt === 0);
      if (sendingDone && pending.length === 0) return;
      if (sendingDone) lastAck ||= performance.now();
      if (lastAck > 0 && performance.now() - lastAck > (opts.timeoutMs ?? 30_000)) return;
      const started = performance.now();
      if (pending.length > 0) {
        const q = new URLSearchParams({
          by: 'customer_id',
          grain: 'total',
          customer_id: pending.map((b) => b.customer).join(','),
          from: new Date(Math.min(...pending.map((b) => b.fromMs)) - 1000).toISOString(),
          to: new Date(Math.max(...pending.map((b) => b.toMs)) + 1000).toISOString(),
        });
        const res = await http.get(`/v1/metrics/orders?${q}`);
        polls++;
        pollTimes.push(res.ms);
        if (res.status !== 200) throw new Error(`lag poll answered ${res.status}: ${res.text.slice(0, 300)}`);
        const seenAt = performance.now();
        const rows = (JSON.parse(res.text) as { rows: { customer_id: string; value: number | null }[] }).rows;
        for (const r of rows) {
          const b = pending.find((x) => x.customer === r.customer_id);
          if (!b) continue;
          if (r.value === opts.eventsPerBatch) b.visibleAt = seenAt;
          else if ((r.value ?? 0) > 0) partialSeen++;
        }
      }
      const rest = pollMs - (performance.now() - started);
      if (rest > 0) await sleep(rest);
    }
  };

  await Promise.all([sender(), poller()]);
  const histAfter = promHistogram(await scrape(http), 'stockpulse_store_lag_seconds');
  const delta = histogramDelta(histAfter, histBefore);
  const seen = batches.filter((b) => b.visibleAt > 0);
  return {
    batches: batches.length,
    eventsPerBatch: opts.eventsPerBatch,
    intervalMs: opts.intervalMs,
    pollMs,
    lagMs: summarize(seen.map((b) => Math.max(0, b.visibleAt - b.ackAt))),
    endToEndMs: summarize(seen.map((b) => b.visibleAt - b.sentAt)),
    ackMs: summarize(acks),
    notVisible: batches.length - seen.length,
    partialSeen,
    polls,
    pollMs50: summarize(pollTimes).p50,
    serverLagP50Ms: histogramQuantile(delta, 0.5) * 1000,
    serverLagP95Ms: histogramQuantile(delta, 0.95) * 1000,
  };
}

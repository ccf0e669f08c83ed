import { performance } from 'node:perf_hooks';
import type { HttpClient } from './http.js';
import { promValue, scrape, sleep } from './http.js';
import { machineCpu, processCpuMs, threadCpu, threadCpuDelta, type ThreadGroupDelta } from './server-child.js';
import { summarize, type Summary } from './stats.js';

/** Phase 1: N clients POST prepared bodies back to back over keep-alive connections. */

export interface IngestRun {
  label: string;
  clients: number;
  /** Events stored before and after the run (server counters). */
  storedBefore: number;
  storedAfter: number;
  events: number;
  requests: number;
  /** First request sent to the last 200 received. */
  ackWallMs: number;
  /** First request sent to the moment the writer's backlog was seen at 0. */
  queryableMs: number;
  /** events / ackWallMs: how fast the API takes events (durable in the WAL). */
  acceptedPerSec: number;
  /** events / queryableMs: what the whole path sustains end to end. */
  sustainedPerSec: number;
  ackLatencyMs: Summary;
  accepted: number;
  duplicates: number;
  rejected: number;
  rejectedSamples: string[];
  retries429: number;
  retries503: number;
  maxBacklogRows: number;
  /** Server process CPU over the run (ack + drain), in core-seconds, and as cores used on average. */
  serverCpuSec: number;
  serverCores: number;
  serverCpuByThread: ThreadGroupDelta[];
  clientCpuSec: number;
  /** Whole machine over the run: busy cores, of which neither the server nor this bench (other tenants). */
  machineCores: number;
  otherCores: number;
  stealCores: number;
  /** CLOCK_MONOTONIC window of the run in µs (what V8 profiles use), for profile-summary. */
  monoWindowUs: [number, number];
  /** Rows per INSERT and inserts during the run (server histogram). */
  inserts: number;
  rowsPerInsert: number;
}

interface IngestAnswer {
  accepted: number;
  duplicates: number;
  rejected: { index: number; id?: string; errors: string[] }[];
}

const RETRY_AFTER_DEFAULT_MS = 1000;

function retryAfterMs(value: string | string[] | undefined): number {
  const v = Array.isArray(value) ? value[0] : value;
  const s = Number(v);
  return Number.isFinite(s) && s >= 0 ? Math.max(50, s * 1000) : RETRY_AFTER_DEFAULT_MS;
}

/** Polls /metrics until the writer has nothing queued and has inserted `minInserted` rows; returns when it saw that. */
export async function waitQueryable(http: HttpClient, minInserted: number, timeoutMs = 1_800_000, pollMs = 50): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const m = await scrape(http);
    if (promValue(m, 'stockpulse_ingest_backlog_rows') === 0 && promValue(m, 'stockpulse_store_insert_rows_sum') >= minInserted) return performance.now();
    if (performance.now() > deadline) throw new Error(`events not queryable within ${timeoutMs} ms`);
    await sleep(pollMs);
  }
}

export async function ingestRun(http: HttpClient, pid: number, bodies: readonly Buffer[], events: number, clients: number, label: string): Promise<IngestRun> {
  const before = await scrape(http);
  const storedBefore = promValue(before, 'stockpulse_store_insert_rows_sum');
  const insertsBefore = promValue(before, 'stockpulse_store_insert_rows_count');
  const latencies: number[] = [];
  const totals = { accepted: 0, duplicates: 0, rejected: 0, r429: 0, r503: 0 };
  const rejectedSamples: string[] = [];
  let next = 0;
  let maxBacklog = 0;
  let sending = true;

  const client = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= bodies.length) return;
      const body = bodies[i] as Buffer;
      for (;;) {
        const res = await http.send('POST', '/v1/events', body);
        if (res.status === 200) {
          latencies.push(res.ms);
          const a = JSON.parse(res.text) as IngestAnswer;
          totals.accepted += a.accepted;
          totals.duplicates += a.duplicates;
          totals.rejected += a.rejected.length;
          for (const r of a.rejected) if (rejectedSamples.length < 5) rejectedSamples.push(`${r.id ?? `#${r.index}`}: ${r.errors.join('; ')}`);
          break;
        }
        if (res.status === 429 || res.status === 503) {
          if (res.status === 429) totals.r429++;
          else totals.r503++;
          await sleep(retryAfterMs(res.headers['retry-after']));
          continue;
        }
        throw new Error(`POST /v1/events answered ${res.status}: ${res.text.slice(0, 300)}`);
      }
    }
  };
  const watchBacklog = async (): Promise<void> => {
    while (sending) {
      await sleep(500);
      try {
        maxBacklog = Math.max(maxBacklog, promValue(await scrape(http), 'stockpulse_ingest_backlog_rows'));
      } catch {
        // A missed sample only lowers the reported maximum.
      }
    }
  };

  const cpu0 = processCpuMs(pid);
  const threads0 = threadCpu(pid);
  const client0 = process.cpuUsage();
  const machine0 = machineCpu();
  const mono0 = Number(process.hrtime.bigint() / 1000n);
  const t0 = performance.now();
  const watcher = watchBacklog();
  try {
    await Promise.all(Array.from({ length: clients }, client));
  } finally {
    sending = false;
  }
  const tAck = performance.now();
  const tQueryable = await waitQueryable(http, storedBefore + totals.accepted);
  const clientCpu = process.cpuUsage(client0);
  const cpu1 = processCpuMs(pid);
  const threads1 = threadCpu(pid);
  const machine1 = machineCpu();
  const mono1 = Number(process.hrtime.bigint() / 1000n);
  await watcher;
  const after = await scrape(http);
  const inserts = promValue(after, 'stockpulse_store_insert_rows_count') - insertsBefore;
  const storedAfter = promValue(after, 'stockpulse_store_insert_rows_sum');

  const ackWallMs = tAck - t0;
  const queryableMs = tQueryable - t0;
  return {
    label,
    clients,
    storedBefore,
    storedAfter,
    events,
    requests: bodies.length,
    ackWallMs,
    queryableMs,
    acceptedPerSec: (events / ackWallMs) * 1000,
    sustainedPerSec: (events / queryableMs) * 1000,
    ackLatencyMs: summarize(latencies),
    accepted: totals.accepted,
    duplicates: totals.duplicates,
    rejected: totals.rejected,
    rejectedSamples,
    retries429: totals.r429,
    retries503: totals.r503,
    maxBacklogRows: maxBacklog,
    serverCpuSec: (cpu1 - cpu0) / 1000,
    serverCores: (cpu1 - cpu0) / queryableMs,
    serverCpuByThread: threadCpuDelta(threads0, threads1),
    clientCpuSec: (clientCpu.user + clientCpu.system) / 1e6,
    machineCores: (machine1.busyMs - machine0.busyMs) / queryableMs,
    otherCores: (machine1.busyMs - machine0.busyMs - (cpu1 - cpu0) - (clientCpu.user + clientCpu.system) / 1000) / queryableMs,
    stealCores: (machine1.stealMs - machine0.stealMs) / queryableMs,
    monoWindowUs: [mono0, mono1],
    inserts,
    rowsPerInsert: inserts > 0 ? (storedAfter - storedBefore) / inserts : 0,
  };
}

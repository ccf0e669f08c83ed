import { performance } from 'node:perf_hooks';
import { kpiPhase, type KpiResult, type KpiSpec } from './kpi.js';
import { procStatusBytes, startServer, type RssSampler } from './server-child.js';

/**
 * After the main run: the same DATA_DIR started again, once API-only and once with the
 * dashboard, for start-up time (id index load + WAL replay), steady RSS without the
 * first-start costs, cold-cache KPI latency and what the dashboard adds.
 */

export interface RestartResult {
  dashboard: boolean;
  readyMs: number;
  rssReady: number;
  rssAfter: number;
  hwm: number;
  shutdownMs: number;
  kpi?: KpiResult;
  page?: { path: string; status: number; ms: number };
  error?: string;
  /** Set when the first start failed and the retry worked. */
  firstAttemptError?: string;
}

export async function restartPhase(
  opts: { dataDir: string; apiKey: string; dashboard: boolean; env: Record<string, string>; spec: KpiSpec; sampler: RssSampler },
): Promise<RestartResult> {
  let server;
  let firstError: string | undefined;
  try {
    server = await startServer({ dataDir: opts.dataDir, apiKey: opts.apiKey, dashboard: opts.dashboard, env: opts.env }).catch(async (err: unknown) => {
      // One retry: a start can lose its port to another process between the probe and listen().
      firstError = (err as Error).message.slice(-1500);
      return startServer({ dataDir: opts.dataDir, apiKey: opts.apiKey, dashboard: opts.dashboard, env: opts.env });
    });
  } catch (err) {
    return { dashboard: opts.dashboard, readyMs: Number.NaN, rssReady: Number.NaN, rssAfter: Number.NaN, hwm: Number.NaN, shutdownMs: Number.NaN, error: (err as Error).message.slice(-1500) };
  }
  try {
    opts.sampler.follow(server.pid, opts.dashboard ? 'restart, dashboard on' : 'restart, API only');
    // Let start-up allocations settle before reading the "ready" RSS.
    await new Promise((r) => setTimeout(r, 1000));
    const rssReady = procStatusBytes(server.pid, 'VmRSS');
    const result: RestartResult = { dashboard: opts.dashboard, readyMs: server.readyMs, rssReady, rssAfter: Number.NaN, hwm: Number.NaN, shutdownMs: Number.NaN };
    if (firstError) result.firstAttemptError = firstError;
    if (opts.dashboard) {
      const t0 = performance.now();
      const res = await server.http.get('/');
      result.page = { path: '/', status: res.status, ms: performance.now() - t0 };
    }
    result.kpi = (await kpiPhase(server.http, [opts.spec], { warmups: 1, runs: 10 }))[0];
    result.rssAfter = procStatusBytes(server.pid, 'VmRSS');
    result.hwm = procStatusBytes(server.pid, 'VmHWM');
    opts.sampler.sample();
    result.shutdownMs = await server.stop();
    return result;
  } finally {
    server.kill();
  }
}

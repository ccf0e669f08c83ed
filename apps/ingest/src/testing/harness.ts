import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { rebuildDerived } from '@stockpulse/metrics';
import { buildApp } from '../app.js';
import { readEnv } from '../env.js';

/** Builds the real app (chDB under a temp DATA_DIR, PGlite app state) and talks to it with inject(). */

export interface IngestAnswer {
  accepted: number;
  duplicates: number;
  rejected: { index: number; id?: string; errors: string[] }[];
}
export interface MetricRow {
  bucket?: string;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  [dimension: string]: unknown;
}
export interface MetricAnswer {
  metric: string;
  from: string;
  to: string;
  grain: string;
  by: string[];
  rows: MetricRow[];
}
export interface Reply {
  statusCode: number;
  body: string;
  json(): any;
  headers: Record<string, unknown>;
}
export interface TestApp {
  app: FastifyInstance;
  key: string;
  dataDir: string;
  post(events: unknown[]): Promise<IngestAnswer>;
  flush(): Promise<void>;
  metric(name: string, params?: Record<string, string>): Promise<MetricAnswer>;
  get(url: string): Promise<Reply>;
  restart(): Promise<void>;
  rebuildFromRaw(): Promise<void>;
  close(): Promise<void>;
}

export const TEST_KEY = 'test-admin-key-0123456789abcdef';

export async function startTestApp(opts: { now?: string | number; env?: Record<string, string> } = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stockpulse-test-'));
  const nowMs = opts.now === undefined ? undefined : typeof opts.now === 'number' ? opts.now : Date.parse(opts.now);
  const env = readEnv({ DATA_DIR: dataDir, API_KEY: TEST_KEY, LOG_LEVEL: 'warn', INGEST_FLUSH_MS: '20', ...opts.env });
  const logger = process.env.TEST_LOG_LEVEL ? { level: process.env.TEST_LOG_LEVEL } : false;
  const build = () => buildApp({ env, logger, ...(nowMs === undefined ? {} : { now: () => nowMs }) });
  let app = await build();
  const auth = { authorization: `Bearer ${TEST_KEY}` };
  const reply = (r: { statusCode: number; body: string; headers: Record<string, unknown> }): Reply => ({
    statusCode: r.statusCode,
    body: r.body,
    headers: r.headers,
    json: () => JSON.parse(r.body),
  });
  const t: TestApp = {
    get app() {
      return app;
    },
    key: TEST_KEY,
    dataDir,
    async post(events) {
      const r = await app.inject({ method: 'POST', url: '/v1/events', headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify(events) });
      if (r.statusCode !== 200) throw new Error(`POST /v1/events answered ${r.statusCode}: ${r.body}`);
      return r.json() as IngestAnswer;
    },
    flush: () => app.ctx.pipeline.writer.drained(),
    async metric(name, params = {}) {
      const qs = new URLSearchParams(params).toString();
      const r = await app.inject({ method: 'GET', url: `/v1/metrics/${encodeURIComponent(name)}${qs ? `?${qs}` : ''}`, headers: auth });
      if (r.statusCode !== 200) throw new Error(`GET /v1/metrics/${name}?${qs} answered ${r.statusCode}: ${r.body}`);
      return r.json() as MetricAnswer;
    },
    async get(url) {
      return reply(await app.inject({ method: 'GET', url, headers: auth }));
    },
    async restart() {
      await app.close();
      app = await build();
    },
    async rebuildFromRaw() {
      await app.ctx.pipeline.writer.drained();
      await rebuildDerived(app.ctx.store.writer);
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

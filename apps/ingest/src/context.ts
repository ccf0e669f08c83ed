import type { AppDb, ClickHouseStore } from '@stockpulse/store';
import type { Env } from './env.js';
import type { IngestPipeline } from './pipeline/pipeline.js';
import type { KeyStore } from './plugins/auth.js';
import type { AppMetrics } from './plugins/prom.js';

/** What routes need, built once per app by buildApp. */
export interface AppContext {
  env: Env;
  store: ClickHouseStore;
  db: AppDb;
  keys: KeyStore;
  pipeline: IngestPipeline;
  metrics: AppMetrics;
  /** The clock: tests fix it; "as of now" KPIs and the 24 h future limit use it. */
  now: () => number;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { migrate } from '@stockpulse/metrics';
import { createClickHouse, migrateAppDb, openAppDb } from '@stockpulse/store';
import type { AppContext } from './context.js';
import type { Env } from './env.js';
import { registerErrorHandler } from './errors.js';
import { LiveHub, liveRoutes } from './live/routes.js';
import { IngestPipeline } from './pipeline/pipeline.js';
import { bootstrapAdmin, KeyStore } from './plugins/auth.js';
import { SessionStore } from './plugins/sessions.js';
import { createMetrics } from './plugins/prom.js';
import { eventsRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { authRoutes } from './routes/auth.js';
import { keysRoutes } from './routes/keys.js';
import { metricsRoutes } from './routes/metrics.js';
import { usersRoutes } from './routes/users.js';

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface AppOptions {
  env: Env;
  now?: () => number;
  logger?: FastifyServerOptions['logger'];
  /** Where the first-start admin credentials are printed (stdout by default). */
  print?: (text: string) => void;
  /** The origin printed in the first-start message. */
  origin?: string;
}

/** Builds the whole service as a Fastify app. server.ts only reads the environment and listens. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { env } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: env.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: MAX_BODY_BYTES,
    forceCloseConnections: true,
  });
  registerErrorHandler(app);

  const now = opts.now ?? Date.now;
  const store = createClickHouse({
    dataDir: env.DATA_DIR,
    url: env.CLICKHOUSE_URL,
    user: env.CLICKHOUSE_USER,
    password: env.CLICKHOUSE_PASSWORD,
    database: env.CLICKHOUSE_DATABASE,
  });
  const db = await openAppDb({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL });
  try {
    await migrate(store.writer, { cluster: env.CLICKHOUSE_CLUSTER });
    await migrateAppDb(db);
  } catch (err) {
    await store.close();
    await db.close();
    throw err;
  }
  const metrics = createMetrics();
  const live = new LiveHub({ reader: store.reader, now, log: app.log });
  const pipeline = new IngestPipeline({
    dataDir: env.DATA_DIR,
    writer: store.writer,
    log: app.log,
    now,
    batchRows: env.INGEST_BATCH_ROWS,
    flushMs: env.INGEST_FLUSH_MS,
    maxBacklogRows: env.INGEST_MAX_BACKLOG_ROWS,
    onInserted: (rows, lagMs) => {
      metrics.storeInsertRows.observe(rows);
      metrics.storeLagSeconds.observe(lagMs / 1000);
      live.notify();
    },
    onInsertError: () => metrics.storeErrors.inc(),
  });
  const sessions = new SessionStore(db);
  const keys = new KeyStore(db, env.API_KEY, sessions, now);
  const ctx: AppContext = { env, store, db, keys, pipeline, metrics, now };
  app.decorate('ctx', ctx);
  app.addHook('onClose', async () => {
    await pipeline.close();
    await store.close();
    await db.close();
  });
  await pipeline.start();

  await app.register(cookie);
  await app.register(healthRoutes);
  await app.register(eventsRoutes);
  await app.register(metricsRoutes);
  await app.register(liveRoutes, { hub: live });
  await app.register(keysRoutes);
  await app.register(authRoutes);
  await app.register(usersRoutes);

  if (!env.API_KEY) {
    await bootstrapAdmin(db, keys, opts.print ?? ((t) => process.stdout.write(`${t}\n`)), opts.origin ?? `http://localhost:${env.PORT}`);
  }
  return app;
}

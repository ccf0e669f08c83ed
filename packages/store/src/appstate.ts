import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * App state (users, sessions, API keys, rules, subscriptions) in PostgreSQL: embedded
 * PGlite under DATA_DIR by default, a server with DATABASE_URL. Same SQL for both.
 */
export interface AppDb {
  mode: 'embedded' | 'server';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function openAppDb(cfg: { dataDir: string; databaseUrl?: string | undefined }): Promise<AppDb> {
  if (cfg.databaseUrl) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: cfg.databaseUrl, max: 10 });
    return {
      mode: 'server',
      query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await pool.query(sql, params)).rows as T[] }),
      exec: async (sql) => void (await pool.query(sql)),
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = resolve(join(cfg.dataDir, 'appstate'));
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'PG_VERSION'))) await initInWorker(dir);
  const db = await PGlite.create(dir);
  return {
    mode: 'embedded',
    query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await db.query<T>(sql, params)).rows }),
    exec: async (sql) => void (await db.exec(sql)),
    close: () => db.close(),
  };
}

/**
 * Creating a PGlite cluster (initdb) grows the WebAssembly heap by ~800 MiB, which a
 * process never gives back; opening an existing one takes ~280 MiB. So the first start
 * runs initdb in a worker thread, whose memory is freed when it exits.
 */
async function initInWorker(dir: string): Promise<void> {
  const entry = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    import(workerData.entry)
      .then(async ({ PGlite }) => { const db = await PGlite.create(workerData.dir); await db.close(); parentPort.postMessage('ok'); })
      .catch((err) => parentPort.postMessage(String(err && err.stack || err)));`;
  const worker = new Worker(code, { eval: true, workerData: { entry, dir } });
  const answer = await new Promise<string>((res, rej) => {
    worker.once('message', res);
    worker.once('error', rej);
  });
  await worker.terminate();
  if (answer !== 'ok') throw new Error(`could not create the app-state database: ${answer}`);
}

/** App-state migrations: numbered, idempotent, applied in order, recorded in app_migrations. */
export const APP_MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE IF NOT EXISTS api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        hash TEXT NOT NULL,
        scopes TEXT[] NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        last_used_at TIMESTAMPTZ,
        revoked_at TIMESTAMPTZ
      );
      CREATE TABLE IF NOT EXISTS users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        roles TEXT[] NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        disabled_at TIMESTAMPTZ
      );`,
  },
  {
    version: 2,
    sql: `
      ALTER TABLE users ADD COLUMN IF NOT EXISTS name TEXT;
      CREATE TABLE IF NOT EXISTS sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        expires_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id);`,
  },
];

export async function migrateAppDb(db: AppDb): Promise<void> {
  await db.exec('CREATE TABLE IF NOT EXISTS app_migrations (version INT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
  const { rows } = await db.query<{ version: number }>('SELECT version FROM app_migrations');
  const done = new Set(rows.map((r) => Number(r.version)));
  for (const m of APP_MIGRATIONS) {
    if (done.has(m.version)) continue;
    await db.exec(m.sql);
    await db.query('INSERT INTO app_migrations (version) VALUES ($1) ON CONFLICT DO NOTHING', [m.version]);
  }
}

import { z } from 'zod';

/** The only place that reads process.env. Every variable is listed in .env.example. */
const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  API_KEY: optionalString.refine((v) => v === undefined || v.length >= 24, 'API_KEY must be at least 24 characters'),
  CLICKHOUSE_URL: optionalString,
  CLICKHOUSE_USER: optionalString,
  CLICKHOUSE_PASSWORD: optionalString,
  CLICKHOUSE_DATABASE: optionalString,
  CLICKHOUSE_CLUSTER: optionalString,
  DATABASE_URL: optionalString,
  /** Starts the demo simulator: backfill DEMO_DAYS of history, then stream live. */
  DEMO: boolish,
  DEMO_DAYS: z.coerce.number().int().min(0).max(730).default(30),
  DEMO_SCALE: z.coerce.number().positive().max(100).default(1),
  DEMO_SEED: z.coerce.number().int().default(42),
  /** Serve the dashboard (Next.js) on the same origin. */
  DASHBOARD: z
    .enum(['1', '0', 'true', 'false', ''])
    .optional()
    .transform((v) => v !== '0' && v !== 'false'),
  /** Write-ahead log and writer tuning. */
  INGEST_BATCH_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
  INGEST_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  INGEST_MAX_BACKLOG_ROWS: z.coerce.number().int().min(1000).default(2_000_000),
  INGEST_MAX_INFLIGHT: z.coerce.number().int().min(1).default(64),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

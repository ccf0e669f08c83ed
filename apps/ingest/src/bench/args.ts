import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCount } from './stats.js';

export const SKIPPABLE = ['lag', 'kpi', 'restart'] as const;
export type Skippable = (typeof SKIPPABLE)[number];

export interface BenchArgs {
  /** Events stored at the end (the second KPI checkpoint). */
  events: number;
  /** Events stored at the first checkpoint (lag and KPIs are measured at both). */
  first: number;
  /** Concurrent HTTP clients; each value is a phase-1 configuration. */
  clients: number[];
  /** Phase-1 repetitions per configuration (the report gives their median). */
  runs: number;
  batch: number;
  days: number;
  seed: number;
  kpiRuns: number;
  kpiWarmups: number;
  lagBatches: number;
  lagBatchEvents: number;
  lagIntervalMs: number;
  skip: Set<Skippable>;
  /** Extra server environment (INGEST_FLUSH_MS=100, ...): tuning experiments without code changes. */
  serverEnv: Record<string, string>;
  /** Extra node flags for the server process (--max-semi-space-size=64, ...). */
  serverNodeArgs: string[];
  /** Directory for server CPU profiles (node --cpu-prof); none when undefined. */
  cpuProf: string | undefined;
  out: string;
  keepData: boolean;
  quick: boolean;
}

export const USAGE = `Usage: node apps/ingest/dist/bench/run.js [options]

  --events N         events stored at the end (default 10M; --quick 1M)
  --first N          first checkpoint for lag and KPI latency (default 1M; --quick 200k)
  --clients 4,8      concurrent clients, one phase-1 configuration each (default 4,8)
  --runs N           phase-1 runs per configuration, median reported (default 3; --quick 1)
  --batch N          events per request (default 1000)
  --days N           days of history the generated data spans, ending now (default 180)
  --seed N           simulator seed (default 42)
  --kpi-runs N       timed requests per KPI query after --kpi-warmups (default 30, 3)
  --lag-batches N    phase-2 batches (default 100; --quick 60), --lag-events N (default 100)
  --skip lag,kpi,restart   leave phases out
  --server-env K=V   extra server variable, repeatable (e.g. INGEST_FLUSH_MS=100)
  --server-node-arg F   extra node flag for the server, repeatable (e.g. --server-node-arg=--max-semi-space-size=64)
  --cpu-prof DIR     run the server under node --cpu-prof, profiles written to DIR
  --out DIR          where the JSON result goes (default <repo>/bench-results)
  --keep-data        keep the server's temporary DATA_DIR
  --quick            smoke run: 200k / 1M events, 1 run per configuration
`;

function count(name: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const n = parseCount(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got "${text}"`);
  return n;
}

export function parseBenchArgs(argv: string[], repoRoot: string): BenchArgs | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      events: { type: 'string' },
      first: { type: 'string' },
      clients: { type: 'string' },
      runs: { type: 'string' },
      batch: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      'kpi-runs': { type: 'string' },
      'kpi-warmups': { type: 'string' },
      'lag-batches': { type: 'string' },
      'lag-events': { type: 'string' },
      'lag-interval': { type: 'string' },
      skip: { type: 'string' },
      'server-env': { type: 'string', multiple: true },
      'server-node-arg': { type: 'string', multiple: true },
      'cpu-prof': { type: 'string' },
      out: { type: 'string' },
      'keep-data': { type: 'boolean' },
      quick: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const quick = values.quick === true;
  const events = count('events', values.events, quick ? 1_000_000 : 10_000_000, 1000);
  const first = count('first', values.first, Math.min(quick ? 200_000 : 1_000_000, Math.floor(events / 5)), 1000);
  if (first >= events) throw new Error('--first must be below --events');
  const clients = (values.clients ?? '4,8').split(',').map((c) => count('clients', c.trim(), 0));
  const skip = new Set<Skippable>();
  for (const s of (values.skip ?? '').split(',').filter(Boolean)) {
    if (!(SKIPPABLE as readonly string[]).includes(s)) throw new Error(`--skip takes ${SKIPPABLE.join(', ')}; got "${s}"`);
    skip.add(s as Skippable);
  }
  const serverEnv: Record<string, string> = {};
  for (const kv of values['server-env'] ?? []) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(kv);
    if (!m) throw new Error(`--server-env takes NAME=value, got "${kv}"`);
    serverEnv[m[1] as string] = m[2] as string;
  }
  return {
    events,
    first,
    clients,
    runs: count('runs', values.runs, quick ? 1 : 3),
    batch: count('batch', values.batch, 1000),
    days: count('days', values.days, 180, 31),
    seed: count('seed', values.seed, 42, 0),
    kpiRuns: count('kpi-runs', values['kpi-runs'], 30),
    kpiWarmups: count('kpi-warmups', values['kpi-warmups'], 3, 0),
    lagBatches: count('lag-batches', values['lag-batches'], quick ? 60 : 100),
    lagBatchEvents: count('lag-events', values['lag-events'], 100),
    lagIntervalMs: count('lag-interval', values['lag-interval'], 100),
    skip,
    serverEnv,
    serverNodeArgs: values['server-node-arg'] ?? [],
    cpuProf: values['cpu-prof'] === undefined ? undefined : resolve(values['cpu-prof']),
    out: resolve(values.out ?? resolve(repoRoot, 'bench-results')),
    keepData: values['keep-data'] === true,
    quick,
  };
}

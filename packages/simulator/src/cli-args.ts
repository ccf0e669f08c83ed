import { parseArgs } from 'node:util';
import { defaultStart } from './play.js';

export const USAGE = `Usage: stockpulse-simulate [options]

Plays a deterministic demo business (orders, stock, purchasing, carriers, surveys) into
the Stockpulse ingest API, as events of shared/spec/events.md.

Options:
  --url <url>          ingest API base URL (default http://localhost:3000)
  --key <key>          API key with the ingest scope (default: $STOCKPULSE_API_KEY)
  --seed <n>           random seed (default 42)
  --days <n>           days of history to backfill (default 30)
  --start <date>       ISO date/time the history starts (default: today minus --days, 00:00 UTC,
                       so runs on the same day with the same seed send identical events)
  --scale <x>          order volume multiplier (default 1, about 1,000 orders a day)
  --live               after the backfill, keep streaming events as their time comes
  --speed <x>          live time multiplier (default 1)
  --batch-size <n>     events per request, 1..10000 (default 5000)
  --concurrency <n>    requests in flight (default 4)
  --dry-run            generate only: print event counts per type and the generation speed
  --out <file>         write NDJSON to a file ('-' for stdout) instead of sending
  -h, --help           show this help

Exit status: 0 done, 1 rejected events or a failed request, 2 bad usage, 130/143 stopped by SIGINT/SIGTERM.`;

export interface CliOptions {
  url: string;
  key: string | undefined;
  seed: number;
  days: number;
  start: Date;
  scale: number;
  live: boolean;
  speed: number;
  batchSize: number;
  concurrency: number;
  dryRun: boolean;
  out: string | undefined;
}

export class UsageError extends Error {}

function num(name: string, value: string | undefined, fallback: number, check: (n: number) => boolean, rule: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} must be ${rule} (got "${value}")`);
  return n;
}

/** Parses argv; `nowMs` and `env` are passed in so that defaults are testable. */
export function parseCli(argv: string[], nowMs: number, env: NodeJS.ProcessEnv): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: 'string' },
        key: { type: 'string' },
        seed: { type: 'string' },
        days: { type: 'string' },
        start: { type: 'string' },
        scale: { type: 'string' },
        live: { type: 'boolean' },
        speed: { type: 'string' },
        'batch-size': { type: 'string' },
        concurrency: { type: 'string' },
        'dry-run': { type: 'boolean' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  const days = num('days', values.days, 30, (n) => n >= 0, 'a number >= 0');
  let start = defaultStart(days, nowMs);
  if (values.start !== undefined) {
    start = new Date(values.start);
    if (Number.isNaN(start.getTime())) throw new UsageError(`--start must be an ISO date or date-time (got "${values.start}")`);
  }
  if (start.getTime() > nowMs) throw new UsageError('--start is in the future: the API rejects events more than 24 h ahead');
  return {
    url: values.url ?? 'http://localhost:3000',
    key: values.key ?? env.STOCKPULSE_API_KEY,
    seed: num('seed', values.seed, 42, Number.isSafeInteger, 'an integer'),
    days,
    start,
    scale: num('scale', values.scale, 1, (n) => n > 0 && n <= 1000, 'a number in (0, 1000]'),
    live: values.live ?? false,
    speed: num('speed', values.speed, 1, (n) => n > 0 && n <= 10_000, 'a number in (0, 10000]'),
    batchSize: num('batch-size', values['batch-size'], 5000, (n) => Number.isInteger(n) && n >= 1 && n <= 10_000, 'an integer 1..10000'),
    concurrency: num('concurrency', values.concurrency, 4, (n) => Number.isInteger(n) && n >= 1 && n <= 64, 'an integer 1..64'),
    dryRun: values['dry-run'] ?? false,
    out: values.out,
  };
}

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Where the server's main thread spends its time, from a V8 `.cpuprofile` (node
 * --cpu-prof): self time by area and by function, and inclusive time of the ingest path's
 * steps. chDB runs on its own threads and shows here only as "(idle)"; the bench's
 * per-thread CPU table covers it.
 *
 *   node apps/ingest/dist/bench/profile-summary.js /tmp/prof/CPU.*.cpuprofile [top]
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Areas by script URL (or V8 pseudo-frame), first match wins. */
const AREAS: [string, RegExp][] = [
  ['idle (waiting: I/O, chDB threads)', /^\(idle\)$/],
  ['garbage collection', /^\(garbage collector\)$/],
  ['V8/native (program)', /^\(program\)$/],
  ['zod validation', /node_modules\/zod\//],
  ['event contract (validate, fields)', /packages\/metrics\/dist\/contract\//],
  ['KPI compiler', /packages\/metrics\/dist\/compiler\//],
  ['id index (hashing)', /pipeline\/id-index/],
  ['WAL', /pipeline\/wal/],
  ['writer', /pipeline\/writer/],
  ['pipeline accept', /pipeline\/pipeline/],
  ['events route (parse)', /routes\/events/],
  ['chDB client glue', /node_modules\/(chdb|@clickhouse)\//],
  ['fastify', /node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request|fast-)/],
  ['pino', /node_modules\/(pino|sonic-boom)/],
  ['prom-client', /node_modules\/prom-client/],
  ['sentiment', /node_modules\/sentiment/],
  ['PGlite', /node_modules\/@electric-sql/],
  ['node internals (http, streams, fs)', /^node:/],
];

function area(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  const key = url === '' ? functionName : url;
  for (const [name, re] of AREAS) if (re.test(key)) return name;
  if (url === '') return `native: ${functionName || '(anonymous)'}`;
  return 'other JS';
}

const label = (n: ProfileNode) => {
  const { functionName, url, lineNumber } = n.callFrame;
  const file = url.replace(/^.*\/(node_modules\/|apps\/|packages\/)/, '$1');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
};

/** Functions whose inclusive time tells the ingest story. */
const STEPS = ['parseJsonBody', 'accept', 'validateEvent', 'safeParse', 'sentimentScore', 'stringify', 'addHash', 'murmur3_32', 'xxhash32', 'append', 'flush', 'insert', 'exec', 'parse', 'runMetric'];

/**
 * `windows`: CLOCK_MONOTONIC µs ranges (process.hrtime in the bench, which is the clock of
 * V8's profile timestamps) to keep; the whole profile when omitted or when none overlaps.
 */
export function summarizeProfile(path: string, top = 25, windows: readonly [number, number][] = []): string[] {
  const p = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  let ts = p.startTime;
  const stamps = p.timeDeltas.map((d) => (ts += d));
  const inWindow = (t: number) => windows.some(([a, b]) => t >= a && t <= b);
  const useWindows = windows.length > 0 && stamps.some(inWindow);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    if (useWindows && !inWindow(stamps[i] as number)) continue;
    const id = p.samples[i] as number;
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    self.set(id, (self.get(id) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const fn = byId.get(cur)?.callFrame.functionName ?? '';
      if (STEPS.includes(fn) && !seen.has(fn)) {
        seen.add(fn);
        inclusive.set(fn, (inclusive.get(fn) ?? 0) + dt);
      }
    }
  }
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id) as ProfileNode;
    areas.set(area(n), (areas.get(area(n)) ?? 0) + ms);
    fns.set(label(n), (fns.get(label(n)) ?? 0) + ms);
  }
  const idle = areas.get('idle (waiting: I/O, chDB threads)') ?? 0;
  const busy = total - idle;
  const pct = (ms: number, of: number) => `${((ms / of) * 100).toFixed(1)}%`.padStart(6);
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
  const scope = useWindows ? `within ${windows.length} window(s)` : 'whole process life';
  const out = [`  main thread, ${scope}: ${sec(total).trim()} sampled, ${sec(busy).trim()} busy (${pct(busy, total).trim()}); shares below are of busy time`, '  self time by area:'];
  for (const [name, ms] of [...areas].sort((a, b) => b[1] - a[1]).filter(([n]) => !n.startsWith('idle')).slice(0, 16)) out.push(`    ${sec(ms)} ${pct(ms, busy)}  ${name}`);
  out.push('  inclusive time of ingest steps (function name, any file):');
  for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1])) out.push(`    ${sec(ms)} ${pct(ms, busy)}  ${name}`);
  out.push(`  top ${top} functions by self time:`);
  for (const [name, ms] of [...fns].sort((a, b) => b[1] - a[1]).filter(([n]) => !n.startsWith('(idle)')).slice(0, top)) out.push(`    ${sec(ms)} ${pct(ms, busy)}  ${name}`);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node apps/ingest/dist/bench/profile-summary.js <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  process.stdout.write(`${summarizeProfile(file, top ? Number(top) : 25).join('\n')}\n`);
}

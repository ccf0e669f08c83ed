import type { IngestRun } from './ingest.js';
import type { KpiResult } from './kpi.js';
import type { LagResult } from './lag.js';
import type { RestartResult } from './restart.js';
import { fmtCount, fmtInt, fmtMiB, fmtMiB1, fmtMs, fmtSec, median } from './stats.js';

const GiB = 2 ** 30;
/** The targets for this 2-core machine. */
export const TARGETS = { sustainedPerSec: 50_000, aimPerSec: 100_000, lagP95Ms: 1000, kpiP95Ms: 100, rssBytes: 1.5 * GiB };

/** Everything one bench run measured (also the JSON file, with `summary` added). */
export interface BenchResult {
  version: string;
  startedAt: number;
  loadavgStart: number[];
  loadavgEnd: number[];
  data: { seeds: [number, number]; days: number; events: number; generateMs: number };
  load: IngestRun;
  runs: IngestRun[];
  stages: StageResult[];
  rss: { idle: number; peak: number; hwm: number; end: number; endAnon: number; byPhase: Map<string, number>; shutdownMs: number; restarts: RestartResult[] };
  serverLog: string;
}

export interface StageResult {
  label: string;
  stored: number;
  lag?: LagResult;
  kpi?: KpiResult[];
}

export interface ClientsMedian {
  clients: number;
  runs: number;
  acceptedPerSec: number;
  sustainedPerSec: number;
  ackP50Ms: number;
  ackP99Ms: number;
  serverCores: number;
  otherCores: number;
  cpuUsPerEvent: number;
}

export interface Target {
  name: string;
  value: number;
  limit: number;
  /** 'min': value must be >= limit; 'max': value must be <= limit. */
  kind: 'min' | 'max';
  unit: string;
  pass: boolean;
  verdict: string;
}

export function medianByClients(runs: readonly IngestRun[]): ClientsMedian[] {
  const groups = new Map<number, IngestRun[]>();
  for (const r of runs) groups.set(r.clients, [...(groups.get(r.clients) ?? []), r]);
  return [...groups].map(([clients, rs]) => ({
    clients,
    runs: rs.length,
    acceptedPerSec: median(rs.map((r) => r.acceptedPerSec)),
    sustainedPerSec: median(rs.map((r) => r.sustainedPerSec)),
    ackP50Ms: median(rs.map((r) => r.ackLatencyMs.p50)),
    ackP99Ms: median(rs.map((r) => r.ackLatencyMs.p99)),
    serverCores: median(rs.map((r) => r.serverCores)),
    otherCores: median(rs.map((r) => r.otherCores)),
    cpuUsPerEvent: median(rs.map((r) => (r.serverCpuSec * 1e6) / r.events)),
  }));
}

export function target(name: string, value: number, limit: number, kind: 'min' | 'max', unit: string, show: (n: number) => string): Target {
  const pass = Number.isFinite(value) && (kind === 'min' ? value >= limit : value <= limit);
  let verdict: string;
  if (!Number.isFinite(value)) verdict = 'MISS  not measured';
  else {
    const pct = Math.abs((value / limit - 1) * 100).toFixed(1);
    const rel = kind === 'min' ? (pass ? `${pct}% above` : `${pct}% short`) : pass ? `${pct}% under` : `${pct}% over`;
    verdict = `${pass ? 'PASS' : 'MISS'}  ${show(value)} (target ${kind === 'min' ? '>=' : '<='} ${show(limit)}): ${rel}`;
  }
  return { name, value, limit, kind, unit, pass, verdict };
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function table(head: string[], rows: string[][], align: ('l' | 'r')[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (align[i] === 'r' ? lpad(c, widths[i] as number) : pad(c, widths[i] as number))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** Time the server's main thread was runnable but not running (the machine was busy). */
export const mainWaitMs = (r: IngestRun): number => r.serverCpuByThread.find((t) => t.name === 'node (main)')?.waitMs ?? Number.NaN;

export function ingestTable(runs: readonly IngestRun[]): string[] {
  return table(
    ['run', 'clients', 'stored after', 'accepted ev/s', 'sustained ev/s', 'ack p50', 'ack p99', '429/503', 'max backlog', 'server cores', 'other procs', 'main thr. waiting', 'rows/insert'],
    runs.map((r) => [
      r.label,
      String(r.clients),
      fmtCount(r.storedAfter),
      fmtInt(r.acceptedPerSec),
      fmtInt(r.sustainedPerSec),
      fmtMs(r.ackLatencyMs.p50),
      fmtMs(r.ackLatencyMs.p99),
      `${r.retries429}/${r.retries503}`,
      fmtInt(r.maxBacklogRows),
      r.serverCores.toFixed(2),
      Math.max(0, r.otherCores).toFixed(2),
      `${Math.round((mainWaitMs(r) / r.queryableMs) * 100)}%`,
      fmtInt(r.rowsPerInsert),
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

export function mediansTable(m: readonly ClientsMedian[]): string[] {
  return table(
    ['clients', 'runs', 'accepted ev/s', 'sustained ev/s', 'ack p50', 'ack p99', 'server cores', 'other procs', 'server CPU µs/event', '2 idle cores would allow'],
    m.map((x) => [
      String(x.clients),
      String(x.runs),
      fmtInt(x.acceptedPerSec),
      fmtInt(x.sustainedPerSec),
      fmtMs(x.ackP50Ms),
      fmtMs(x.ackP99Ms),
      x.serverCores.toFixed(2),
      x.otherCores.toFixed(2),
      x.cpuUsPerEvent.toFixed(1),
      `<= ${fmtInt(2e6 / x.cpuUsPerEvent)}/s`,
    ]),
    ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

export function stageLines(stages: readonly StageResult[]): string[] {
  const out: string[] = [];
  const lagRows = stages.filter((s) => s.lag).map((s) => {
    const l = s.lag as LagResult;
    return [s.label, `${l.batches} x ${l.eventsPerBatch} / ${l.intervalMs} ms`, fmtMs(l.lagMs.p50), fmtMs(l.lagMs.p95), fmtMs(l.lagMs.max), fmtMs(l.endToEndMs.p95), fmtMs(l.ackMs.p50), `${fmtMs(l.serverLagP50Ms)} / ${fmtMs(l.serverLagP95Ms)}`, String(l.notVisible), fmtMs(l.pollMs50)];
  });
  if (lagRows.length > 0) {
    out.push('Event-to-queryable lag (200 answer -> first poll that sees the batch; poll every 20 ms)');
    out.push(...table(['stored', 'stream', 'lag p50', 'lag p95', 'lag max', 'send->visible p95', 'ack p50', 'server hist p50/p95', 'not seen', 'poll p50'], lagRows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
    out.push('');
  }
  const kpiRows: string[][] = [];
  for (const s of stages) {
    for (const k of s.kpi ?? []) {
      kpiRows.push([s.label, k.label, String(k.latencyMs.n), fmtMs(k.latencyMs.p50), fmtMs(k.latencyMs.p95), fmtMs(k.latencyMs.max), fmtMs(k.warmupMs[0] ?? Number.NaN), String(k.rows), k.errors.length > 0 ? `ERR ${k.errors[0]?.slice(0, 60)}` : '']);
    }
  }
  if (kpiRows.length > 0) {
    out.push('KPI latency over HTTP (sequential; after warm-ups)');
    out.push(...table(['stored', 'query', 'n', 'p50', 'p95', 'max', '1st call', 'rows', ''], kpiRows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l']));
  }
  return out;
}

export function cpuLines(runs: readonly IngestRun[]): string[] {
  const total = new Map<string, { ms: number; waitMs: number; threads: number }>();
  let sec = 0;
  let wallSec = 0;
  let clientSec = 0;
  let machineSec = 0;
  let otherSec = 0;
  let stealSec = 0;
  for (const r of runs) {
    const w = r.queryableMs / 1000;
    sec += r.serverCpuSec;
    wallSec += w;
    clientSec += r.clientCpuSec;
    machineSec += r.machineCores * w;
    otherSec += r.otherCores * w;
    stealSec += r.stealCores * w;
    for (const t of r.serverCpuByThread) {
      const g = total.get(t.name) ?? { ms: 0, waitMs: 0, threads: 0 };
      g.ms += t.ms;
      g.waitMs += t.waitMs;
      g.threads = Math.max(g.threads, t.threads);
      total.set(t.name, g);
    }
  }
  const rows = [...total].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10);
  const cores = (s: number) => `${(s / wallSec).toFixed(2)} cores`;
  return [
    `CPU during phase-1 runs (${wallSec.toFixed(1)} s): server ${cores(sec)}, bench client ${cores(clientSec)}, other processes ${cores(otherSec)}, machine busy ${cores(machineSec)} of 2 (steal ${cores(stealSec)})`,
    ...table(
      ['server thread', 'busy threads', 'on-CPU s', 'share', 'runnable, waiting for CPU s'],
      rows.map(([name, g]) => [name, String(g.threads), (g.ms / 1000).toFixed(1), `${((g.ms / 1000 / sec) * 100).toFixed(0)}%`, (g.waitMs / 1000).toFixed(1)]),
      ['l', 'r', 'r', 'r', 'r'],
    ),
  ];
}

export function evaluateTargets(r: BenchResult, medians: readonly ClientsMedian[]): Target[] {
  const finalStage = r.stages[r.stages.length - 1];
  const finalKpi = finalStage?.kpi?.find((k) => k.target);
  return [
    ...medians.map((m) => target(`ingest sustained, ${m.clients} clients (median of ${m.runs}; aim 100k)`, m.sustainedPerSec, TARGETS.sustainedPerSec, 'min', 'events/s', fmtInt)),
    ...r.stages.filter((s) => s.lag).map((s) => target(`lag p95 @${s.label}`, s.lag?.lagMs.p95 ?? Number.NaN, TARGETS.lagP95Ms, 'max', 'ms', fmtMs)),
    target(`KPI p95 backorder_rate by category/day @${finalStage?.label ?? '?'}`, finalKpi?.latencyMs.p95 ?? Number.NaN, TARGETS.kpiP95Ms, 'max', 'ms', fmtMs),
    target('peak RSS of the API process (dashboard off)', r.rss.peak, TARGETS.rssBytes, 'max', 'bytes', fmtMiB1),
  ];
}

function rssLines(rss: BenchResult['rss']): string[] {
  const out = ['RSS of the server process (VmRSS sampled every 250 ms)'];
  out.push(`  fresh start, idle: ${fmtMiB(rss.idle)}; peak over the run: ${fmtMiB(rss.peak)} (VmHWM ${fmtMiB(rss.hwm)}); at the end: ${fmtMiB(rss.end)} (anon ${fmtMiB(rss.endAnon)})`);
  for (const [phase, peak] of rss.byPhase) out.push(`  peak during ${phase}: ${fmtMiB(peak)}`);
  out.push(`  graceful shutdown took ${fmtMs(rss.shutdownMs)}`);
  for (const r of rss.restarts) {
    const name = `restart (dashboard ${r.dashboard ? 'on' : 'off'})`;
    if (r.error) {
      out.push(`  ${name}: failed: ${r.error.split('\n')[0]}`);
      continue;
    }
    const page = r.page ? ` GET / (${r.page.status}, ${fmtMs(r.page.ms)}) and` : '';
    out.push(
      `  ${name}: ready in ${fmtMs(r.readyMs)}; RSS ready ${fmtMiB(r.rssReady)}, after${page} 11 KPI calls ${fmtMiB(r.rssAfter)}, HWM ${fmtMiB(r.hwm)}; KPI first call ${fmtMs(r.kpi?.warmupMs[0] ?? Number.NaN)}, then p50 ${fmtMs(r.kpi?.latencyMs.p50 ?? Number.NaN)}`,
    );
  }
  return out;
}

/** The printed summary (also stored in the JSON file). */
export function summaryLines(r: BenchResult, medians: readonly ClientsMedian[], targets: readonly Target[]): string[] {
  const l = r.load;
  const load = (a: number[]) => a.map((x) => x.toFixed(1)).join(' ');
  const lines = ['', `==================== Stockpulse bench summary (${r.version}) ====================`];
  lines.push(`Data: simulator seeds ${r.data.seeds.join('/')}, ${r.data.days} days ending now; ${fmtInt(r.data.events)} events generated in ${fmtSec(r.data.generateMs)} (outside timing)`);
  lines.push(`Load to stage 1 (${l.clients} clients): accepted ${fmtInt(l.acceptedPerSec)}/s, sustained ${fmtInt(l.sustainedPerSec)}/s, ack p50 ${fmtMs(l.ackLatencyMs.p50)} p99 ${fmtMs(l.ackLatencyMs.p99)}, other processes ${Math.max(0, l.otherCores).toFixed(2)} cores`);
  lines.push('', 'Phase 1: ingest over HTTP, embedded chDB, 1,000-event JSON bodies, keep-alive');
  lines.push(...ingestTable(r.runs), '', 'Medians per configuration', ...mediansTable(medians), '');
  lines.push(...cpuLines(r.runs), '', ...stageLines(r.stages), '', ...rssLines(r.rss));
  lines.push('', 'Targets (2-core machine)', ...targets.map((t) => `  ${t.name}: ${t.verdict}`));
  lines.push('', `Load average at start ${load(r.loadavgStart)}, at end ${load(r.loadavgEnd)}; total bench time ${fmtSec(Date.now() - r.startedAt)}`);
  if (/\b(error|fatal)\b/i.test(r.serverLog)) lines.push('', 'Server log (warn and above), last lines:', ...r.serverLog.trim().split('\n').slice(-10));
  return lines;
}

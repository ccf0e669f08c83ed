import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseBenchArgs, USAGE, type BenchArgs } from './args.js';
import { EventSource, type Slice } from './dataset.js';
import { promValue, scrape } from './http.js';
import { ingestRun, type IngestRun } from './ingest.js';
import { kpiPhase, kpiSpecs } from './kpi.js';
import { lagPhase } from './lag.js';
import { summarizeProfile } from './profile-summary.js';
import { evaluateTargets, mainWaitMs, medianByClients, summaryLines, type BenchResult, type StageResult } from './report.js';
import { restartPhase, type RestartResult } from './restart.js';
import { procStatusBytes, REPO_ROOT, RssSampler, startServer, type ServerChild } from './server-child.js';
import { fmtCount, fmtInt, fmtMiB, fmtMs, fmtSec } from './stats.js';

/**
 * `npm run bench`: the ingest service measured as a separate process in embedded mode
 * (chDB): HTTP ingest throughput and ack latency, event-to-queryable lag, KPI latency at
 * two store sizes, and peak RSS, each against the issue's targets.
 */

const startedAt = Date.now();
const log = (msg: string) => {
  const s = Math.round((Date.now() - startedAt) / 1000);
  process.stdout.write(`[${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${msg}\n`);
};

let server: ServerChild | undefined;
let dataDir: string | undefined;
let keepData = false;

function cleanup(): void {
  server?.kill();
  if (dataDir && !keepData) rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  dataDir = undefined;
}

/** The commit measured, with "+dirty" when the work tree has changes (others edit concurrently). */
function gitVersion(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

function describeSlice(name: string, s: Slice, src: EventSource): string {
  return `${name}: ${fmtInt(s.events)} events in ${s.bodies.length} bodies, ${fmtMiB(s.bytes)}, generated in ${fmtSec(s.generateMs)} (simulator scale ${src.scale.toFixed(2)})`;
}

async function stage(label: string, ctx: Context): Promise<StageResult> {
  const { args, srv, sampler, dataStartMs, skus } = ctx;
  const stored = promValue(await scrape(srv.http), 'stockpulse_store_insert_rows_sum');
  const result: StageResult = { label, stored };
  if (!args.skip.has('lag')) {
    sampler.phase(`lag @${label}`);
    log(`lag @${label}: ${args.lagBatches} batches of ${args.lagBatchEvents} events every ${args.lagIntervalMs} ms`);
    result.lag = await lagPhase(srv.http, { batches: args.lagBatches, eventsPerBatch: args.lagBatchEvents, intervalMs: args.lagIntervalMs, skus, label });
    log(`  lag p50 ${fmtMs(result.lag.lagMs.p50)}, p95 ${fmtMs(result.lag.lagMs.p95)} (${result.lag.notVisible} not seen)`);
  }
  if (!args.skip.has('kpi')) {
    sampler.phase(`kpi @${label}`);
    log(`KPI latency @${label} (${fmtInt(stored)} stored): ${args.kpiWarmups} warm-ups + ${args.kpiRuns} runs per query`);
    result.kpi = await kpiPhase(srv.http, kpiSpecs(dataStartMs, Date.now()), { warmups: args.kpiWarmups, runs: args.kpiRuns });
    for (const k of result.kpi) log(`  ${k.label}: p50 ${fmtMs(k.latencyMs.p50)}, p95 ${fmtMs(k.latencyMs.p95)}, ${k.rows} rows${k.errors.length ? `, ERRORS ${k.errors[0]}` : ''}`);
  }
  return result;
}

function logRun(r: IngestRun): void {
  log(
    `  ${fmtInt(r.events)} events: accepted ${fmtInt(r.acceptedPerSec)}/s, sustained ${fmtInt(r.sustainedPerSec)}/s, ack p50 ${fmtMs(r.ackLatencyMs.p50)} p99 ${fmtMs(r.ackLatencyMs.p99)}, 429/503 ${r.retries429}/${r.retries503}, rejected ${r.rejected}, server ${r.serverCores.toFixed(2)} cores, other processes ${Math.max(0, r.otherCores).toFixed(2)} cores, main thread waiting for CPU ${Math.round((mainWaitMs(r) / r.queryableMs) * 100)}% of the time`,
  );
  for (const s of r.rejectedSamples) log(`    rejected: ${s}`);
}

interface Context {
  args: BenchArgs;
  srv: ServerChild;
  sampler: RssSampler;
  dataStartMs: number;
  skus: string[];
}

/** Stage 1: its own simulated business over the whole period, so the last 30 days are covered at 1M too. */
function stageOneData(args: BenchArgs, nowMs: number): { src: EventSource; slice: Slice } {
  const src = new EventSource({ seed: args.seed, days: args.days, targetEvents: args.first, nowMs, batch: args.batch });
  const slice = src.rest();
  log(describeSlice('stage-1 data', slice, src));
  if (src.stats.invalid.length > 0) log(`  WARNING: ${src.stats.invalid.length} of ${src.stats.validated} sampled events fail validateEvent: ${JSON.stringify(src.stats.invalid[0])}`);
  else log(`  ${src.stats.validated} sampled events pass validateEvent`);
  return { src, slice };
}

/** Phase 1 proper: the rest of the data in equal slices, configurations interleaved so each sees similar store sizes. */
async function phaseOne(ctx: Context, nowMs: number): Promise<{ runs: IngestRun[]; src: EventSource }> {
  const { args, srv, sampler } = ctx;
  const storedNow = promValue(await scrape(srv.http), 'stockpulse_store_insert_rows_sum');
  const restTarget = Math.max(args.batch, args.events - storedNow);
  const src = new EventSource({ seed: args.seed + 1, days: args.days, targetEvents: restTarget, nowMs, batch: args.batch });
  const nSlices = args.runs * args.clients.length;
  const perSlice = Math.ceil(restTarget / nSlices / args.batch) * args.batch;
  const runs: IngestRun[] = [];
  for (let r = 0; r < args.runs; r++) {
    for (let c = 0; c < args.clients.length; c++) {
      const last = r === args.runs - 1 && c === args.clients.length - 1;
      const slice = last ? src.rest() : src.next(perSlice);
      if (slice.events === 0) continue;
      const clients = args.clients[c] as number;
      log(`${describeSlice(`run ${runs.length + 1}/${nSlices}`, slice, src)}; ${clients} clients`);
      sampler.phase(`phase 1 clients=${clients}`);
      const run = await ingestRun(srv.http, srv.pid, slice.bodies, slice.events, clients, `c=${clients} #${r + 1}`);
      logRun(run);
      runs.push(run);
      slice.bodies.length = 0;
    }
  }
  if (src.stats.invalid.length > 0) log(`  WARNING: ${src.stats.invalid.length} sampled events fail validateEvent: ${JSON.stringify(src.stats.invalid[0])}`);
  return { runs, src };
}

async function restarts(ctx: Context, dir: string, apiKey: string): Promise<RestartResult[]> {
  const out: RestartResult[] = [];
  const spec = kpiSpecs(ctx.dataStartMs, Date.now())[0];
  if (ctx.args.skip.has('restart') || !spec) return out;
  for (const dashboard of [false, true]) {
    log(`restart on the same DATA_DIR, dashboard ${dashboard ? 'on' : 'off'}`);
    const rr = await restartPhase({ dataDir: dir, apiKey, dashboard, env: ctx.args.serverEnv, spec, sampler: ctx.sampler });
    out.push(rr);
    log(rr.error ? `  failed: ${rr.error}` : `  ready in ${fmtMs(rr.readyMs)}, RSS ${fmtMiB(rr.rssReady)} -> ${fmtMiB(rr.rssAfter)} (HWM ${fmtMiB(rr.hwm)})`);
  }
  return out;
}

async function main(): Promise<void> {
  const parsed = parseBenchArgs(process.argv.slice(2), REPO_ROOT);
  if (parsed === 'help') return void process.stdout.write(USAGE);
  const args = parsed;
  keepData = args.keepData;
  const nowMs = Date.now();
  const loadavgStart = loadavg();
  const version = gitVersion();
  log(`Stockpulse bench (${version}): ${fmtCount(args.first)} then ${fmtCount(args.events)} events, clients ${args.clients.join(',')}, ${args.runs} run(s) each, batches of ${args.batch}, ${cpus().length} CPUs, load ${loadavgStart.map((l) => l.toFixed(1)).join(' ')}`);
  const a = stageOneData(args, nowMs);

  const dir = mkdtempSync(join(tmpdir(), 'stockpulse-bench-'));
  dataDir = dir;
  const apiKey = randomBytes(24).toString('base64url').slice(0, 32);
  if (args.cpuProf) mkdirSync(args.cpuProf, { recursive: true });
  const nodeArgs = [...args.serverNodeArgs, ...(args.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${args.cpuProf}`] : [])];
  const srv = await startServer({ dataDir: dir, apiKey, dashboard: false, env: args.serverEnv, nodeArgs });
  server = srv;
  const sampler = new RssSampler(srv.pid);
  sampler.start();
  const rssIdle = sampler.sample();
  log(`server pid ${srv.pid} ready in ${fmtMs(srv.readyMs)} (fresh DATA_DIR ${dir}), RSS ${fmtMiB(rssIdle)}`);
  const ctx: Context = { args, srv, sampler, dataStartMs: a.src.startMs, skus: [...a.src.skus] };

  sampler.phase('load stage 1');
  log(`loading stage 1 with ${args.clients[0]} clients`);
  const load = await ingestRun(srv.http, srv.pid, a.slice.bodies, a.slice.events, args.clients[0] as number, `load 0->${fmtCount(a.slice.events)}`);
  logRun(load);
  a.slice.bodies.length = 0;
  const stages: StageResult[] = [await stage(fmtCount(load.storedAfter), ctx)];
  const b = await phaseOne(ctx, nowMs);
  stages.push(await stage(fmtCount(promValue(await scrape(srv.http), 'stockpulse_store_insert_rows_sum')), ctx));

  sampler.phase('end');
  const hwm = procStatusBytes(srv.pid, 'VmHWM');
  const end = { rss: procStatusBytes(srv.pid, 'VmRSS'), anon: procStatusBytes(srv.pid, 'RssAnon'), log: srv.output() };
  log('stopping the server (it flushes what it accepted)');
  const shutdownMs = await srv.stop();
  const peak = Math.max(sampler.peak, Number.isFinite(hwm) ? hwm : 0);
  const restartResults = await restarts(ctx, dir, apiKey);
  sampler.stop();

  const result: BenchResult = {
    version,
    startedAt,
    loadavgStart,
    loadavgEnd: loadavg(),
    data: { seeds: [args.seed, args.seed + 1], days: args.days, events: a.src.stats.events + b.src.stats.events, generateMs: a.src.stats.generateMs + b.src.stats.generateMs },
    load,
    runs: b.runs,
    stages,
    rss: { idle: rssIdle, peak, hwm, end: end.rss, endAnon: end.anon, byPhase: sampler.peakByPhase, shutdownMs, restarts: restartResults },
    serverLog: end.log,
  };
  const medians = medianByClients(b.runs);
  const targets = evaluateTargets(result, medians);
  const lines = summaryLines(result, medians, targets);
  if (args.cpuProf) lines.push(...profileLines(args.cpuProf, b.runs));
  process.stdout.write(`${lines.join('\n')}\n`);

  mkdirSync(args.out, { recursive: true });
  const file = join(args.out, `bench-${new Date(startedAt).toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memGiB: totalmem() / 2 ** 30, node: process.version };
  const json = { ...result, startedAt: new Date(startedAt).toISOString(), machine, args: { ...args, skip: [...args.skip] }, rss: { ...result.rss, byPhase: Object.fromEntries(result.rss.byPhase) }, medians, targets, data: { ...result.data, stage1: a.src.stats, rest: b.src.stats }, summary: lines };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(`\nResults written to ${file}\n`);
  if (args.keepData) process.stdout.write(`DATA_DIR kept at ${dir}\n`);
  cleanup();
}

function profileLines(dir: string, runs: readonly IngestRun[]): string[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
  const newest = files[files.length - 1];
  if (!newest) return ['', `No CPU profile found in ${dir}`];
  return ['', `Server CPU profile: ${join(dir, newest)}`, ...summarizeProfile(join(dir, newest), 25, runs.map((r) => r.monoWindowUs))];
}

process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping the server and removing its data\n`);
    cleanup();
    process.exit(130);
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  if (server) process.stderr.write(`--- server output (tail) ---\n${server.output()}\n`);
  cleanup();
  process.exit(1);
});

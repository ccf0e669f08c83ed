import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { HttpClient, sleep } from './http.js';

/** The built server (dist/server.js), measured as its own process like in production. */
export const SERVER_JS = fileURLToPath(new URL('../server.js', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const TAIL_CHARS = 16_000;

export interface ServerChild {
  readonly url: string;
  readonly pid: number;
  readonly http: HttpClient;
  /** Spawn to the first 200 from /readyz. */
  readonly readyMs: number;
  output(): string;
  /** SIGTERM (the server flushes what it accepted), SIGKILL after `graceMs`; resolves with the time it took. */
  stop(graceMs?: number): Promise<number>;
  kill(): void;
  readonly exited: boolean;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export interface StartOptions {
  dataDir: string;
  apiKey: string;
  dashboard: boolean;
  env?: Record<string, string>;
  nodeArgs?: string[];
  readyTimeoutMs?: number;
  maxSockets?: number;
}

export async function startServer(opts: StartOptions): Promise<ServerChild> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: opts.dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    API_KEY: opts.apiKey,
    DASHBOARD: opts.dashboard ? '1' : '0',
    LOG_LEVEL: 'warn',
    ...opts.env,
  };
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), SERVER_JS], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const http = new HttpClient(url, opts.apiKey, opts.maxSockets ?? 32);
  const kill = () => {
    if (!exited) child.kill('SIGKILL');
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 300_000);
  let last = 'no answer yet';
  for (;;) {
    if (exited) throw new Error(`server exited before it was ready\n--- server output ---\n${tail}`);
    if (Date.now() > deadline) {
      kill();
      throw new Error(`server not ready in time (last: ${last})\n--- server output ---\n${tail}`);
    }
    try {
      const res = await http.get('/readyz', 5_000);
      if (res.status === 200) break;
      last = `${res.status} ${res.text.slice(0, 200)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(100);
  }
  const readyMs = performance.now() - t0;

  return {
    url,
    pid: child.pid as number,
    http,
    readyMs,
    output: () => tail,
    get exited() {
      return exited;
    },
    kill,
    async stop(graceMs = 120_000) {
      const s0 = performance.now();
      http.close();
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(kill, graceMs);
        await exit;
        clearTimeout(timer);
      }
      return performance.now() - s0;
    },
  };
}

/** A field of /proc/<pid>/status in bytes (VmRSS, VmHWM, RssAnon, RssFile), or NaN once the process is gone. */
export function procStatusBytes(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of one /proc stat line, in ms. */
function statCpuMs(text: string): { name: string; ms: number } {
  const close = text.lastIndexOf(')');
  const name = text.slice(text.indexOf('(') + 1, close);
  const fields = text.slice(close + 2).split(' ');
  // After "(comm) ": state is field 3 of the man page, utime 14, stime 15.
  return { name, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
}

/** CPU time of the whole process, in ms. */
export function processCpuMs(pid: number): number {
  try {
    return statCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8')).ms;
  } catch {
    return Number.NaN;
  }
}

export interface ThreadTimes {
  name: string;
  /** On-CPU time, ms (schedstat). */
  ms: number;
  /** Time runnable but waiting for a CPU, ms (schedstat): the cost of a busy machine. */
  waitMs: number;
}

/**
 * CPU and run-queue wait by thread, keyed by tid. Node's main thread is the one whose
 * tid equals the pid ("node (main)"); chDB's threads carry ClickHouse's names.
 */
export function threadCpu(pid: number): Map<string, ThreadTimes> {
  const out = new Map<string, ThreadTimes>();
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const s = statCpuMs(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
      const [run, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
      out.set(tid, { name: tid === String(pid) ? 'node (main)' : s.name, ms: (run ?? 0) / 1e6, waitMs: (wait ?? 0) / 1e6 });
    } catch {
      // The thread ended between readdir and read.
    }
  }
  return out;
}

export interface ThreadGroupDelta {
  name: string;
  ms: number;
  waitMs: number;
  threads: number;
}

/** CPU and wait ms per thread group between two snapshots, largest first. Threads that ended are missed. */
export function threadCpuDelta(before: Map<string, ThreadTimes>, after: Map<string, ThreadTimes>): ThreadGroupDelta[] {
  const groups = new Map<string, { ms: number; waitMs: number; threads: number }>();
  for (const [tid, a] of after) {
    const b = before.get(tid);
    const d = a.ms - (b?.ms ?? 0);
    const g = groups.get(a.name) ?? { ms: 0, waitMs: 0, threads: 0 };
    g.ms += d;
    g.waitMs += a.waitMs - (b?.waitMs ?? 0);
    if (d > 1) g.threads += 1;
    groups.set(a.name, g);
  }
  return [...groups].map(([name, g]) => ({ name, ...g })).filter((g) => g.ms > 1).sort((a, b) => b.ms - a.ms);
}

/** Machine-wide CPU counters from /proc/stat, in ms (all CPUs summed). */
export function machineCpu(): { busyMs: number; stealMs: number; totalMs: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map((x) => Number(x) * TICK_MS);
  const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0);
  return { busyMs: busy, stealMs: steal ?? 0, totalMs: busy + (idle ?? 0) + (iowait ?? 0) + (steal ?? 0) };
}

/** Samples the server's RSS every `intervalMs`; keeps the peak overall and per phase. */
export class RssSampler {
  peak = 0;
  readonly peakByPhase = new Map<string, number>();
  private phaseName = 'start';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private pid: number,
    private readonly intervalMs = 250,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  /** Follows another process (after a restart) under a new phase name. */
  follow(pid: number, phase: string): void {
    this.pid = pid;
    this.phase(phase);
  }

  phase(name: string): void {
    this.sample();
    this.phaseName = name;
    this.sample();
  }

  sample(): number {
    const rss = procStatusBytes(this.pid, 'VmRSS');
    if (Number.isFinite(rss)) {
      this.peak = Math.max(this.peak, rss);
      this.peakByPhase.set(this.phaseName, Math.max(this.peakByPhase.get(this.phaseName) ?? 0, rss));
    }
    return rss;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

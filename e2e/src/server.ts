import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built server (what `npm start` runs), with demo data, on a free loopback port. */
export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface RunningServer {
  url: string;
  apiKey: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string, output: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}\n--- server output ---\n${output().slice(-4000)}`);
}

export async function startServer(opts: { demoDays: number; env?: Record<string, string> }): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'stockpulse-e2e-'));
  const apiKey = `e2e-admin-${Math.random().toString(36).slice(2)}-0123456789abcdef`;
  let out = '';
  const child = spawn(process.execPath, [join(REPO, 'apps/ingest/dist/server.js'), '--demo'], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', API_KEY: apiKey, DEMO_DAYS: String(opts.demoDays), LOG_LEVEL: 'warn', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const output = () => out;
  const url = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    url,
    apiKey,
    dataDir,
    process: child,
    output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitFor(async () => (await fetch(`${url}/readyz`)).status === 200, 90_000, '/readyz', output);
    // The simulator reports "| live |" once the backfill is sent.
    await waitFor(async () => /\| live \|/.test(out), 400_000, 'the demo backfill', output);
    await waitFor(async () => {
      const r = await fetch(`${url}/metrics`);
      return /stockpulse_ingest_backlog_rows 0\b/.test(await r.text());
    }, 60_000, 'the writer to drain', output);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}

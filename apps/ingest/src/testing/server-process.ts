import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * The real server (apps/ingest/src/server.ts) as a child process, for tests that must
 * kill it (SIGKILL) and start it again on the same DATA_DIR: something inject() cannot do.
 * It runs from the TypeScript sources (tsx, the `stockpulse:source` condition), so a
 * test never runs against a stale build.
 */

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SERVER_ENTRY = fileURLToPath(new URL('../server.ts', import.meta.url));
const OUTPUT_TAIL_CHARS = 8_000;

export interface ServerOptions {
  dataDir: string;
  apiKey: string;
  /** A free port is picked when omitted. */
  port?: number;
  /** Extra variables (INGEST_FLUSH_MS, ...). */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Settles when the process has exited, with its code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last few KB of stdout and stderr, for failure messages. */
  output(): string;
  /** Sends the signal and waits until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM (graceful: the writer flushes), SIGKILL if it is not gone within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts the server and resolves once `GET /readyz` answers 200. */
export async function startServer(opts: ServerOptions): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  // A clean environment: only what the server needs, nothing inherited from the test runner.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: opts.dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    API_KEY: opts.apiKey,
    DASHBOARD: '0',
    LOG_LEVEL: 'warn',
    ...opts.env,
  };
  const child = spawn(process.execPath, ['--conditions=stockpulse:source', '--import', 'tsx', SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
  });

  const server: ServerProcess = {
    url,
    port,
    child,
    exited,
    output: () => tail,
    async kill(signal = 'SIGKILL') {
      if (!exitInfo) child.kill(signal);
      await exited;
    },
    async stop(graceMs = 20_000) {
      if (exitInfo) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };

  try {
    await waitReady(url, opts.readyTimeoutMs ?? 60_000, () => exitInfo);
  } catch (err) {
    await server.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n--- server output ---\n${tail}`);
  }
  return server;
}

async function waitReady(url: string, timeoutMs: number, exit: () => { code: number | null; signal: NodeJS.Signals | null } | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const gone = exit();
    if (gone) throw new Error(`server exited before it was ready (code ${gone.code}, signal ${gone.signal})`);
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      const body = await res.text();
      if (res.status === 200) return;
      last = `${res.status} ${body.slice(0, 300)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not ready within ${timeoutMs} ms (last: ${last})`);
}

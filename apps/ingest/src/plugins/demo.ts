import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/**
 * Demo mode (DEMO=1 or `npm start -- --demo`): once the server listens, the simulator
 * backfills DEMO_DAYS of history through the real ingest API, then keeps streaming live.
 * It gets an ingest-only key of its own, stored hashed like any other, never printed.
 */
export async function startDemo(app: FastifyInstance, port: number): Promise<ChildProcess> {
  const { env, keys } = app.ctx;
  const { key } = await keys.create('demo simulator', ['ingest']);
  const entry = createRequire(import.meta.url).resolve('@stockpulse/simulator');
  const fromSource = entry.endsWith('.ts');
  const cli = join(dirname(entry), fromSource ? 'cli.ts' : 'cli.js');
  const args = [
    ...(fromSource ? ['--conditions=stockpulse:source', '--import', 'tsx'] : []),
    cli,
    '--url',
    `http://127.0.0.1:${port}`,
    '--seed',
    String(env.DEMO_SEED),
    '--days',
    String(env.DEMO_DAYS),
    '--scale',
    String(env.DEMO_SCALE),
    '--live',
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, STOCKPULSE_API_KEY: key } });
  app.log.info({ days: env.DEMO_DAYS, scale: env.DEMO_SCALE, seed: env.DEMO_SEED, pid: child.pid }, 'demo simulator started');
  child.on('exit', (code, signal) => app.log.info({ code, signal }, 'demo simulator stopped'));
  // The server is listening already (no more hooks): stop the simulator with the process.
  process.once('exit', () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  });
  return child;
}

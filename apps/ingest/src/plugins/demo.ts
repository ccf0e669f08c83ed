import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

interface DemoState {
  start: string;
  seed: number;
  scale: number;
}

/**
 * The demo's history starts once, at the first demo start, and is kept in DATA_DIR: a
 * restart (even days later) replays the same simulated business, whose events are then
 * duplicates, and continues it live, instead of laying a second business over the first.
 */
function demoState(dataDir: string, seed: number, scale: number, days: number, nowMs: number): DemoState {
  const path = join(dataDir, 'demo.json');
  if (existsSync(path)) {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as DemoState;
    if (saved.seed === seed && saved.scale === scale && !Number.isNaN(Date.parse(saved.start))) return saved;
  }
  const dayMs = 86_400_000;
  const state = { start: new Date(Math.floor(nowMs / dayMs) * dayMs - days * dayMs).toISOString(), seed, scale };
  writeFileSync(path, JSON.stringify(state));
  return state;
}

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
  const state = demoState(env.DATA_DIR, env.DEMO_SEED, env.DEMO_SCALE, env.DEMO_DAYS, Date.now());
  const args = [
    ...(fromSource ? ['--conditions=stockpulse:source', '--import', 'tsx'] : []),
    cli,
    '--url',
    `http://127.0.0.1:${port}`,
    '--seed',
    String(state.seed),
    '--start',
    state.start,
    '--scale',
    String(state.scale),
    '--live',
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, STOCKPULSE_API_KEY: key } });
  app.log.info({ start: state.start, scale: state.scale, seed: state.seed, pid: child.pid }, 'demo simulator started');
  child.on('exit', (code, signal) => app.log.info({ code, signal }, 'demo simulator stopped'));
  // The server is listening already (no more hooks): stop the simulator with the process.
  process.once('exit', () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  });
  return child;
}

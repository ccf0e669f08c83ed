#!/usr/bin/env node
import { createWriteStream, realpathSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import type { StockpulseEvent } from '@stockpulse/metrics';
import { parseCli, UsageError, USAGE, type CliOptions } from './cli-args.js';
import { fmt, newRunState, ProgressLine, type RunState } from './progress.js';
import { sendBatches, SendError, type SendSummary } from './sender.js';
import { playEvents } from './play.js';
import { createSimulation } from './simulation.js';
import { DAY } from './time.js';

const log = (line: string): void => void process.stderr.write(`${line}\n`);

interface Control {
  /** Aborted by the first SIGINT/SIGTERM: stop generating, finish sending. */
  stop: AbortController;
  /** Aborted by the second: cancel requests in flight. */
  abort: AbortController;
  /** Exit status after a signal: 128 + its number, as shells report it. */
  signalExit: number;
}

async function writeNdjson(source: AsyncIterable<StockpulseEvent[]>, file: string, state: RunState, progress: ProgressLine): Promise<void> {
  const out: WriteStream | NodeJS.WriteStream = file === '-' ? process.stdout : createWriteStream(file);
  for await (const chunk of source) {
    let text = '';
    for (const e of chunk) text += `${JSON.stringify(e)}\n`;
    if (!out.write(text)) await once(out, 'drain');
    state.delivered += chunk.length;
    progress.tick();
  }
  if (out !== process.stdout) await new Promise<void>((resolve, reject) => (out as WriteStream).end((err?: Error | null) => (err ? reject(err) : resolve())));
}

async function countOnly(source: AsyncIterable<StockpulseEvent[]>, state: RunState, progress: ProgressLine): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const chunk of source) {
    for (const e of chunk) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    state.delivered += chunk.length;
    progress.tick();
  }
  return counts;
}

/** The result of a dry run, on stdout (progress and logs stay on stderr). */
function printCounts(counts: Map<string, number>): void {
  const rows = [...counts].sort(([a], [b]) => a.localeCompare(b));
  const total = rows.reduce((acc, [, n]) => acc + n, 0);
  const lines = rows.map(([type, n]) => `${type.padEnd(26)} ${fmt(n).padStart(12)}`);
  process.stdout.write(`${[...lines, `${'total'.padEnd(26)} ${fmt(total).padStart(12)}`].join('\n')}\n`);
}

function printSendSummary(summary: SendSummary): number {
  log(`[simulate] accepted ${fmt(summary.accepted)}, duplicates ${fmt(summary.duplicates)}, rejected ${fmt(summary.rejected)} (${fmt(summary.batches)} requests, ${fmt(summary.retries)} retries)`);
  if (summary.rejected === 0) return 0;
  log('[simulate] rejected events mean the simulator and the contract disagree (a bug); first ones:');
  for (const r of summary.rejectedSamples.slice(0, 5)) log(`  #${r.index} ${r.id ?? '?'}: ${r.errors.join('; ')}`);
  return 1;
}

async function send(source: AsyncIterable<StockpulseEvent[]>, opts: CliOptions, state: RunState, progress: ProgressLine, control: Control): Promise<number> {
  if (!opts.key) log('[simulate] no --key or STOCKPULSE_API_KEY: sending without credentials');
  try {
    const summary = await sendBatches(source, {
      url: opts.url,
      ...(opts.key ? { key: opts.key } : {}),
      batchSize: opts.batchSize,
      concurrency: opts.concurrency,
      signal: control.abort.signal,
      onProgress: (p) => {
        Object.assign(state, { delivered: p.sent, accepted: p.accepted, duplicates: p.duplicates, rejected: p.rejected, retries: p.retries });
        progress.tick();
      },
      onRetry: (r) => log(`[simulate] ${r.status ? `HTTP ${r.status}` : (r.error ?? 'network error')}: retrying in ${(r.waitMs / 1000).toFixed(1)} s (attempt ${r.attempt})`),
    });
    progress.tick(true);
    return printSendSummary(summary);
  } catch (err) {
    progress.tick(true);
    log(`[simulate] ${err instanceof Error ? err.message : String(err)}`);
    if (err instanceof SendError && err.summary) printSendSummary(err.summary);
    return 1;
  }
}

/** First signal: stop generating and finish sending; second: abort requests in flight. */
function installSignals(control: Control): () => void {
  const onSignal = (signal: string): void => {
    if (control.stop.signal.aborted) {
      log(`[simulate] ${signal} again: aborting requests in flight`);
      control.abort.abort(new Error(`interrupted by ${signal}`));
      return;
    }
    log(`[simulate] ${signal}: finishing what was generated (press again to abort)`);
    control.signalExit = signal === 'SIGTERM' ? 143 : 130;
    control.stop.abort();
  };
  const onInt = (): void => onSignal('SIGINT');
  const onTerm = (): void => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return () => {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  };
}

export async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    const parsed = parseCli(argv, Date.now(), process.env);
    if (parsed === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    opts = parsed;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    log(`stockpulse-simulate: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  const start = opts.start.getTime();
  // History never reaches past the wall clock: the API refuses events from the future.
  const backfillEnd = Math.min(start + opts.days * DAY, Date.now());
  const sim = createSimulation({ seed: opts.seed, start: opts.start, scale: opts.scale });
  const state = newRunState(start, backfillEnd);
  const control: Control = { stop: new AbortController(), abort: new AbortController(), signalExit: 0 };
  const uninstall = installSignals(control);
  const mode = opts.dryRun ? 'dry run' : opts.out !== undefined ? `writing ${opts.out === '-' ? 'stdout' : opts.out}` : `sending to ${opts.url}`;
  log(`[simulate] seed ${opts.seed}, scale ${opts.scale}, ${new Date(start).toISOString()} -> ${new Date(backfillEnd).toISOString()}${opts.live ? ` then live x${opts.speed}` : ''}; ${mode}`);
  const progress = new ProgressLine(state, log, opts.dryRun ? 'counted' : opts.out !== undefined ? 'written' : 'sent');
  const source = playEvents(sim, {
    until: new Date(backfillEnd),
    live: opts.live,
    speed: opts.speed,
    signal: control.stop.signal,
    onAdvance: (simNow, events, modelMs) => {
      state.simNow = simNow;
      state.generated += events;
      state.genMs += modelMs;
      if (simNow > backfillEnd) state.live = true;
    },
    onHeldBack: () => log(`[simulate] --speed ${opts.speed} ran ahead of the clock: holding at now + 23 h (the API rejects events > 24 h ahead)`),
  });
  let code = 0;
  try {
    if (opts.dryRun) printCounts(await countOnly(source, state, progress));
    else if (opts.out !== undefined) await writeNdjson(source, opts.out, state, progress);
    else code = await send(source, opts, state, progress, control);
  } finally {
    uninstall();
  }
  const genRate = state.genMs > 0 ? (state.generated / state.genMs) * 1000 : 0;
  log(`[simulate] generated ${fmt(state.generated)} events in ${(state.genMs / 1000).toFixed(2)} s of model time (${fmt(genRate)} events/s); wall ${progress.elapsedSeconds().toFixed(1)} s`);
  return control.signalExit !== 0 && code === 0 ? control.signalExit : code;
}

/** True when this file is the program (also through the npm bin symlink), not an import. */
function isEntryPoint(): boolean {
  const argv1 = process.argv[1];
  if (argv1 === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(argv1)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      log(`[simulate] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exit(1);
    },
  );
}

import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ClickHouseClient } from '@clickhouse/client';
import type { FastifyBaseLogger } from 'fastify';
import type { WalPosition, WalRecord, WriteAheadLog } from './wal.js';

/**
 * Moves accepted events from the write-ahead log into ClickHouse: one INSERT of up to
 * `maxRows` JSON lines at a time (10k-100k rows per insert is what makes chDB fast),
 * flushed by size or by time. Only after an insert succeeds is the log checkpointed.
 * A failed insert is retried with bounded backoff; nothing is dropped.
 */

interface Chunk extends WalRecord {
  acceptedAt: number;
}

export interface WriterStats {
  insertedRows: number;
  inserts: number;
  failures: number;
  lastBatchRows: number;
  /** Recent event-to-queryable delays in ms (accepted to insert done), for p95. */
  lagSamples: number[];
  /** Accepted rows the store refused as data (kept in wal/dead-letter.ndjson). */
  deadLettered: number;
}

export interface WriterOptions {
  batchRows: number;
  flushMs: number;
  maxRows?: number;
  log: FastifyBaseLogger;
  onInserted?: (rows: number, lagMs: number) => void;
  onInsertError?: () => void;
}

export class EventWriter {
  private queue: Chunk[] = [];
  private queuedRows = 0;
  private running = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private loopPromise: Promise<void> | undefined;
  private waiters: { target: number; resolve: () => void }[] = [];
  private enqueuedSeq = 0;
  private insertedSeq = 0;
  private lastError: Error | undefined;
  readonly stats: WriterStats = { insertedRows: 0, inserts: 0, failures: 0, lastBatchRows: 0, lagSamples: [], deadLettered: 0 };

  constructor(
    private readonly client: ClickHouseClient,
    private readonly wal: WriteAheadLog,
    private readonly opts: WriterOptions,
  ) {}

  get backlogRows(): number {
    return this.queuedRows;
  }

  /** The store refused the last insert and has not accepted one since. */
  get failing(): Error | undefined {
    return this.lastError;
  }

  enqueue(record: WalRecord): void {
    this.queue.push({ ...record, acceptedAt: Date.now() });
    this.queuedRows += record.lines;
    this.enqueuedSeq += record.lines;
    if (this.queuedRows >= this.opts.batchRows) this.kick();
    else this.timer ??= setTimeout(() => this.kick(), this.opts.flushMs);
  }

  /** Resolves when everything enqueued so far is in ClickHouse. */
  drained(): Promise<void> {
    const target = this.enqueuedSeq;
    if (this.insertedSeq >= target) return Promise.resolve();
    // Register first: a waiter makes a partial batch due at once.
    const done = new Promise<void>((resolve) => this.waiters.push({ target, resolve }));
    this.kick();
    return done;
  }

  private kick(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running || this.stopped) return;
    this.running = true;
    this.loopPromise = this.loop().finally(() => {
      this.running = false;
      if (this.queue.length > 0 && !this.stopped) this.timer ??= setTimeout(() => this.kick(), this.lastError ? 0 : this.untilDue());
    });
  }

  /**
   * Insert when a full batch is queued or the oldest queued event has waited flushMs (or on
   * shutdown, or when someone awaits drained()). Never back to back on a partial batch: chDB
   * spends 22 µs a row at 10k rows per insert and under 10 µs at 50k.
   */
  private due(): boolean {
    if (this.queue.length === 0) return false;
    if (this.stopped || this.waiters.length > 0 || this.queuedRows >= this.opts.batchRows) return true;
    return this.untilDue() === 0;
  }

  private untilDue(): number {
    const oldest = this.queue[0];
    return oldest ? Math.max(0, this.opts.flushMs - (Date.now() - oldest.acceptedAt)) : this.opts.flushMs;
  }

  private async loop(): Promise<void> {
    let attempt = 0;
    while (this.due()) {
      const batch = this.take();
      for (;;) {
        try {
          await this.insert(batch);
          this.lastError = undefined;
          attempt = 0;
          break;
        } catch (err) {
          this.stats.failures++;
          this.opts.onInsertError?.();
          this.lastError = err as Error;
          attempt++;
          const delay = Math.min(5000, 100 * 2 ** Math.min(attempt, 6));
          this.opts.log.error({ err, attempt, rows: batch.rows, delayMs: delay }, 'insert into events_raw failed; retrying');
          if (this.stopped && attempt >= 3) {
            // Shutting down with the store away: leave the rows in the log for the next start.
            // (take() leaves queuedRows as it was until the insert succeeds.)
            this.queue.unshift(...batch.chunks);
            return;
          }
          await new Promise((r) => setTimeout(r, delay));
        }
      }
      this.queuedRows -= batch.rows;
      this.insertedSeq += batch.rows;
      const end = batch.chunks[batch.chunks.length - 1]?.end as WalPosition;
      this.wal.checkpoint(end);
      const lag = Date.now() - (batch.chunks[0]?.acceptedAt ?? Date.now());
      this.stats.inserts++;
      this.stats.insertedRows += batch.rows;
      this.stats.lastBatchRows = batch.rows;
      this.stats.lagSamples.push(lag);
      if (this.stats.lagSamples.length > 2048) this.stats.lagSamples.splice(0, 1024);
      this.opts.onInserted?.(batch.rows, lag);
      this.waiters = this.waiters.filter((w) => (w.target <= this.insertedSeq ? (w.resolve(), false) : true));
    }
  }

  private take(): { chunks: Chunk[]; rows: number } {
    const max = this.opts.maxRows ?? 100_000;
    const chunks: Chunk[] = [];
    let rows = 0;
    while (this.queue.length > 0 && (rows === 0 || rows + (this.queue[0] as Chunk).lines <= max)) {
      const c = this.queue.shift() as Chunk;
      chunks.push(c);
      rows += c.lines;
    }
    return { chunks, rows };
  }

  private async insert(batch: { chunks: Chunk[] }): Promise<void> {
    // Replayed rows are inserted again even when events_raw has them: a crash can fall
    // between the raw insert and the views' inserts, and derived tables are read
    // deduplicated (FINAL / argMax by event), so a second copy changes no number.
    const text = batch.chunks.map((c) => c.text).join('');
    if (text.length === 0) return;
    try {
      await this.insertText(text);
    } catch (err) {
      if (!isDataError(err)) throw err;
      await this.isolate(text.split('\n').filter((l) => l.length > 0), err as Error);
    }
  }

  /** exec with a raw body: the rows are JSON lines already (serialised once, when accepted). */
  private async insertText(text: string): Promise<void> {
    const result = await this.client.exec({
      // Late events may touch many monthly partitions in one batch; that is normal here.
      query: 'INSERT INTO events_raw SETTINGS max_partitions_per_insert_block = 0 FORMAT JSONEachRow',
      values: Readable.from([Buffer.from(text, 'utf8')], { objectMode: false }),
    });
    for await (const _chunk of result.stream as AsyncIterable<unknown>) {
      // Drain the (empty) answer so that an HTTP connection is released.
    }
  }

  /**
   * The store refused the data itself (not a retryable fault): bisect to find the rows it
   * refuses, insert the rest, and set those aside in the dead-letter file with the reason,
   * so one bad row never blocks the log. Validation makes this a should-not-happen path.
   */
  private async isolate(lines: string[], cause: Error): Promise<void> {
    if (lines.length === 1) {
      const line = lines[0] as string;
      appendFileSync(join(this.wal.dir, 'dead-letter.ndjson'), `${JSON.stringify({ at: new Date().toISOString(), error: cause.message.slice(0, 2000), row: line })}\n`);
      this.stats.deadLettered++;
      this.opts.log.error({ err: cause, row: line.slice(0, 500) }, 'store refused an accepted event; kept in dead-letter.ndjson');
      return;
    }
    const mid = lines.length >> 1;
    for (const half of [lines.slice(0, mid), lines.slice(mid)]) {
      try {
        await this.insertText(`${half.join('\n')}\n`);
      } catch (err) {
        if (!isDataError(err)) throw err;
        await this.isolate(half, err as Error);
      }
    }
  }

  /** Flushes what is queued (bounded retries when the store is away) and stops. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.stopped = true;
    if (this.loopPromise) await this.loopPromise;
    if (this.queue.length > 0 && !this.running) {
      this.running = true;
      await this.loop().finally(() => (this.running = false));
    }
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
  }
}

/** ClickHouse codes that mean "this data cannot be stored" rather than "try again later". */
const DATA_ERROR_CODES = new Set([6, 25, 26, 27, 33, 38, 41, 43, 53, 69, 70, 72, 117, 131, 252, 321, 407, 467]);

export function isDataError(err: unknown): boolean {
  const code = Number((err as { code?: unknown } | null)?.code);
  return Number.isFinite(code) && DATA_ERROR_CODES.has(code);
}

import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import type { FastifyBaseLogger } from 'fastify';
import { toClickHouseTime, validateEvent } from '@stockpulse/metrics';
import { IdIndex, murmur3_32, xxhash32 } from './id-index.js';
import { WriteAheadLog } from './wal.js';
import { EventWriter } from './writer.js';

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: { index: number; id?: string; errors: string[] }[];
}

export interface PipelineOptions {
  dataDir: string;
  writer: ClickHouseClient;
  log: FastifyBaseLogger;
  now: () => number;
  batchRows: number;
  flushMs: number;
  maxBacklogRows: number;
  onInserted?: (rows: number, lagMs: number) => void;
  onInsertError?: () => void;
}

/**
 * Accept → validate → dedupe → write-ahead log (synced) → answer; the writer then moves
 * the log into ClickHouse. The id index is loaded from events_raw (plus the replayed log)
 * before the first event is accepted.
 */
export class IngestPipeline {
  readonly wal: WriteAheadLog;
  readonly writer: EventWriter;
  readonly index = new IdIndex();
  ready = false;
  readonly counters = { accepted: 0, duplicates: 0, rejected: 0, requests: 0 };

  constructor(private readonly opts: PipelineOptions) {
    this.wal = new WriteAheadLog(join(opts.dataDir, 'wal'));
    this.writer = new EventWriter(opts.writer, this.wal, {
      batchRows: opts.batchRows,
      flushMs: opts.flushMs,
      log: opts.log,
      ...(opts.onInserted ? { onInserted: opts.onInserted } : {}),
      ...(opts.onInsertError ? { onInsertError: opts.onInsertError } : {}),
    });
  }

  async start(): Promise<void> {
    const t0 = Date.now();
    await this.loadIndex();
    const replay = await this.wal.open();
    let replayed = 0;
    for (const record of replay) {
      for (const line of record.text.split('\n')) {
        if (line.length > 0) this.index.add((JSON.parse(line) as { id: string }).id);
      }
      this.writer.enqueue(record);
      replayed += record.lines;
    }
    this.ready = true;
    this.opts.log.info({ ids: this.index.size, replayed, ms: Date.now() - t0 }, 'ingest pipeline ready');
  }

  /** Every id in events_raw, as the two 32-bit hashes, streamed as RowBinary (8 bytes a row). */
  private async loadIndex(): Promise<void> {
    const result = await this.opts.writer.exec({ query: 'SELECT murmurHash3_32(id), xxHash32(id) FROM events_raw FORMAT RowBinary' });
    let rest: Buffer = Buffer.alloc(0);
    for await (const chunk of result.stream as AsyncIterable<Buffer>) {
      const buf: Buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
      const whole = buf.length - (buf.length % 8);
      for (let o = 0; o < whole; o += 8) this.index.addHash(buf.readUInt32LE(o), buf.readUInt32LE(o + 4));
      rest = buf.subarray(whole);
    }
  }

  /** Too much is waiting for the store: callers answer 503 with Retry-After. */
  get overloaded(): boolean {
    return this.writer.backlogRows >= this.opts.maxBacklogRows;
  }

  async accept(events: unknown[]): Promise<IngestResult> {
    const now = this.opts.now();
    const receivedAt = toClickHouseTime(now);
    const rejected: IngestResult['rejected'] = [];
    const lines: string[] = [];
    const added: [number, number][] = [];
    let duplicates = 0;
    try {
      for (let i = 0; i < events.length; i++) {
        const v = validateEvent(events[i], now, receivedAt);
        if (!v.ok) {
          rejected.push(v.id === undefined ? { index: i, errors: v.errors } : { index: i, id: v.id, errors: v.errors });
          continue;
        }
        const key = Buffer.from(v.row.id, 'utf8');
        const h1 = murmur3_32(key);
        const h2 = xxhash32(key);
        // Added now, before the log write, so that a concurrent request with the same id sees it.
        if (!this.index.addHash(h1, h2)) {
          duplicates++;
          continue;
        }
        added.push([h1, h2]);
        lines.push(JSON.stringify(v.row));
      }
      if (lines.length > 0) {
        const text = `${lines.join('\n')}\n`;
        const end = await this.wal.append(text, lines.length);
        this.writer.enqueue({ text, lines: lines.length, end });
      }
    } catch (err) {
      // Nothing of this batch was acknowledged: forget its ids, so that a retry is stored.
      for (const [h1, h2] of added) this.index.deleteHash(h1, h2);
      throw err;
    }
    this.counters.requests++;
    this.counters.rejected += rejected.length;
    this.counters.duplicates += duplicates;
    this.counters.accepted += lines.length;
    return { accepted: lines.length, duplicates, rejected };
  }

  async close(): Promise<void> {
    await this.wal.close();
    await this.writer.stop();
  }
}

import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Write-ahead log of accepted events: NDJSON segment files, appended with group commit
 * (one fdatasync covers every request that arrived meanwhile). An HTTP 200 is sent only
 * after the lines of that request are synced. A checkpoint records how far the writer
 * has put the log into ClickHouse; on start, everything after it is replayed.
 */

export interface WalPosition {
  segment: number;
  offset: number;
}

export interface WalRecord {
  /** JSON lines, each ending with "\n". */
  text: string;
  lines: number;
  end: WalPosition;
}

interface Pending {
  text: string;
  lines: number;
  resolve: (end: WalPosition) => void;
  reject: (err: Error) => void;
}

const SEGMENT_RE = /^(\d{16})\.ndjson$/;
const segName = (n: number) => `${String(n).padStart(16, '0')}.ndjson`;

export class WriteAheadLog {
  private fh: FileHandle | undefined;
  private segment = 0;
  private offset = 0;
  private pending: Pending[] = [];
  private flushing = false;
  private closed = false;
  /** Total bytes synced since start (for /metrics). */
  syncedBytes = 0;
  syncs = 0;

  constructor(
    readonly dir: string,
    private readonly segmentBytes = 64 * 1024 * 1024,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Opens the log for appending after recovery; returns the records to replay. */
  async open(): Promise<WalRecord[]> {
    const checkpoint = this.readCheckpoint();
    const segments = this.segments();
    const replay: WalRecord[] = [];
    for (const seg of segments) {
      if (seg < checkpoint.segment) {
        rmSync(join(this.dir, segName(seg)), { force: true });
        continue;
      }
      const path = join(this.dir, segName(seg));
      const buf = readFileSync(path);
      // A torn tail (a crash during an unsynced write, never acknowledged) is cut off.
      const lastNewline = buf.lastIndexOf(0x0a);
      const valid = lastNewline + 1;
      if (valid < buf.length) {
        const fd = openSync(path, 'r+');
        try {
          (await import('node:fs')).ftruncateSync(fd, valid);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      }
      const from = seg === checkpoint.segment ? Math.min(checkpoint.offset, valid) : 0;
      if (valid > from) {
        const text = buf.subarray(from, valid).toString('utf8');
        replay.push({ text, lines: countLines(text), end: { segment: seg, offset: valid } });
      }
      this.segment = seg;
      this.offset = valid;
    }
    if (segments.length === 0) this.segment = Math.max(1, checkpoint.segment);
    // Always continue in a fresh segment: replayed segments are never appended to.
    await this.rotate();
    return replay;
  }

  /** Appends lines and resolves once they are on disk (fdatasync). */
  append(text: string, lines: number): Promise<WalPosition> {
    if (this.closed) return Promise.reject(new Error('write-ahead log is closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ text, lines, resolve, reject });
      if (!this.flushing) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          if (!this.fh) throw new Error('write-ahead log is not open');
          if (this.offset >= this.segmentBytes) await this.rotate();
          const fh = this.fh as FileHandle;
          const buffers = batch.map((p) => Buffer.from(p.text, 'utf8'));
          await fh.writev(buffers);
          await fh.datasync();
          this.syncs += 1;
          for (let i = 0; i < batch.length; i++) {
            this.offset += (buffers[i] as Buffer).length;
            this.syncedBytes += (buffers[i] as Buffer).length;
            (batch[i] as Pending).resolve({ segment: this.segment, offset: this.offset });
          }
        } catch (err) {
          for (const p of batch) p.reject(err as Error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async rotate(): Promise<void> {
    if (this.fh) await this.fh.close();
    this.segment += 1;
    this.offset = 0;
    this.fh = await open(join(this.dir, segName(this.segment)), 'a');
    // Make the new file's directory entry durable too.
    const dfd = openSync(this.dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  }

  /** Records that everything up to `pos` is in ClickHouse; drops segments before it. */
  checkpoint(pos: WalPosition): void {
    const tmp = join(this.dir, 'checkpoint.json.tmp');
    writeFileSync(tmp, JSON.stringify(pos));
    const fd = openSync(tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(this.dir, 'checkpoint.json'));
    for (const seg of this.segments()) {
      if (seg < pos.segment) rmSync(join(this.dir, segName(seg)), { force: true });
    }
  }

  private readCheckpoint(): WalPosition {
    const path = join(this.dir, 'checkpoint.json');
    if (!existsSync(path)) return { segment: 0, offset: 0 };
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as WalPosition;
    return { segment: Number(parsed.segment) || 0, offset: Number(parsed.offset) || 0 };
  }

  private segments(): number[] {
    return readdirSync(this.dir)
      .map((f) => SEGMENT_RE.exec(f)?.[1])
      .filter((s): s is string => s !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  /** Waits for pending appends, then closes the file. */
  async close(): Promise<void> {
    while (this.flushing || this.pending.length > 0) await new Promise((r) => setTimeout(r, 5));
    this.closed = true;
    await this.fh?.close();
    this.fh = undefined;
  }
}

export function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

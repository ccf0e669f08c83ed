import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WriteAheadLog, countLines } from './wal.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('write-ahead log', () => {
  it('replays what was appended after the checkpoint, and nothing before it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wal-'));
    const wal = new WriteAheadLog(dir);
    expect(await wal.open()).toEqual([]);
    const a = await wal.append('{"id":"a"}\n{"id":"b"}\n', 2);
    await Promise.all([wal.append('{"id":"c"}\n', 1), wal.append('{"id":"d"}\n', 1)]);
    wal.checkpoint(a);
    await wal.close();

    const again = new WriteAheadLog(dir);
    const replay = await again.open();
    expect(replay.map((r) => r.text).join('')).toBe('{"id":"c"}\n{"id":"d"}\n');
    expect(replay.reduce((n, r) => n + r.lines, 0)).toBe(2);
    await again.close();
  });

  it('cuts a torn last line (a write that was never acknowledged)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wal-'));
    const wal = new WriteAheadLog(dir);
    await wal.open();
    await wal.append('{"id":"a"}\n', 1);
    await wal.close();
    const seg = readdirSync(dir).filter((f) => f.endsWith('.ndjson')).sort().at(-1) as string;
    appendFileSync(join(dir, seg), '{"id":"tor');
    const again = new WriteAheadLog(dir);
    const replay = await again.open();
    expect(replay.map((r) => r.text).join('')).toBe('{"id":"a"}\n');
    await again.close();
  });

  it('drops segments once checkpointed past them', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wal-'));
    const wal = new WriteAheadLog(dir, 32);
    await wal.open();
    let last = await wal.append('{"id":"0123456789abcdef0123"}\n', 1);
    for (let i = 0; i < 5; i++) last = await wal.append(`{"id":"x${i}-0123456789abcdef"}\n`, 1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.ndjson')).length).toBeGreaterThan(2);
    wal.checkpoint(last);
    expect(readdirSync(dir).filter((f) => f.endsWith('.ndjson')).length).toBe(1);
    await wal.close();
    const again = new WriteAheadLog(dir, 32);
    expect(await again.open()).toEqual([]);
    await again.close();
  });

  it('counts lines', () => {
    expect(countLines('a\nb\n')).toBe(2);
    expect(countLines('')).toBe(0);
  });
});

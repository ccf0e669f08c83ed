import { describe, expect, it } from 'vitest';
import { parseBenchArgs, type BenchArgs } from './args.js';

const parse = (argv: string[]) => parseBenchArgs(argv, '/repo') as BenchArgs;

describe('parseBenchArgs', () => {
  it('defaults to the issue: 1M then 10M events, 4 and 8 clients, 3 runs', () => {
    const a = parse([]);
    expect([a.first, a.events, a.clients, a.runs, a.batch]).toEqual([1_000_000, 10_000_000, [4, 8], 3, 1000]);
    expect(a.out).toBe('/repo/bench-results');
  });
  it('--quick is a smoke run unless told otherwise', () => {
    const a = parse(['--quick', '--runs', '2']);
    expect([a.first, a.events, a.runs]).toEqual([200_000, 1_000_000, 2]);
  });
  it('keeps --first below --events', () => {
    expect(parse(['--events', '500k']).first).toBe(100_000);
    expect(() => parse(['--events', '1M', '--first', '1M'])).toThrow(/--first/);
  });
  it('collects server variables and rejects bad ones', () => {
    expect(parse(['--server-env', 'INGEST_FLUSH_MS=100', '--server-env', 'X=a=b']).serverEnv).toEqual({ INGEST_FLUSH_MS: '100', X: 'a=b' });
    expect(() => parse(['--server-env', 'lower=1'])).toThrow(/NAME=value/);
  });
  it('rejects unknown phases and options', () => {
    expect(() => parse(['--skip', 'ingest'])).toThrow(/--skip/);
    expect(() => parse(['--nope'])).toThrow();
  });
  it('answers help', () => {
    expect(parseBenchArgs(['--help'], '/repo')).toBe('help');
  });
});

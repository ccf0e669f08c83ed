import { describe, expect, it } from 'vitest';
import { histogramDelta, histogramQuantile, median, parseCount, percentile, summarize } from './stats.js';

describe('percentile (nearest rank)', () => {
  const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
  it('picks the value at ceil(p% of n)', () => {
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7, 9], 50)).toBe(7);
  });
  it('is NaN for no samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
  it('summarize sorts its input', () => {
    const s = summarize([30, 10, 20]);
    expect([s.min, s.p50, s.max, s.mean]).toEqual([10, 20, 30, 20]);
  });
});

describe('median', () => {
  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe('histogramQuantile', () => {
  const buckets = [
    { le: 0.1, count: 10 },
    { le: 0.5, count: 90 },
    { le: 1, count: 100 },
    { le: Number.POSITIVE_INFINITY, count: 100 },
  ];
  it('interpolates inside the bucket like Prometheus', () => {
    expect(histogramQuantile(buckets, 0.5)).toBeCloseTo(0.3);
    expect(histogramQuantile(buckets, 0.95)).toBeCloseTo(0.75);
  });
  it('returns the last finite bound when the rank falls in +Inf', () => {
    expect(histogramQuantile([{ le: 1, count: 1 }, { le: Number.POSITIVE_INFINITY, count: 10 }], 0.95)).toBe(1);
  });
  it('subtracts an earlier snapshot bucket by bucket', () => {
    const before = buckets.map((b) => ({ le: b.le, count: Math.floor(b.count / 2) }));
    expect(histogramDelta(buckets, before).map((b) => b.count)).toEqual([5, 45, 50, 50]);
  });
});

describe('parseCount', () => {
  it('reads suffixes and separators', () => {
    expect(parseCount('10M')).toBe(10_000_000);
    expect(parseCount('200k')).toBe(200_000);
    expect(parseCount('1.5m')).toBe(1_500_000);
    expect(parseCount('10_000')).toBe(10_000);
    expect(parseCount('ten')).toBeNaN();
  });
});

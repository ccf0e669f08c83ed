import { describe, expect, it } from 'vitest';
import { compileMetric } from './compile.js';
import { QueryError, parseMetricQuery } from './query.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');

function paramOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof QueryError) return err.param;
    throw err;
  }
  throw new Error('expected a QueryError');
}

describe('metric query parameters', () => {
  it('defaults to the last 30 days, total, UTC', () => {
    const q = parseMetricQuery('orders', {}, NOW);
    expect(q.toMs).toBe(NOW);
    expect(q.fromMs).toBe(NOW - 30 * 86_400_000);
    expect(q.grain).toBe('total');
    expect(q.tz).toBe('UTC');
  });
  it('reads YYYY-MM-DD as midnight in the requested zone', () => {
    const q = parseMetricQuery('orders', { from: '2026-11-01', to: '2026-11-08', tz: 'Europe/Bucharest' }, NOW);
    expect(new Date(q.fromMs).toISOString()).toBe('2026-10-31T22:00:00.000Z');
  });
  it('names the bad parameter', () => {
    expect(paramOf(() => parseMetricQuery('nope', {}, NOW))).toBe('metric');
    expect(paramOf(() => parseMetricQuery('orders', { by: 'colour' }, NOW))).toBe('by');
    expect(paramOf(() => parseMetricQuery('orders', { by: 'warehouse' }, NOW))).toBe('by');
    expect(paramOf(() => parseMetricQuery('orders', { grain: 'fortnight' }, NOW))).toBe('grain');
    expect(paramOf(() => parseMetricQuery('avg_inventory_value', { grain: 'hour' }, NOW))).toBe('grain');
    expect(paramOf(() => parseMetricQuery('orders', { tz: 'Mars/Olympus' }, NOW))).toBe('tz');
    expect(paramOf(() => parseMetricQuery('orders', { from: '2026-13-45' }, NOW))).toBe('from');
    expect(paramOf(() => parseMetricQuery('orders', { from: '2026-11-08', to: '2026-11-01' }, NOW))).toBe('from');
    expect(paramOf(() => parseMetricQuery('orders', { catgory: 'Tools' }, NOW))).toBe('catgory');
    expect(paramOf(() => parseMetricQuery('orders', { warehouse: 'main' }, NOW))).toBe('warehouse');
    expect(paramOf(() => parseMetricQuery('nps', { had_backorder: 'maybe' }, NOW))).toBe('had_backorder');
    expect(paramOf(() => parseMetricQuery('orders', { grain: 'hour', from: '2020-01-01', to: '2026-01-01' }, NOW))).toBe('grain');
    expect(paramOf(() => parseMetricQuery('orders', { to: ['2026-11-01', '2026-11-02'] }, NOW))).toBe('to');
  });
  it('buckets a period across a DST gap at midnight without refusing it', () => {
    const q = parseMetricQuery('orders', { from: '2026-09-01', to: '2026-09-10', tz: 'America/Santiago', grain: 'day' }, NOW);
    expect(new Date(q.fromMs).toISOString()).toBe('2026-09-01T04:00:00.000Z');
    expect(() => parseMetricQuery('orders', { from: '2026-09-06', to: '2026-09-07', tz: 'America/Santiago' }, NOW)).not.toThrow();
  });
  it('puts the error in the message too', () => {
    expect(() => parseMetricQuery('orders', { tz: 'Mars/Olympus' }, NOW)).toThrow(/\btz\b/);
    expect(() => parseMetricQuery('orders', { by: 'colour' }, NOW)).toThrow(/colour/);
  });
  it('binds every filter value and interpolates none', () => {
    const evil = "Tools') OR 1=1 --";
    const q = parseMetricQuery('revenue', { category: `${evil},Garden`, by: 'category' }, NOW);
    const c = compileMetric(q);
    expect(c.sql).not.toContain(evil);
    expect(c.sql).toContain('{f_category:Array(String)}');
    expect(c.params.f_category).toEqual([evil, 'Garden']);
  });
});

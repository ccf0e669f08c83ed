import { describe, expect, it } from 'vitest';
import { parseMetricQuery } from '../query.js';
import { gridParams } from './grid.js';

const NOW = Date.parse('2026-11-22T06:00:00Z');

describe('snapshot grid', () => {
  it('has the days of the period in tz, 25 hours on the day DST ends', () => {
    const q = parseMetricQuery('inventory_value', { from: '2026-10-24', to: '2026-10-27', tz: 'Europe/Bucharest' }, NOW);
    expect(gridParams(q)).toEqual({
      grid: [Date.parse('2026-10-23T21:00:00Z') / 1000, Date.parse('2026-10-24T21:00:00Z') / 1000, Date.parse('2026-10-25T22:00:00Z') / 1000],
      grid_from: Date.parse('2026-10-23T21:00:00Z') / 1000,
    });
    const hours = parseMetricQuery('inventory_value', { from: '2026-10-25', to: '2026-10-26', tz: 'Europe/Bucharest', grain: 'hour' }, NOW);
    expect((gridParams(hours).grid as number[]).length).toBe(25);
  });

  it('ends at now in an open period, and starts at the unit holding from', () => {
    const q = parseMetricQuery('on_hand_units', { from: '2026-11-21T10:30:00Z', to: '2026-11-23', grain: 'hour' }, NOW);
    const { grid, grid_from } = gridParams(q) as { grid: number[]; grid_from: number };
    expect(grid_from).toBe(Date.parse('2026-11-21T10:00:00Z') / 1000);
    expect(grid.at(-1)).toBe(Date.parse('2026-11-22T05:00:00Z') / 1000);
    expect(grid.length).toBe(20);
  });

  it('splits a period across a midnight that does not exist (Santiago skips 00:00 on 2026-09-06)', () => {
    const q = parseMetricQuery('inventory_turnover', { from: '2026-09-01', to: '2026-09-12', tz: 'America/Santiago' }, NOW);
    const { grid } = gridParams(q) as { grid: number[] };
    expect(grid).toHaveLength(11);
    expect(grid).toContain(Date.parse('2026-09-06T04:00:00Z') / 1000);
    expect(grid[6]! - grid[5]!).toBe(23 * 3600);
  });
});

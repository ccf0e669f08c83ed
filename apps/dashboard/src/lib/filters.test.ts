import { describe, expect, it } from 'vitest';
import { filtersToSearch, kpiParams, parseFilters, resolvePeriod, withDim } from './filters';

const NOW = Date.parse('2026-11-22T10:30:00.500Z');

describe('filters <-> URL', () => {
  it('falls back to defaults for anything invalid', () => {
    const f = parseFilters({ period: 'forever', tz: 'Mars/Olympus', category: ',,' });
    expect(f).toEqual({ period: '30d', tz: 'UTC', dims: {} });
    expect(filtersToSearch(f).toString()).toBe('');
  });

  it('keeps a custom range only when both dates are real and ordered', () => {
    expect(parseFilters({ period: 'custom', from: '2026-11-01', to: '2026-11-07' }).period).toBe('custom');
    expect(parseFilters({ period: 'custom', from: '2026-02-30', to: '2026-03-07' }).period).toBe('30d');
    expect(parseFilters({ period: 'custom', from: '2026-11-08', to: '2026-11-07' }).period).toBe('30d');
  });

  it('round-trips dimensions and ignores unknown parameters', () => {
    const f = parseFilters({ period: '7d', tz: 'Europe/Bucharest', category: 'Tools,Garden', sku: 'KIT-1', bogus: 'x', sort: '-qty' });
    expect(f.dims).toEqual({ category: ['Tools', 'Garden'], sku: ['KIT-1'] });
    expect(filtersToSearch(f).toString()).toBe('period=7d&tz=Europe%2FBucharest&category=Tools%2CGarden&sku=KIT-1');
    expect(filtersToSearch(withDim(f, 'sku', undefined)).get('sku')).toBeNull();
  });
});

describe('periods', () => {
  it('a preset ends now and is compared with the same length just before', () => {
    const p = resolvePeriod(parseFilters({ period: '7d' }), NOW);
    // Rounded up to the second: events stamped now are inside the window.
    expect(p).toMatchObject({ from: '2026-11-15T10:30:01.000Z', to: '2026-11-22T10:30:01.000Z', prevFrom: '2026-11-08T10:30:01.000Z', prevTo: '2026-11-15T10:30:01.000Z', days: 7 });
  });

  it('a custom range covers whole days, `to` inclusive, the API `to` exclusive', () => {
    const p = resolvePeriod(parseFilters({ period: 'custom', from: '2026-11-01', to: '2026-11-07' }), NOW);
    expect(p).toMatchObject({ from: '2026-11-01', to: '2026-11-08', prevFrom: '2026-10-25', prevTo: '2026-11-01', days: 7 });
  });
});

describe('kpiParams', () => {
  it('sends only the filters the KPI takes and reports the others', () => {
    const f = parseFilters({ category: 'Tools', segment: 'retail', tz: 'Asia/Tokyo' });
    expect(kpiParams(f, ['segment', 'tier', 'region', 'customer_id', 'had_backorder'])).toEqual({
      params: { tz: 'Asia/Tokyo', segment: 'retail' },
      ignored: ['category'],
    });
  });
});

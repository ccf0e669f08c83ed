import { describe, expect, it } from 'vitest';
import { formatBucket, formatChange, formatValue } from './format';

describe('formatValue', () => {
  it('formats by unit, and a missing value as a dash, never 0', () => {
    expect(formatValue('ratio', 0.1234)).toBe('12.3%');
    expect(formatValue('ratio', 0.0018)).toBe('0.18%');
    expect(formatValue('nps', 36.77)).toBe('37');
    expect(formatValue('days', 21.94)).toBe('21.9 d');
    expect(formatValue('times', 1.4177)).toBe('1.42×');
    expect(formatValue('currency', 84982.22, { compact: true })).toBe('85K');
    expect(formatValue('currency', 5906.43, { compact: true })).toBe('5,906.43');
    expect(formatValue('ratio', null)).toBe('—');
  });
});

describe('formatChange', () => {
  it('ratios move in percentage points, coloured by the KPI polarity', () => {
    expect(formatChange('ratio', 0.098, 0.025, true)).toMatchObject({ text: '+7.3 pp', direction: 'up', tone: 'bad' });
    expect(formatChange('ratio', 0.947, 0.988, false)).toMatchObject({ text: '−4.1 pp', direction: 'down', tone: 'bad' });
  });

  it('amounts move in percent; nothing to compare with is said, not invented', () => {
    expect(formatChange('currency', 150, 100, true)).toMatchObject({ text: '+50.0%', tone: 'bad' });
    expect(formatChange('currency', 150, null, true)).toMatchObject({ text: null, direction: 'none' });
    expect(formatChange('count', 5, 0, false)).toMatchObject({ text: 'new' });
  });
});

describe('formatBucket', () => {
  it('reads the bucket in its own zone (the API writes it in tz)', () => {
    expect(formatBucket('2026-11-10T00:00:00+02:00', 'day')).toBe('Nov 10');
    expect(formatBucket('2026-11-10T14:00:00Z', 'hour')).toBe('Nov 10 14:00');
  });
});

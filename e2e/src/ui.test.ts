import { describe, expect, it } from 'vitest';
import { parseCsv, parseShown, shows } from './ui.js';

describe('reading a displayed number back', () => {
  it('knows the precision of each unit the dashboard shows', () => {
    expect(parseShown('2.8%')).toEqual({ value: expect.closeTo(0.028, 12) as number, halfStep: expect.closeTo(0.0005, 12) as number });
    expect(parseShown('0.53%')?.halfStep).toBeCloseTo(0.00005, 12);
    expect(parseShown('16.5K')).toEqual({ value: 16_500, halfStep: 50 });
    expect(parseShown('1,234.56')).toEqual({ value: 1234.56, halfStep: expect.closeTo(0.005, 12) as number });
    expect(parseShown('1.19×')?.value).toBeCloseTo(1.19, 12);
    expect(parseShown('48')).toEqual({ value: 48, halfStep: 0.5 });
    expect(parseShown('3.2 d')?.value).toBeCloseTo(3.2, 12);
    expect(parseShown('−0.120')?.value).toBeCloseTo(-0.12, 12);
    expect(parseShown('—')).toBeNull();
    expect(() => parseShown('n/a')).toThrow(/cannot read/);
  });

  it('accepts the value rounded to the shown precision, and nothing further away', () => {
    expect(shows('2.8%', 0.027685)).toBe(true);
    expect(shows('2.8%', 0.0285)).toBe(true);
    expect(shows('2.8%', 0.0286)).toBe(false);
    expect(shows('16.5K', 16_449)).toBe(false);
    expect(shows('48', 47.6)).toBe(true);
    expect(shows('—', null)).toBe(true);
    expect(shows('—', 0)).toBe(false);
    expect(shows('0.0%', null)).toBe(false);
  });
});

describe('reading a CSV', () => {
  it('splits RFC 4180 rows, with quoted commas, quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n1,"x, ""y""\r\nz"\r\n,\r\n')).toEqual([
      ['a', 'b'],
      ['1', 'x, "y"\r\nz'],
      ['', ''],
    ]);
    expect(parseCsv('a\nb')).toEqual([['a'], ['b']]);
  });
});

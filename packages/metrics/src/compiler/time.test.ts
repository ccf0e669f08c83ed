import { describe, expect, it } from 'vitest';
import { bucketStart, formatInZone, isValidTimeZone, nextBucketStart, previousBucketStart, zonedToUtc } from './time.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('time zones and buckets', () => {
  it('validates IANA names', () => {
    expect(isValidTimeZone('Europe/Bucharest')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone("UTC'); DROP")).toBe(false);
  });
  it('finds local midnight across daylight-saving changes', () => {
    expect(iso(zonedToUtc(2026, 7, 1, 'Europe/Bucharest'))).toBe('2026-06-30T21:00:00.000Z');
    expect(iso(zonedToUtc(2026, 12, 1, 'Europe/Bucharest'))).toBe('2026-11-30T22:00:00.000Z');
    // 2026-10-25 is 25 hours long in Bucharest.
    const day = zonedToUtc(2026, 10, 25, 'Europe/Bucharest');
    expect(nextBucketStart(day, 'day', 'Europe/Bucharest') - day).toBe(25 * 3_600_000);
    const spring = zonedToUtc(2026, 3, 29, 'Europe/Bucharest');
    expect(nextBucketStart(spring, 'day', 'Europe/Bucharest') - spring).toBe(23 * 3_600_000);
  });
  it('labels buckets with the zone offset', () => {
    expect(formatInZone(Date.parse('2026-11-01T22:00:00Z'), 'Europe/Bucharest')).toBe('2026-11-02T00:00:00+02:00');
    expect(formatInZone(Date.parse('2026-07-01T21:00:00Z'), 'Europe/Bucharest')).toBe('2026-07-02T00:00:00+03:00');
    expect(formatInZone(Date.parse('2026-11-02T00:00:00Z'), 'UTC')).toBe('2026-11-02T00:00:00Z');
    expect(formatInZone(Date.parse('2026-11-02T05:30:00Z'), 'America/St_Johns')).toBe('2026-11-02T02:00:00-03:30');
  });
  it('starts weeks on Monday and months on the 1st, in the zone', () => {
    const t = Date.parse('2026-11-22T12:00:00Z'); // a Sunday
    expect(iso(bucketStart(t, 'week', 'UTC'))).toBe('2026-11-16T00:00:00.000Z');
    expect(iso(bucketStart(t, 'month', 'Europe/Bucharest'))).toBe('2026-10-31T22:00:00.000Z');
    expect(iso(previousBucketStart(bucketStart(t, 'month', 'UTC'), 'month', 'UTC'))).toBe('2026-10-01T00:00:00.000Z');
    expect(iso(bucketStart(Date.parse('2026-11-01T23:30:00Z'), 'day', 'Europe/Bucharest'))).toBe('2026-11-01T22:00:00.000Z');
  });
  it('starts a day whose midnight does not exist where the day really starts', () => {
    // America/Santiago skips from 00:00 to 01:00 on 2026-09-06.
    const day = zonedToUtc(2026, 9, 6, 'America/Santiago');
    expect(iso(day)).toBe('2026-09-06T04:00:00.000Z');
    const before = zonedToUtc(2026, 9, 5, 'America/Santiago');
    expect(nextBucketStart(before, 'day', 'America/Santiago')).toBe(day);
    expect(day - before).toBe(24 * 3_600_000);
    // 6 September itself lasts 23 hours.
    expect(nextBucketStart(day, 'day', 'America/Santiago') - day).toBe(23 * 3_600_000);
    expect(formatInZone(day, 'America/Santiago')).toBe('2026-09-06T01:00:00-03:00');
  });
});

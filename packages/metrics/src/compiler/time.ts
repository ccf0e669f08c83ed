import type { Grain } from '../kpis/dimensions.js';

/** Time zones: IANA names that both Intl and ClickHouse know; validated, then bound as a parameter. */
export function isValidTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const partsFormatter = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = partsFormatter.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatter.set(tz, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. */
function wall(ms: number, tz: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const p = Object.fromEntries(formatter(tz).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: Number(p.year), mo: Number(p.month), d: Number(p.day), h: Number(p.hour), mi: Number(p.minute), s: Number(p.second) };
}

/** Offset of the zone from UTC at an instant, in minutes. */
export function offsetMinutes(ms: number, tz: string): number {
  const w = wall(ms, tz);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/**
 * The instant at which a wall-clock date-time occurs in a zone (the earlier one in a DST
 * overlap). A wall time that does not exist (a DST gap, e.g. midnight in America/Santiago on
 * the day clocks go forward) gives the first instant after the gap: where that day starts.
 */
export function zonedToUtc(y: number, mo: number, d: number, tz: string, h = 0, mi = 0): number {
  const want = Date.UTC(y, mo - 1, d, h, mi);
  let ms = want - offsetMinutes(want, tz) * 60000;
  ms = want - offsetMinutes(ms, tz) * 60000;
  const wallMs = (t: number) => {
    const w = wall(t, tz);
    return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  };
  if (wallMs(ms) === want) return ms;
  // Wall time only grows with the instant: find the first instant whose wall time is >= want.
  let lo = ms - 4 * 3_600_000;
  let hi = ms + 4 * 3_600_000;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallMs(mid) >= want) hi = mid;
    else lo = mid;
  }
  return Math.floor(hi / 1000) * 1000;
}

/** RFC 3339 with the zone's offset (`Z` for UTC), for bucket labels. */
export function formatInZone(ms: number, tz: string): string {
  const w = wall(ms, tz);
  const off = tz === 'UTC' ? 0 : offsetMinutes(ms, tz);
  const pad = (n: number, l = 2) => String(n).padStart(l, '0');
  const base = `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}`;
  if (off === 0) return `${base}Z`;
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${base}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** ClickHouse DateTime64(3, 'UTC') literal for a bound parameter. */
export function chTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 23);
}

/**
 * SQL that truncates `col` (DateTime64 UTC) to the start of its bucket in zone {tz},
 * as a DateTime in that zone. Identifiers are fixed here; the zone is a bound parameter.
 */
export function bucketSql(grain: Grain, col: string): string {
  switch (grain) {
    case 'hour':
      return `toStartOfHour(toDateTime(${col}, {tz:String}))`;
    case 'day':
      return `toStartOfDay(toDateTime(${col}, {tz:String}))`;
    case 'week':
      return `toDateTime(toMonday(toDateTime(${col}, {tz:String})), {tz:String})`;
    case 'month':
      return `toDateTime(toStartOfMonth(toDateTime(${col}, {tz:String})), {tz:String})`;
    case 'total':
      return `toDateTime(0, {tz:String})`;
  }
}

/** Start of the bucket after the one starting at `startMs` (calendar-aware in the zone). */
export function nextBucketStart(startMs: number, grain: Grain, tz: string): number {
  if (grain === 'hour') return startMs + 3_600_000;
  const w = wall(startMs, tz);
  if (grain === 'day') return zonedToUtc(w.y, w.mo, w.d + 1, tz);
  if (grain === 'week') return zonedToUtc(w.y, w.mo, w.d + 7, tz);
  if (grain === 'month') return zonedToUtc(w.y, w.mo + 1, 1, tz);
  return Number.POSITIVE_INFINITY;
}

/** Start of the bucket that contains `ms`. */
export function bucketStart(ms: number, grain: Grain, tz: string): number {
  if (grain === 'total') return ms;
  const w = wall(ms, tz);
  if (grain === 'hour') return zonedToUtc(w.y, w.mo, w.d, tz, w.h);
  if (grain === 'day') return zonedToUtc(w.y, w.mo, w.d, tz);
  if (grain === 'month') return zonedToUtc(w.y, w.mo, 1, tz);
  const dow = (new Date(Date.UTC(w.y, w.mo - 1, w.d)).getUTCDay() + 6) % 7; // Monday = 0
  return zonedToUtc(w.y, w.mo, w.d - dow, tz);
}

/** Start of the bucket before the one starting at `startMs`. */
export function previousBucketStart(startMs: number, grain: Grain, tz: string): number {
  if (grain === 'hour') return startMs - 3_600_000;
  const w = wall(startMs, tz);
  if (grain === 'day') return zonedToUtc(w.y, w.mo, w.d - 1, tz);
  if (grain === 'week') return zonedToUtc(w.y, w.mo, w.d - 7, tz);
  return zonedToUtc(w.y, w.mo - 1, 1, tz);
}

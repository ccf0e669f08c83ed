/** Time helpers on epoch milliseconds (UTC). The model never reads the wall clock. */

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export function dayStart(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(ms: number): number {
  return (((Math.floor(ms / DAY) + 4) % 7) + 7) % 7;
}

/** Hours since midnight UTC, fractional. */
export function hourOfDay(ms: number): number {
  return (ms - dayStart(ms)) / HOUR;
}

const dates = new Map<number, string>();

/** `YYYY-MM-DD`; memoised because events keep asking for the same few days. */
export function isoDate(ms: number): string {
  const day = Math.floor(ms / DAY);
  let date = dates.get(day);
  if (date === undefined) {
    if (dates.size > 20_000) dates.clear();
    date = new Date(day * DAY).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
}

const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * RFC 3339 UTC with milliseconds, like `toISOString()` (years 0..9999) but several times
 * faster: one string per event makes this the hottest function of the generator.
 */
export function isoTime(ms: number): string {
  const date = isoDate(ms);
  let rest = ms - dayStart(ms);
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const s = Math.floor(rest / 1000);
  return `${date}T${PAD2[h]}:${PAD2[m]}:${PAD2[s]}.${PAD3[rest - s * 1000]}Z`;
}

/** Warehouse shifts (UTC): Monday–Saturday 06:00–22:00, Sunday a short 08:00–16:00 shift. */
function shift(dayMs: number): [number, number] {
  return weekday(dayMs) === 0 ? [dayMs + 8 * HOUR, dayMs + 16 * HOUR] : [dayMs + 6 * HOUR, dayMs + 22 * HOUR];
}

/** The earliest moment at or after `ms` when the warehouse works. */
export function warehouseOpenAt(ms: number): number {
  const day = dayStart(ms);
  const [open, close] = shift(day);
  if (ms < open) return open;
  if (ms < close) return ms;
  return shift(day + DAY)[0];
}

/** Carrier pick-ups at the dock: 11:00 and 17:00, Sunday only 14:00. */
export function nextPickup(ms: number): number {
  for (let day = dayStart(ms); ; day += DAY) {
    const slots = weekday(day) === 0 ? [14] : [11, 17];
    for (const h of slots) {
      const t = day + h * HOUR;
      if (t >= ms) return t;
    }
  }
}

/** Adds working days (carriers do not deliver on Sunday); returns the day start. */
export function addDeliveryDays(ms: number, days: number): number {
  let day = dayStart(ms);
  let left = days;
  while (left > 0) {
    day += DAY;
    if (weekday(day) !== 0) left--;
  }
  return day;
}

/** Supplier deliveries arrive on working days; a Sunday slips to Monday. */
export function workingDay(dayMs: number): number {
  return weekday(dayMs) === 0 ? dayMs + DAY : dayMs;
}

/** Shop traffic by hour of day (UTC, a European shop): quiet nights, a lunch and an evening peak. */
const HOURLY = [
  0.22, 0.13, 0.08, 0.06, 0.06, 0.1, 0.25, 0.5, 0.85, 1.15, 1.35, 1.45, 1.5, 1.5, 1.45, 1.4, 1.35, 1.35, 1.45, 1.6,
  1.6, 1.35, 0.95, 0.5,
];
const HOURLY_MEAN = HOURLY.reduce((a, b) => a + b, 0) / HOURLY.length;
export const HOURLY_PEAK = Math.max(...HOURLY) / HOURLY_MEAN;

/** Relative order intensity at this time of day (mean 1), interpolated so that hours blend. */
export function hourlyFactor(ms: number): number {
  const h = hourOfDay(ms);
  const i = Math.floor(h);
  const f = h - i;
  const a = HOURLY[i % 24] as number;
  const b = HOURLY[(i + 1) % 24] as number;
  return (a + (b - a) * f) / HOURLY_MEAN;
}

/** Sunday … Saturday: weekdays busier (B2B buyers work), Sunday the quietest. */
const WEEKLY = [0.78, 1.1, 1.08, 1.06, 1.02, 0.98, 0.86];
export const WEEKLY_PEAK = Math.max(...WEEKLY);

export function weeklyFactor(ms: number): number {
  return WEEKLY[weekday(ms)] as number;
}

export function isWeekend(ms: number): boolean {
  const d = weekday(ms);
  return d === 0 || d === 6;
}

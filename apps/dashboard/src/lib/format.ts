import type { Unit } from '@stockpulse/metrics';

// Number formatting by KPI unit. Client-safe (type-only import). Amounts carry no currency
// symbol: the API answers in the shop's currency without naming it.

const nf = (max: number, min = 0) => new Intl.NumberFormat('en-US', { maximumFractionDigits: max, minimumFractionDigits: min });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const int = nf(0);
const two = nf(2, 2);
const one = nf(1, 1);

export function formatValue(unit: Unit, value: number | null | undefined, opts: { compact?: boolean } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ratio': {
      const pct = value * 100;
      return `${Math.abs(pct) < 1 && pct !== 0 ? nf(2, 2).format(pct) : one.format(pct)}%`;
    }
    case 'currency':
      return opts.compact && Math.abs(value) >= 10_000 ? compact.format(value) : two.format(value);
    case 'days':
      return `${one.format(value)} d`;
    case 'nps':
      return int.format(Math.round(value));
    case 'score':
      return `${value > 0 ? '+' : ''}${nf(3, 3).format(value)}`;
    case 'times':
      return `${nf(2, 2).format(value)}×`;
    case 'count':
    case 'units':
      return opts.compact && Math.abs(value) >= 100_000 ? compact.format(value) : int.format(value);
  }
}

/** A raw numerator/denominator (counts, amounts, days): plain, up to 4 decimals. */
export function formatPart(value: number | null | undefined, unit?: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return unit === 'currency' ? two.format(value) : nf(4).format(value);
}

export interface Change {
  /** Text such as "+1.2 pp" or "−8.4%"; null when there is nothing to compare with. */
  text: string | null;
  direction: 'up' | 'down' | 'flat' | 'none';
  /** Whether the move is good news, given the KPI's polarity. */
  tone: 'good' | 'bad' | 'neutral';
  /** Words for screen readers. */
  label: string;
}

/**
 * Change against the previous period: percentage points for ratios, points for NPS and
 * sentiment, relative change otherwise.
 */
export function formatChange(unit: Unit, current: number | null, previous: number | null, lowerIsBetter: boolean): Change {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) {
    return { text: null, direction: 'none', tone: 'neutral', label: 'no previous period to compare with' };
  }
  let delta: number;
  let text: string;
  const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');
  if (unit === 'ratio') {
    delta = (current - previous) * 100;
    text = `${sign(delta)}${one.format(Math.abs(delta))} pp`;
  } else if (unit === 'nps' || unit === 'score') {
    delta = current - previous;
    text = `${sign(delta)}${(unit === 'nps' ? one : nf(3, 3)).format(Math.abs(delta))} pts`;
  } else {
    if (previous === 0) {
      return current === 0
        ? { text: '±0%', direction: 'flat', tone: 'neutral', label: 'unchanged from the previous period' }
        : { text: 'new', direction: 'up', tone: 'neutral', label: 'the previous period had none' };
    }
    delta = ((current - previous) / Math.abs(previous)) * 100;
    text = `${sign(delta)}${one.format(Math.abs(delta))}%`;
  }
  const rounded = Math.round(delta * 10) / 10;
  const direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
  const tone = direction === 'flat' ? 'neutral' : (direction === 'up') !== lowerIsBetter ? 'good' : 'bad';
  const label = `${direction === 'flat' ? 'unchanged' : direction === 'up' ? 'up' : 'down'} ${text.replace(/^[+−±]/, '')} from the previous period`;
  return { text, direction, tone, label };
}

/** "2026-11-10T14:00:00+02:00" -> "Nov 10" (day), "Nov 10 14:00" (hour), "Nov 2026" (month). */
export function formatBucket(bucket: string, grain: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(bucket);
  if (!m) return bucket;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const mon = months[Number(m[2]) - 1] ?? m[2];
  if (grain === 'month') return `${mon} ${m[1]}`;
  if (grain === 'hour') return `${mon} ${Number(m[3])} ${m[4]}:${m[5]}`;
  if (grain === 'week') return `wk of ${mon} ${Number(m[3])}`;
  return `${mon} ${Number(m[3])}`;
}

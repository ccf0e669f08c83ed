import type { Rng } from './rng.js';
import { DAY, HOURLY_PEAK, WEEKLY_PEAK, hourlyFactor, isWeekend, weeklyFactor } from './time.js';
import type { Segment } from './types.js';

/**
 * Who buys what, and how much. Purchasing plans on the same numbers (plannedDaily), so
 * stock levels fit demand in general; the gaps (promotions, bulk buyers, late suppliers,
 * under-planned items) are what produce believable stockouts.
 */

export const SEGMENTS: readonly Segment[] = ['retail', 'wholesale', 'enterprise'];

/** Business buyers work on weekdays: their share of orders falls at the weekend. */
const MIX_WEEKDAY: readonly (readonly [Segment, number])[] = [
  ['retail', 0.86],
  ['wholesale', 0.1],
  ['enterprise', 0.04],
];
const MIX_WEEKEND: readonly (readonly [Segment, number])[] = [
  ['retail', 0.965],
  ['wholesale', 0.025],
  ['enterprise', 0.01],
];

const LINE_COUNTS: Record<Segment, readonly (readonly [number, number])[]> = {
  retail: [[1, 55], [2, 28], [3, 12], [4, 4], [5, 1]],
  wholesale: [[2, 25], [3, 30], [4, 25], [5, 20]],
  enterprise: [[3, 30], [4, 35], [5, 35]],
};

const RETAIL_QTY: readonly (readonly [number, number])[] = [[1, 72], [2, 20], [3, 6], [4, 2]];
/** Business line quantities are log-uniform: many small restocks, a few big ones. */
const BULK_QTY: Record<'wholesale' | 'enterprise', [number, number]> = { wholesale: [3, 30], enterprise: [8, 80] };

export function pickSegment(rng: Rng, t: number): Segment {
  return rng.weighted(isWeekend(t) ? MIX_WEEKEND : MIX_WEEKDAY);
}

export function pickLineCount(rng: Rng, segment: Segment): number {
  return rng.weighted(LINE_COUNTS[segment]);
}

export function pickQty(rng: Rng, segment: Segment, bulkCap: number): number {
  if (segment === 'retail') return rng.weighted(RETAIL_QTY);
  const [min, max] = BULK_QTY[segment];
  return Math.max(1, Math.min(bulkCap, Math.round(rng.logBetween(min, max))));
}

function mean(pairs: readonly (readonly [number, number])[]): number {
  let sum = 0;
  let weight = 0;
  for (const [v, w] of pairs) {
    sum += v * w;
    weight += w;
  }
  return sum / weight;
}

/** Expected units of one line, given the product's bulk cap (numeric quantiles of the log-uniform). */
function meanQty(segment: Segment, bulkCap: number): number {
  if (segment === 'retail') return mean(RETAIL_QTY);
  const [min, max] = BULK_QTY[segment];
  let sum = 0;
  for (let i = 0; i < 50; i++) sum += Math.max(1, Math.min(bulkCap, Math.round(min * (max / min) ** ((i + 0.5) / 50))));
  return sum / 50;
}

/** Average segment shares over a week (5 weekdays, 2 weekend days weighted by traffic). */
function weeklySegmentShare(segment: Segment): number {
  const weekdayTraffic = 1.05 * 5;
  const weekendTraffic = 0.82 * 2;
  const wd = MIX_WEEKDAY.find(([s]) => s === segment)?.[1] ?? 0;
  const we = MIX_WEEKEND.find(([s]) => s === segment)?.[1] ?? 0;
  return (wd * weekdayTraffic + we * weekendTraffic) / (weekdayTraffic + weekendTraffic);
}

export function meanLinesPerOrder(): number {
  return SEGMENTS.reduce((acc, s) => acc + weeklySegmentShare(s) * mean(LINE_COUNTS[s]), 0);
}

/** Planned units a day for a product picked with probability `share` per line. */
export function plannedDailyUnits(ordersPerDay: number, share: number, bulkCap: number): number {
  let units = 0;
  for (const s of SEGMENTS) units += weeklySegmentShare(s) * mean(LINE_COUNTS[s]) * meanQty(s, bulkCap);
  return ordersPerDay * share * units;
}

/** A gentle growth trend: +5 % a month, levelling off at +60 %. */
const TREND_MAX = 1.6;
function trend(t: number, start: number): number {
  return Math.min(TREND_MAX, 1 + (0.05 * (t - start)) / (30 * DAY));
}

/** Some days are simply busier (weather, campaigns): a fixed ±12 % per calendar day. */
const DAY_NOISE_MAX = 1.12;
function dayNoise(t: number, seed: number): number {
  let h = (Math.floor(t / DAY) * 2654435761 + seed * 40503) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
  return 0.88 + 0.24 * (((h ^ (h >>> 16)) >>> 0) / 4294967296);
}

export interface ArrivalModel {
  ordersPerDay: number;
  start: number;
  seed: number;
}

/** Orders per millisecond at time t. */
export function orderRate(m: ArrivalModel, t: number): number {
  return (m.ordersPerDay / DAY) * hourlyFactor(t) * weeklyFactor(t) * trend(t, m.start) * dayNoise(t, m.seed);
}

/**
 * Next order time after `from`: a non-homogeneous Poisson process by thinning, so the
 * arrivals do not depend on how the caller steps time.
 */
export function nextArrival(rng: Rng, m: ArrivalModel, from: number): number {
  const peak = (m.ordersPerDay / DAY) * HOURLY_PEAK * WEEKLY_PEAK * TREND_MAX * DAY_NOISE_MAX;
  let t = from;
  for (;;) {
    t += rng.exp(1 / peak);
    if (rng.next() * peak < orderRate(m, t)) return t;
  }
}

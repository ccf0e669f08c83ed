/** Small statistics and formatting helpers for the benchmark (no dependencies). */

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..100); NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
  };
}

/** Median (mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export interface Bucket {
  /** Upper bound; Infinity for +Inf. */
  le: number;
  /** Cumulative count. */
  count: number;
}

/**
 * Quantile of a cumulative histogram, interpolated linearly inside the bucket (what
 * Prometheus' histogram_quantile does). Returns the last finite bound when the quantile
 * falls in +Inf, and NaN when the histogram is empty.
 */
export function histogramQuantile(buckets: readonly Bucket[], q: number): number {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted[sorted.length - 1]?.count ?? 0;
  if (total === 0) return Number.NaN;
  const rank = q * total;
  let prevLe = 0;
  let prevCount = 0;
  for (const b of sorted) {
    if (b.count >= rank) {
      if (b.le === Number.POSITIVE_INFINITY) return prevLe;
      const inBucket = b.count - prevCount;
      return inBucket === 0 ? b.le : prevLe + ((b.le - prevLe) * (rank - prevCount)) / inBucket;
    }
    prevLe = b.le;
    prevCount = b.count;
  }
  return prevLe;
}

/** Bucket-wise difference of two cumulative histograms with the same bounds. */
export function histogramDelta(after: readonly Bucket[], before: readonly Bucket[]): Bucket[] {
  return after.map((b) => ({ le: b.le, count: b.count - (before.find((x) => x.le === b.le)?.count ?? 0) }));
}

export const fmtInt = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
export const fmtMs = (n: number): string => (Number.isFinite(n) ? (n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(1)} ms`) : 'n/a');
export const fmtMiB = (bytes: number): string => (Number.isFinite(bytes) ? `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MiB` : 'n/a');
/** MiB with one decimal, for values compared with a limit. */
export const fmtMiB1 = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / 2 ** 20).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MiB` : 'n/a');
export const fmtSec = (ms: number): string => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'n/a');

/** "1M", "200k", "10_000_000", "1e6" → number. */
export function parseCount(text: string): number {
  const m = /^\s*([\d_.eE+]+)\s*([kKmM]?)\s*$/.exec(text);
  if (!m) return Number.NaN;
  const base = Number((m[1] as string).replaceAll('_', ''));
  const unit = (m[2] ?? '').toLowerCase();
  return Math.round(base * (unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : 1));
}

/** "1.0M", "200k", "950": compact event counts for labels. */
export function fmtCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n % 1e6 === 0 ? 0 : 2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(n % 1e3 === 0 ? 0 : 1)}k`;
  return String(n);
}

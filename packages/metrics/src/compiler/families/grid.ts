import { QueryError, type MetricQuery } from '../query.js';
import { bucketStart, nextBucketStart } from '../time.js';

/**
 * Unit starts (epoch seconds) of the snapshot grid: hours for `hour`, else days in tz, up to
 * min(to, now); `grid_from` is the first (changes before it are summed into it).
 */
export function gridParams(q: MetricQuery): Record<string, unknown> {
  const unit = q.grain === 'hour' ? 'hour' : 'day';
  const end = Math.min(q.toMs, q.nowMs);
  const first = bucketStart(q.fromMs, unit, q.tz);
  const grid: number[] = [];
  for (let u = first; u < end; ) {
    grid.push(Math.floor(u / 1000));
    const next = nextBucketStart(u, unit, q.tz);
    // A day that does not start at midnight (a DST change at 00:00) must not loop forever.
    if (next <= u) throw new QueryError('tz', `cannot split the period into ${unit}s in ${q.tz}: ${new Date(u).toISOString()} does not advance`);
    u = next;
  }
  return { grid, grid_from: Math.floor(first / 1000) };
}

import type { ChartSeries } from '@/lib/chart-data';

const W = 120;
const H = 32;

/**
 * A sparkline drawn on the server as inline SVG: no script, no layout shift, part of the
 * first paint. Gaps (null) break the line instead of dropping to zero.
 */
export function Sparkline({ series, label }: { series: ChartSeries; label: string }) {
  const pts = series.points;
  const values = pts.map((p) => p.y).filter((v): v is number => v !== null);
  if (pts.length < 2 || values.length === 0) {
    return <svg className="spark" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${label}: no trend data`} />;
  }
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => (i / (pts.length - 1)) * (W - 4) + 2;
  const y = (v: number) => H - 3 - ((v - min) / span) * (H - 6);
  let d = '';
  let pen = false;
  pts.forEach((p, i) => {
    if (p.y === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.y).toFixed(1)}`;
    pen = true;
  });
  const lastIndex = pts.findLastIndex((p) => p.y !== null);
  const last = pts[lastIndex]!;
  return (
    <svg className="spark" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={`${label}: trend over ${pts.length} buckets`}>
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.6" vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
      <circle cx={x(lastIndex)} cy={y(last.y!)} r="2" fill="currentColor" />
    </svg>
  );
}

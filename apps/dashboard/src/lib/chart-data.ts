import type { Unit } from '@stockpulse/metrics';
import { formatBucket } from './format';

/**
 * The one shape every chart takes (sparklines, time series, bars, Pareto, heat map).
 * Client-safe. `y: null` is a gap (no facts, or a ratio whose denominator is 0), never 0.
 */
export interface ChartPoint {
  x: string;
  y: number | null;
  /** Where clicking this point (or its row in the data table) goes: the next drill level. */
  href?: string;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
  /** How to draw it when the chart mixes kinds (Pareto: bars + cumulative line). */
  type?: 'line' | 'bar';
  /** 'share' series are plotted on a 0..100 % axis on the right. */
  axis?: 'value' | 'share';
}

export interface ChartData {
  series: ChartSeries[];
}

export type ChartKind = 'timeseries' | 'bars' | 'pareto' | 'heatmap';

export interface ChartSpec {
  kind: ChartKind;
  /** The KPI it shows, named on the chart. */
  kpi: string;
  title: string;
  unit: Unit;
  /** For time axes: the grain of the buckets (labels). */
  grain?: string;
  /** Name of the category axis (a dimension). */
  xName?: string;
  data: ChartData;
}

/** A sentence describing the chart, for screen readers (aria-label / figcaption). */
export function describeChart(spec: ChartSpec, fmt: (v: number | null) => string): string {
  const series = spec.data.series.filter((s) => s.axis !== 'share');
  const parts = series.map((s) => {
    const pts = s.points.filter((p): p is ChartPoint & { y: number } => p.y !== null);
    if (pts.length === 0) return `${s.name}: no data`;
    const max = pts.reduce((a, b) => (b.y > a.y ? b : a));
    const min = pts.reduce((a, b) => (b.y < a.y ? b : a));
    if (spec.kind === 'timeseries' || spec.kind === 'heatmap') {
      const last = pts[pts.length - 1]!;
      const when = (x: string) => formatBucket(x, spec.grain ?? 'day');
      return `${s.name}: ${pts.length} points, latest ${fmt(last.y)}, highest ${fmt(max.y)} (${when(max.x)}), lowest ${fmt(min.y)} (${when(min.x)})`;
    }
    return `${s.name}: ${pts.length} bars, highest ${max.x} ${fmt(max.y)}, lowest ${min.x} ${fmt(min.y)}`;
  });
  return `${spec.title}. ${parts.join('. ')}.`;
}

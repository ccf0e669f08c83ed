// Page loaders: turn filters into API calls and API answers into the plain data that
// components draw (tiles, the one chart shape). Server-only (lib/api).
import { bucketStart, formatInZone, nextBucketStart, parseInstant, type Dimension, type Grain, type MetricRow } from './metrics';
import { getMetric, type ApiFailure } from './api';
import type { ChartPoint, ChartSeries, ChartSpec } from './chart-data';
import { kpiParams, queryString, seriesGrain, withDim, type Filters, type ResolvedPeriod } from './filters';
import { DIMENSION_LABELS, kpiDef, kpiInfo, type KpiInfo } from './kpis';

export interface Failure {
  status: number;
  message: string;
}
const failure = (f: ApiFailure): Failure => ({ status: f.status, message: f.message });

export function requireKpi(name: string) {
  const def = kpiDef(name);
  if (!def) throw new Error(`unknown KPI "${name}"`);
  return def;
}

/** Bucket starts of [from, to) exactly as the API writes them, so missing ones become gaps. */
export function bucketsOf(from: string, to: string, grain: Grain, tz: string): string[] {
  const fromMs = parseInstant(from, tz, 'from');
  const toMs = parseInstant(to, tz, 'to');
  const out: string[] = [];
  for (let b = bucketStart(fromMs, grain, tz); b < toMs && out.length < 10_000; b = nextBucketStart(b, grain, tz)) out.push(formatInZone(b, tz));
  return out;
}

function fill(buckets: string[], rows: MetricRow[]): ChartPoint[] {
  const byBucket = new Map(rows.map((r) => [r.bucket, r.value]));
  return buckets.map((x) => ({ x, y: byBucket.get(x) ?? null }));
}

export interface TileData {
  info: KpiInfo;
  href: string;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  previous: number | null;
  spark: ChartSeries;
  grain: Grain;
  /** Global filters this KPI does not take (not applied to it). */
  ignored: string[];
  failure?: Failure;
}

/** A tile: the value, the previous period's value and a sparkline, in three parallel calls. */
export async function loadTile(name: string, f: Filters, p: ResolvedPeriod): Promise<TileData> {
  const def = requireKpi(name);
  const info = kpiInfo(def);
  const { params, ignored } = kpiParams(f, def.dimensions);
  const grain = seriesGrain(p.days);
  const [current, previous, series] = await Promise.all([
    getMetric(name, { ...params, from: p.from, to: p.to }),
    getMetric(name, { ...params, from: p.prevFrom, to: p.prevTo }),
    getMetric(name, { ...params, from: p.from, to: p.to, grain }),
  ]);
  const base = { info, href: `/kpi/${name}${queryString(f)}`, ignored, grain };
  if (!current.ok) return { ...base, value: null, previous: null, spark: { name: info.title, points: [] }, failure: failure(current) };
  const row = current.data.rows[0];
  return {
    ...base,
    value: row?.value ?? null,
    ...(row && 'numerator' in row ? { numerator: row.numerator ?? null, denominator: row.denominator ?? null } : {}),
    previous: previous.ok ? (previous.data.rows[0]?.value ?? null) : null,
    spark: {
      name: info.title,
      points: series.ok ? fill(bucketsOf(p.from, p.to, grain, f.tz), series.data.rows) : [],
    },
  };
}

export type ChartResult = { ok: true; spec: ChartSpec } | { ok: false; title: string; kpi: string; failure: Failure };

/** A KPI over time; with `by`, one series per value of that dimension. */
export async function loadTimeSeries(name: string, f: Filters, p: ResolvedPeriod, opts: { by?: Dimension; grain?: Grain; title?: string } = {}): Promise<ChartResult> {
  const def = requireKpi(name);
  const { params } = kpiParams(f, def.dimensions);
  const grain = opts.grain ?? seriesGrain(p.days);
  const title = opts.title ?? `${def.title} over time`;
  const answer = await getMetric(name, { ...params, from: p.from, to: p.to, grain, ...(opts.by ? { by: opts.by } : {}) });
  if (!answer.ok) return { ok: false, title, kpi: name, failure: failure(answer) };
  const buckets = bucketsOf(p.from, p.to, grain, f.tz);
  let series: ChartSeries[];
  if (opts.by) {
    const groups = new Map<string, MetricRow[]>();
    for (const r of answer.data.rows) {
      const key = String(r[opts.by]);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    series = [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, rows]) => ({ name: seriesName(opts.by!, key), points: fill(buckets, rows) }));
  } else {
    series = [{ name: def.title, points: fill(buckets, answer.data.rows) }];
  }
  return { ok: true, spec: { kind: 'timeseries', kpi: name, title, unit: def.unit, grain, data: { series } } };
}

function seriesName(dim: Dimension, value: string): string {
  if (dim === 'had_backorder') return value === 'true' ? 'With a backorder' : 'Without a backorder';
  return value;
}

/** Heat map of a KPI by a dimension × week. */
export async function loadHeatmap(name: string, f: Filters, p: ResolvedPeriod, by: Dimension): Promise<ChartResult> {
  const def = requireKpi(name);
  const result = await loadTimeSeries(name, f, p, { by, grain: 'week', title: `${def.title} by ${DIMENSION_LABELS[by].toLowerCase()} and week` });
  return result.ok ? { ok: true, spec: { ...result.spec, kind: 'heatmap', xName: DIMENSION_LABELS[by] } } : result;
}

// Twelve bars fit the fixed chart height (no layout shift when the chart streams in).
const TOP_BARS = 12;

/**
 * A KPI by one dimension, largest first (top 12). `drillTo` is the page a bar opens: the
 * same view with that value as a filter (the next level), by default this KPI's page.
 */
export async function loadBars(
  name: string,
  f: Filters,
  p: ResolvedPeriod,
  by: Dimension,
  opts: { pareto?: boolean; title?: string; drillTo?: string; top?: number } = {},
): Promise<ChartResult & { total?: number }> {
  const def = requireKpi(name);
  const { params } = kpiParams(f, def.dimensions);
  const label = DIMENSION_LABELS[by];
  const title = opts.title ?? (opts.pareto ? `Pareto of ${def.title.toLowerCase()} by ${label}` : `${def.title} by ${label.toLowerCase()}`);
  const answer = await getMetric(name, { ...params, from: p.from, to: p.to, by });
  if (!answer.ok) return { ok: false, title, kpi: name, failure: failure(answer) };
  const rows = [...answer.data.rows].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  const top = rows.slice(0, opts.top ?? TOP_BARS);
  const path = opts.drillTo ?? `/kpi/${name}`;
  const bars: ChartPoint[] = top.map((r) => {
    const key = String(r[by]);
    return { x: seriesName(by, key), y: r.value, href: `${path}${queryString(withDim(f, by, key))}` };
  });
  const series: ChartSeries[] = [{ name: def.title, points: bars, type: 'bar' }];
  if (opts.pareto) {
    const total = rows.reduce((s, r) => s + (r.value ?? 0), 0);
    let running = 0;
    series.push({
      name: 'Cumulative share',
      type: 'line',
      axis: 'share',
      points: top.map((r) => {
        running += r.value ?? 0;
        return { x: String(r[by]), y: total > 0 ? running / total : null };
      }),
    });
  }
  return { ok: true, spec: { kind: opts.pareto ? 'pareto' : 'bars', kpi: name, title, unit: def.unit, xName: label, data: { series } }, total: rows.length };
}

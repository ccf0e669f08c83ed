import type { ClickHouseClient } from '@clickhouse/client';
import type { KpiDefinition } from '../kpis/catalog.js';
import { compileMetric } from './compile.js';
import type { MetricQuery } from './query.js';
import { formatInZone } from './time.js';

export interface MetricRow {
  bucket?: string;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  [dimension: string]: unknown;
}

export interface MetricResult {
  metric: string;
  from: string;
  to: string;
  grain: string;
  tz: string;
  by: string[];
  rows: MetricRow[];
}

const MONEY_UNITS = new Set<KpiDefinition['unit']>(['currency']);
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** Runs a compiled KPI query and shapes the rows as api.md says. */
export async function runMetric(client: ClickHouseClient, q: MetricQuery): Promise<MetricResult> {
  const compiled = compileMetric(q);
  const rs = await client.query({ query: compiled.sql, query_params: compiled.params, format: 'JSONEachRow' });
  const raw = await rs.json<Record<string, unknown>>();
  const rows: MetricRow[] = raw.map((r) => {
    const m: Record<string, number> = {};
    for (const name of compiled.measures) m[name] = Number(r[name] ?? 0);
    const row: MetricRow = { value: null };
    if (q.grain !== 'total') row.bucket = formatInZone(Number(r.bucket_epoch) * 1000, q.tz);
    for (const d of q.by) row[d] = d === 'had_backorder' ? r[d] === true || r[d] === 1 || r[d] === '1' || r[d] === 'true' : r[d];
    if (compiled.value) {
      const v = compiled.value.evaluate(m);
      row.value = v === null ? null : MONEY_UNITS.has(q.kpi.unit) ? round4(v) : v;
    } else {
      const num = compiled.numerator?.evaluate(m) ?? null;
      const den = compiled.denominator?.evaluate(m) ?? null;
      row.numerator = num !== null && q.kpi.numerator?.unit === 'currency' ? round4(num) : num;
      row.denominator = den !== null && q.kpi.denominator?.unit === 'currency' ? round4(den) : den;
      row.value = num === null || den === null || den === 0 ? null : ((q.kpi.scale ?? 1) * num) / den;
    }
    return orderKeys(row, q);
  });
  return {
    metric: q.kpi.name,
    from: new Date(q.fromMs).toISOString(),
    to: new Date(q.toMs).toISOString(),
    grain: q.grain,
    tz: q.tz,
    by: q.by,
    rows,
  };
}

function orderKeys(row: MetricRow, q: MetricQuery): MetricRow {
  const out: MetricRow = { value: row.value };
  delete (out as { value?: unknown }).value;
  if (row.bucket !== undefined) out.bucket = row.bucket;
  for (const d of q.by) out[d] = row[d];
  out.value = row.value;
  if ('numerator' in row) {
    out.numerator = row.numerator;
    out.denominator = row.denominator;
  }
  return out;
}

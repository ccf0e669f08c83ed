import type { KpiDefinition } from '../kpis/catalog.js';
import type { Dimension } from '../kpis/dimensions.js';
import { parseExpr, type Expr } from './expr.js';
import { FAMILIES, familyOf } from './families/index.js';
import type { MetricQuery } from './query.js';
import type { FamilyContext } from './sql.js';
import { chTime } from './time.js';

/**
 * Settings of every KPI query, in the SQL (chDB turns per-request settings into session-wide
 * SETs). FINAL never needs to merge across partitions: a re-inserted event lands in the
 * partition of its first copy.
 */
export const QUERY_SETTINGS =
  'output_format_json_quote_64bit_integers = 0, output_format_json_quote_decimals = 0, join_use_nulls = 0, do_not_merge_across_partitions_select_final = 1';

export interface CompiledMetric {
  sql: string;
  params: Record<string, unknown>;
  measures: string[];
  numerator?: Expr;
  denominator?: Expr;
  value?: Expr;
}

const exprCache = new Map<string, Expr>();
function expr(source: string): Expr {
  let e = exprCache.get(source);
  if (!e) exprCache.set(source, (e = parseExpr(source)));
  return e;
}

/** The measures a KPI's arithmetic reads. */
export function kpiExprs(kpi: KpiDefinition): { value?: Expr; numerator?: Expr; denominator?: Expr } {
  if (kpi.value !== undefined) return { value: expr(kpi.value) };
  if (!kpi.numerator || !kpi.denominator) throw new Error(`KPI ${kpi.name} declares neither value nor numerator/denominator`);
  return { numerator: expr(kpi.numerator.expr), denominator: expr(kpi.denominator.expr) };
}

export function bindParams(q: MetricQuery): Record<string, unknown> {
  const params: Record<string, unknown> = {
    from: chTime(q.fromMs),
    to: chTime(q.toMs),
    now: chTime(q.nowMs),
    end: chTime(Math.min(q.toMs, q.nowMs)),
    tz: q.tz,
  };
  for (const [dim, values] of Object.entries(q.filters)) {
    params[`f_${dim}`] = dim === 'had_backorder' ? values.map((v) => v === 'true') : values;
  }
  return params;
}

/**
 * The one compiler from a metric query to SQL: one aggregated subquery per fact family
 * the KPI's measures come from, joined on (bucket, dimensions) when there are several.
 */
export function compileMetric(q: MetricQuery): CompiledMetric {
  const exprs = kpiExprs(q.kpi);
  const measures = [...new Set([exprs.value, exprs.numerator, exprs.denominator].flatMap((e) => e?.names ?? []))];
  const byFamily = new Map<string, Set<string>>();
  for (const m of measures) {
    const family = familyOf(m);
    if (!byFamily.has(family)) byFamily.set(family, new Set());
    (byFamily.get(family) as Set<string>).add(m);
  }
  const dims = [...new Set<Dimension>([...q.by, ...(Object.keys(q.filters) as Dimension[])])];
  const parts = [...byFamily.entries()].map(([name, ms]) => {
    const family = FAMILIES[name];
    if (!family) throw new Error(`no family ${name}`);
    for (const d of dims) if (!family.dimensions.includes(d)) throw new Error(`family ${name} lacks dimension ${d} used by ${q.kpi.name}`);
    const ctx: FamilyContext = { q, dims, measures: ms };
    return { name, measures: [...ms], sql: family.sql(ctx), params: family.params?.(q) ?? {} };
  });
  const keys = ['bucket', ...q.by];
  let sql: string;
  if (parts.length === 1) {
    sql = (parts[0] as { sql: string }).sql;
  } else {
    const [first, ...rest] = parts as [(typeof parts)[number], ...(typeof parts)[number][]];
    sql = `SELECT ${keys.join(', ')}, ${parts.flatMap((p) => p.measures).join(', ')}
      FROM (${first.sql}) AS ${first.name}
      ${rest.map((p) => `FULL OUTER JOIN (${p.sql}) AS ${p.name} USING (${keys.join(', ')})`).join('\n')}`;
  }
  sql = `SELECT toUnixTimestamp(bucket) AS bucket_epoch, * EXCEPT (bucket) FROM (${sql}) ORDER BY ${keys.join(', ')}
    SETTINGS ${QUERY_SETTINGS}`;
  return { sql, params: Object.assign(bindParams(q), ...parts.map((p) => p.params)), measures, ...exprs };
}

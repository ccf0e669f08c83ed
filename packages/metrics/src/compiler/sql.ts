import type { Dimension, Grain } from '../kpis/dimensions.js';
import type { MetricQuery } from './query.js';
import { bucketSql } from './time.js';

/** What a family needs to write its SQL. Values are bound by name; identifiers come from allow-lists. */
export interface FamilyContext {
  q: MetricQuery;
  /** Dimensions the relation must expose: `by` plus filtered ones. */
  dims: Dimension[];
  measures: Set<string>;
}

export interface Family {
  name: string;
  measures: readonly string[];
  dimensions: readonly Dimension[];
  /**
   * Row-level facts: one row per fact with `ts` (the time that places it in a bucket),
   * the dimensions in ctx.dims and the columns the aggregates read. /records reads it too.
   */
  relation?(ctx: FamilyContext): string;
  /** SQL aggregate per measure, over the relation. */
  aggregates?: Record<string, string>;
  /** An aggregated subquery with columns `bucket`, each of `q.by`, and every needed measure. */
  sql(ctx: FamilyContext): string;
  /** Extra bound parameters this family's SQL reads. */
  params?(q: MetricQuery): Record<string, unknown>;
}

export const orUnknown = (expr: string) => `if(${expr} = '', 'unknown', ${expr})`;

/** Latest catalog values by (occurred_at, event_id): a late upsert with an older time never wins. */
export const PRODUCTS_LATEST = `(
  SELECT sku,
    argMax(name, (occurred_at, event_id)) AS name,
    argMax(category, (occurred_at, event_id)) AS category,
    argMax(supplier_id, (occurred_at, event_id)) AS supplier_id,
    argMax(unit_cost, (occurred_at, event_id)) AS unit_cost,
    argMax(unit_price, (occurred_at, event_id)) AS list_price,
    argMax(reorder_point, (occurred_at, event_id)) AS reorder_point,
    argMax(reorder_qty, (occurred_at, event_id)) AS reorder_qty,
    argMax(lead_time_days, (occurred_at, event_id)) AS lead_time_days,
    argMax(alternatives, (occurred_at, event_id)) AS alternatives
  FROM products GROUP BY sku)`;

export const CUSTOMERS_LATEST = `(
  SELECT customer_id,
    argMax(segment, (occurred_at, event_id)) AS segment,
    argMax(tier, (occurred_at, event_id)) AS tier,
    argMax(region, (occurred_at, event_id)) AS region,
    argMax(name, (occurred_at, event_id)) AS name
  FROM customers GROUP BY customer_id)`;

export const PARAM = {
  from: '{from:DateTime64(3, \'UTC\')}',
  to: '{to:DateTime64(3, \'UTC\')}',
  now: '{now:DateTime64(3, \'UTC\')}',
  /** min(to, now): the end of "as of" snapshots. */
  end: '{end:DateTime64(3, \'UTC\')}',
} as const;

/** WHERE clause over dimension columns of a relation; values bound as f_<dim>. */
export function filterSql(q: MetricQuery): string {
  const parts = Object.keys(q.filters).map((dim) =>
    dim === 'had_backorder' ? `had_backorder IN {f_had_backorder:Array(Bool)}` : `${dim} IN {f_${dim}:Array(String)}`,
  );
  return parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
}

export function groupCols(q: MetricQuery): string {
  return ['bucket', ...q.by].join(', ');
}

export const needs = (ctx: FamilyContext, ...names: string[]) => names.some((n) => ctx.measures.has(n));
export const hasDim = (ctx: FamilyContext, ...dims: Dimension[]) => dims.some((d) => ctx.dims.includes(d));

export type { Grain };

/** The usual family SQL: the relation, filtered, grouped by bucket and `by`, one aggregate per needed measure. */
export function aggregateSql(family: Family, ctx: FamilyContext): string {
  if (!family.relation || !family.aggregates) throw new Error(`family ${family.name} has no relation`);
  const aggs = family.aggregates;
  const measures = [...ctx.measures].filter((m) => m in aggs);
  return `SELECT ${bucketSql(ctx.q.grain, 'ts')} AS bucket${ctx.q.by.map((d) => `, ${d}`).join('')},
      ${measures.map((m) => `${aggs[m]} AS ${m}`).join(',\n      ')}
    FROM (${family.relation(ctx)})
    ${filterSql(ctx.q)}
    GROUP BY ${groupCols(ctx.q)}`;
}

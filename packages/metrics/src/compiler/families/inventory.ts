import { bucketSql } from '../time.js';
import { gridParams } from './grid.js';
import { PARAM, PRODUCTS_LATEST, aggregateSql, filterSql, groupCols, hasDim, needs, orUnknown, type Family, type FamilyContext } from '../sql.js';

/**
 * On-hand per (sku, warehouse) after each stock event, per metrics.md: a running sum of
 * qty_delta, reset to counted_qty by each count, in (occurred_at, event_id) order. `seg`
 * numbers the stretches between counts; the sum restarts in each one.
 */
export function runningStockSql(where = ''): string {
  return `
    SELECT sku, warehouse, occurred_at, event_id, kind, counted_qty,
      sum(if(kind = 'counted', toInt64(counted_qty), qty_delta))
        OVER (PARTITION BY sku, warehouse, seg ORDER BY occurred_at, event_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS on_hand_after
    FROM (
      SELECT sku, warehouse, occurred_at, event_id, kind, qty_delta, counted_qty,
        sum(toInt64(kind = 'counted'))
          OVER (PARTITION BY sku, warehouse ORDER BY occurred_at, event_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS seg
      FROM stock_events FINAL
      WHERE occurred_at < ${PARAM.end} ${where}
    )`;
}

/**
 * On-hand of every (sku, warehouse) at the end of each grid unit (hour or day, bound as
 * {grid}: unit starts as epoch seconds; the snapshot of a unit is taken at min(next unit,
 * end)). Units without events carry the last value forward (ASOF join).
 */
export function snapshotsSql(ctx: FamilyContext, opts: { withProducts: boolean; includeSilentProducts: boolean }): string {
  const unit = ctx.q.grain === 'hour' ? 'hour' : 'day';
  const pairs = opts.includeSilentProducts
    ? `SELECT DISTINCT sku, warehouse FROM stock_events WHERE occurred_at < ${PARAM.end}
       UNION DISTINCT
       SELECT sku, 'main' AS warehouse FROM products WHERE sku NOT IN (SELECT sku FROM stock_events WHERE occurred_at < ${PARAM.end})`
    : `SELECT DISTINCT sku, warehouse FROM stock_events WHERE occurred_at < ${PARAM.end}`;
  return `
    SELECT g.unit_start AS unit_start, pr.sku AS sku, pr.warehouse AS warehouse, v.on_hand AS on_hand
      ${opts.withProducts ? `, ${orUnknown('p.category')} AS category, ${orUnknown('p.supplier_id')} AS supplier_id, toDecimal128(p.unit_cost, 4) AS unit_cost, p.reorder_point AS reorder_point` : ''}
    FROM (${pairs}) AS pr
    CROSS JOIN (SELECT arrayJoin({grid:Array(UInt32)}) AS unit_start) AS g
    ASOF LEFT JOIN (
      SELECT sku, warehouse,
        if(occurred_at < {from:DateTime64(3, 'UTC')}, toUInt32(0), toUInt32(toUnixTimestamp(${bucketSql(unit, 'occurred_at')}))) AS unit_of_event,
        argMax(on_hand_after, (occurred_at, event_id)) AS on_hand
      FROM (${runningStockSql()})
      GROUP BY sku, warehouse, unit_of_event
    ) AS v ON v.sku = pr.sku AND v.warehouse = pr.warehouse AND v.unit_of_event <= g.unit_start
    ${opts.withProducts ? `LEFT JOIN ${PRODUCTS_LATEST} AS p ON p.sku = pr.sku` : ''}`;
}

const bucketOfUnit = (ctx: FamilyContext) => bucketSql(ctx.q.grain, "toDateTime64(unit_start, 3, 'UTC')");

/** On-hand, value at bucket end, and the daily values behind averages. */
export const inventoryFamily: Family = {
  name: 'inventory',
  measures: ['on_hand_units', 'inventory_value', 'inventory_value_day_sum', 'inventory_days'],
  dimensions: ['category', 'sku', 'supplier_id', 'warehouse'],
  params: gridParams,
  sql(ctx) {
    const withProducts = hasDim(ctx, 'category', 'supplier_id') || needs(ctx, 'inventory_value', 'inventory_value_day_sum');
    const dims = ctx.q.by.filter((d) => d !== 'sku' && d !== 'warehouse');
    return `SELECT bucket${ctx.q.by.map((d) => `, ${d}`).join('')},
        sum(end_units) AS on_hand_units, sum(end_value) AS inventory_value,
        sum(value_sum) AS inventory_value_day_sum, max(units) AS inventory_days
      FROM (
        SELECT ${bucketOfUnit(ctx)} AS bucket, sku, warehouse${dims.map((d) => `, ${d}`).join('')},
          argMax(on_hand, unit_start) AS end_units,
          ${withProducts ? 'argMax(on_hand * unit_cost, unit_start)' : 'toDecimal128(0, 4)'} AS end_value,
          ${withProducts ? 'sum(on_hand * unit_cost)' : 'toDecimal128(0, 4)'} AS value_sum,
          uniqExact(unit_start) AS units
        FROM (${snapshotsSql(ctx, { withProducts, includeSilentProducts: false })})
        ${filterSql(ctx.q)}
        GROUP BY bucket, sku, warehouse${dims.map((d) => `, ${d}`).join('')}
      )
      GROUP BY ${groupCols(ctx.q)}`;
  },
};

/** Products with reorder_point > 0 whose on-hand over all warehouses is at or below it at bucket end. */
export const reorderFamily: Family = {
  name: 'reorder',
  measures: ['below_reorder_point'],
  dimensions: ['category', 'sku', 'supplier_id'],
  params: gridParams,
  sql(ctx) {
    const dims = ctx.q.by.filter((d) => d !== 'sku');
    return `SELECT bucket${ctx.q.by.map((d) => `, ${d}`).join('')},
        countIf(reorder_point > 0 AND total_on_hand <= reorder_point) AS below_reorder_point
      FROM (
        SELECT bucket, sku${dims.map((d) => `, ${d}`).join('')}, any(reorder_point) AS reorder_point, sum(end_units) AS total_on_hand
        FROM (
          SELECT ${bucketOfUnit(ctx)} AS bucket, sku, warehouse, category, supplier_id, reorder_point,
            argMax(on_hand, unit_start) AS end_units
          FROM (${snapshotsSql(ctx, { withProducts: true, includeSilentProducts: true })})
          WHERE sku IN (SELECT sku FROM products)
          GROUP BY bucket, sku, warehouse, category, supplier_id, reorder_point
        )
        ${filterSql(ctx.q)}
        GROUP BY bucket, sku${dims.map((d) => `, ${d}`).join('')}
      )
      GROUP BY ${groupCols(ctx.q)}`;
  },
};

/** Cost of goods sold: sale movements in [from, min(to, now)) at the product's unit_cost. */
export const cogsFamily: Family = {
  name: 'cogs',
  measures: ['cogs'],
  dimensions: ['category', 'sku', 'supplier_id', 'warehouse'],
  aggregates: { cogs: 'sum(-qty_delta * unit_cost)' },
  sql(ctx) {
    return aggregateSql(this, ctx);
  },
  relation: () => `
    SELECT m.occurred_at AS ts, m.event_id AS event_id, m.sku AS sku, m.warehouse AS warehouse, m.qty_delta AS qty_delta,
      ${orUnknown('p.category')} AS category, ${orUnknown('p.supplier_id')} AS supplier_id, toDecimal128(p.unit_cost, 4) AS unit_cost
    FROM (
      SELECT sku, warehouse, occurred_at, event_id, qty_delta FROM stock_events FINAL
      WHERE kind = 'moved' AND reason = 'sale' AND occurred_at >= ${PARAM.from} AND occurred_at < ${PARAM.end}
    ) AS m
    LEFT JOIN ${PRODUCTS_LATEST} AS p ON p.sku = m.sku`,
};

/** Counts in the period, and whether each differs from the on-hand just before it. */
export const discrepancyFamily: Family = {
  name: 'discrepancy',
  measures: ['counts', 'discrepant_counts'],
  dimensions: ['category', 'sku', 'supplier_id', 'warehouse'],
  aggregates: { counts: 'count()', discrepant_counts: 'countIf(counted_qty != on_hand_before)' },
  sql(ctx) {
    return aggregateSql(this, ctx);
  },
  relation: () => `
    SELECT r.occurred_at AS ts, r.event_id AS event_id, r.sku AS sku, r.warehouse AS warehouse,
      toInt64(r.counted_qty) AS counted_qty, r.on_hand_before AS on_hand_before,
      ${orUnknown('p.category')} AS category, ${orUnknown('p.supplier_id')} AS supplier_id
    FROM (
      SELECT *, lagInFrame(on_hand_after, 1, toInt64(0))
        OVER (PARTITION BY sku, warehouse ORDER BY occurred_at, event_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS on_hand_before
      FROM (${runningStockSql(
        `AND (sku, warehouse) IN (SELECT sku, warehouse FROM stock_events WHERE kind = 'counted' AND occurred_at >= ${PARAM.from} AND occurred_at < ${PARAM.end})`,
      )})
    ) AS r
    LEFT JOIN ${PRODUCTS_LATEST} AS p ON p.sku = r.sku
    WHERE r.kind = 'counted' AND r.occurred_at >= ${PARAM.from}`,
};

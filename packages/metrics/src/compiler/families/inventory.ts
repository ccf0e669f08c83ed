import { bucketSql } from '../time.js';
import { gridParams } from './grid.js';
import { levelsAfterSql, pairLevelsSql, pairUnitsSql, type StockUnit } from './stock-days.js';
import { PARAM, PRODUCTS_LATEST, aggregateSql, filterSql, groupCols, hasDim, needs, orUnknown, type Family, type FamilyContext } from '../sql.js';

const stockUnit = (ctx: FamilyContext): StockUnit => (ctx.q.grain === 'hour' ? 'hour' : 'day');
const bucketOfUnit = (ctx: FamilyContext) => bucketSql(ctx.q.grain, "toDateTime64(unit_start, 3, 'UTC')");
const PRODUCT_DIMS = `${orUnknown('p.category')} AS category, ${orUnknown('p.supplier_id')} AS supplier_id`;
const SINCE_DAY_OF_FROM = `toStartOfDay(toDateTime(${PARAM.from}, {tz:String}))`;
const ZERO_LEVELS = 'arrayMap(g -> toInt64(0), {grid:Array(UInt32)})';

/**
 * On-hand of every (sku, warehouse) at the end of each grid unit (hour or day, bound as
 * {grid}: unit starts as epoch seconds; the snapshot of a unit is taken at min(next unit,
 * end)), carrying the last value over units without events. With `includeSilentProducts`,
 * a product without stock events counts as (sku, 'main') with on-hand 0.
 */
export function snapshotsSql(ctx: FamilyContext, opts: { withProducts: boolean; includeSilentProducts: boolean }): string {
  const pairs = `SELECT sku, warehouse, levels, toUInt8(1) AS stocked FROM (${pairLevelsSql(stockUnit(ctx))})`;
  const silent = `SELECT DISTINCT sku, 'main' AS warehouse, ${ZERO_LEVELS} AS levels, toUInt8(0) AS stocked FROM products`;
  return `
    SELECT unit_start, s.sku AS sku, s.warehouse AS warehouse, on_hand
      ${opts.withProducts ? `, ${PRODUCT_DIMS}, toDecimal128(p.unit_cost, 4) AS unit_cost, p.reorder_point AS reorder_point` : ''}
    FROM (
      SELECT *, max(stocked) OVER (PARTITION BY sku) AS sku_stocked
      FROM (${opts.includeSilentProducts ? `${pairs} UNION ALL ${silent}` : pairs})
    ) AS s
    ARRAY JOIN {grid:Array(UInt32)} AS unit_start, s.levels AS on_hand
    ${opts.withProducts ? `LEFT JOIN ${PRODUCTS_LATEST} AS p ON p.sku = s.sku` : ''}
    -- A product's silent (sku, 'main') only when it has no stock events at all.
    WHERE s.stocked = 1 OR s.sku_stocked = 0`;
}

const STOCK_MEASURES = ['on_hand_units', 'inventory_value', 'inventory_value_day_sum', 'inventory_days'];

/**
 * On-hand, value at bucket end, the daily values behind averages, and cogs. Turnover needs
 * cogs and stock levels: both come from one scan. A bucket and group with sales always has
 * stock levels, so its rows are those of the levels.
 */
export const inventoryFamily: Family = {
  name: 'inventory',
  measures: [...STOCK_MEASURES, 'cogs'],
  dimensions: ['category', 'sku', 'supplier_id', 'warehouse'],
  params: gridParams,
  sql(ctx) {
    if (!needs(ctx, ...STOCK_MEASURES)) return cogsSql(ctx);
    const withProducts = hasDim(ctx, 'category', 'supplier_id') || needs(ctx, 'inventory_value', 'inventory_value_day_sum', 'cogs');
    const sales = needs(ctx, 'cogs');
    const by = ctx.q.by.map((d) => `, ${d}`).join('');
    const valued = (col: string) => (withProducts ? `sumForEach(arrayMap(l -> l * unit_cost, ${col}))` : 'arrayMap(g -> toDecimal128(0, 4), {grid:Array(UInt32)})');
    // Levels per pair, valued at the product's cost, filtered, summed per group of `by` unit by unit.
    return `SELECT ${bucketOfUnit(ctx)} AS bucket${by},
        argMax(units, unit_start) AS on_hand_units, argMax(value, unit_start) AS inventory_value,
        sum(value) AS inventory_value_day_sum, count() AS inventory_days${sales ? ', sum(sold_value) AS cogs' : ''}
      FROM (
        SELECT toUInt8(0) AS stock_group${by}, sumForEach(levels) AS group_units, ${valued('levels')} AS group_values
          ${sales ? `, ${valued('sold')} AS group_sold` : ''}
        FROM (
          SELECT s.sku AS sku, s.warehouse AS warehouse, s.levels AS levels${sales ? ', s.sold AS sold' : ''}
            ${withProducts ? `, ${PRODUCT_DIMS}, toDecimal128(p.unit_cost, 4) AS unit_cost` : ''}
          FROM (${pairLevelsSql(stockUnit(ctx), { sales })}) AS s
          ${withProducts ? `LEFT JOIN ${PRODUCTS_LATEST} AS p ON p.sku = s.sku` : ''}
        )
        ${filterSql(ctx.q)}
        GROUP BY stock_group${by}
      )
      ARRAY JOIN {grid:Array(UInt32)} AS unit_start, group_units AS units, group_values AS value${sales ? ', group_sold AS sold_value' : ''}
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
    // Every known product (one without stock events has on-hand 0); stock of unknown products has no reorder point.
    return `SELECT bucket${ctx.q.by.map((d) => `, ${d}`).join('')},
        countIf(reorder_point > 0 AND on_hand <= reorder_point) AS below_reorder_point
      FROM (
        SELECT ${bucketOfUnit(ctx)} AS bucket, sku, category, supplier_id, reorder_point, argMax(unit_on_hand, unit_start) AS on_hand
        FROM (
          SELECT * FROM (
            SELECT p.sku AS sku, ${PRODUCT_DIMS}, p.reorder_point AS reorder_point, if(empty(s.levels), ${ZERO_LEVELS}, s.levels) AS levels
            FROM ${PRODUCTS_LATEST} AS p
            LEFT JOIN (SELECT sku, sumForEach(levels) AS levels FROM (${pairLevelsSql(stockUnit(ctx))}) GROUP BY sku) AS s ON s.sku = p.sku
          ) ${filterSql(ctx.q)}
        )
        ARRAY JOIN {grid:Array(UInt32)} AS unit_start, levels AS unit_on_hand
        GROUP BY bucket, sku, category, supplier_id, reorder_point
      )
      GROUP BY ${groupCols(ctx.q)}`;
  },
};

/** Sale movements in [from, min(to, now)), once each. */
const SALES = `
  SELECT sku, warehouse, occurred_at, event_id, qty_delta FROM stock_events FINAL
  -- Before FINAL: copies of an event are identical, so filtering first keeps all of them or none.
  PREWHERE kind = 'moved' AND reason = 'sale' AND occurred_at >= ${PARAM.from} AND occurred_at < ${PARAM.end}`;

/** Cost of goods sold alone: units sold per bucket and pair, valued once per pair (not per sale). */
function cogsSql(ctx: FamilyContext): string {
  return `SELECT bucket${ctx.q.by.map((d) => `, ${d}`).join('')}, sum(units * unit_cost) AS cogs
    FROM (
      SELECT c.bucket AS bucket, c.sku AS sku, c.warehouse AS warehouse, c.units AS units, ${PRODUCT_DIMS}, toDecimal128(p.unit_cost, 4) AS unit_cost
      FROM (
        SELECT ${bucketSql(ctx.q.grain, 'occurred_at')} AS bucket, sku, warehouse, sum(-qty_delta) AS units
        FROM (${SALES})
        GROUP BY bucket, sku, warehouse
      ) AS c
      LEFT JOIN ${PRODUCTS_LATEST} AS p ON p.sku = c.sku
    )
    ${filterSql(ctx.q)}
    GROUP BY ${groupCols(ctx.q)}`;
}

/**
 * Sale movements, for drill-down records (`cogs` itself is a measure of the inventory
 * family, which computes it with the stock levels when both are needed).
 */
export const cogsFamily: Family = {
  name: 'cogs',
  measures: [],
  dimensions: ['category', 'sku', 'supplier_id', 'warehouse'],
  sql: cogsSql,
  relation: () => `
    SELECT m.occurred_at AS ts, m.event_id AS event_id, m.sku AS sku, m.warehouse AS warehouse, m.qty_delta AS qty_delta,
      ${PRODUCT_DIMS}, toDecimal128(p.unit_cost, 4) AS unit_cost
    FROM (${SALES}) AS m
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
  // The on-hand before a count: its day replayed from the on-hand at the end of the day before.
  relation: () => `
    SELECT r.occurred_at AS ts, r.event_id AS event_id, r.sku AS sku, r.warehouse AS warehouse,
      r.counted_qty AS counted_qty, r.on_hand_before AS on_hand_before, ${PRODUCT_DIMS}
    FROM (
      SELECT sku, warehouse, e.1 AS occurred_at, e.2 AS event_id, e.5 AS counted_qty, before AS on_hand_before
      FROM (
        SELECT sku, warehouse, u.7 AS events, arrayPushFront(arrayPopBack(${levelsAfterSql('events', 'start')}), start) AS befores
        FROM (${pairUnitsSql('day', SINCE_DAY_OF_FROM)})
        ARRAY JOIN units AS u, arrayPopBack(arrayPushFront(on_hand, toInt64(0))) AS start
        WHERE u.3 AND u.1 >= toUnixTimestamp(${SINCE_DAY_OF_FROM})
      )
      ARRAY JOIN events AS e, befores AS before
      WHERE e.3 AND e.1 >= ${PARAM.from}
    ) AS r
    LEFT JOIN ${PRODUCTS_LATEST} AS p ON p.sku = r.sku`,
};

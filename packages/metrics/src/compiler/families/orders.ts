import { CUSTOMERS_LATEST, PARAM, PRODUCTS_LATEST, aggregateSql, hasDim, needs, orUnknown, type Family, type FamilyContext } from '../sql.js';

/**
 * Later facts join the lines on a 64-bit hash of (order_id, sku): three times faster than
 * joining on the two strings at 10M events. The strings are compared after the join, so a
 * hash collision can hide a match (never at these sizes) but never attribute one wrongly.
 */
const SAME_LINE = 'a.adj_order = l.order_id AND a.adj_sku = l.sku';

/**
 * Order lines of orders placed in [from, to), with what is known about them now:
 * backordered = min(qty, backordered_qty + later order.backordered), filled capped at
 * backordered, cancelled when the order's latest status is cancelled (metrics.md).
 */
export function orderLinesSql(ctx: FamilyContext, opts: { withState: boolean; withCancel: boolean }): string {
  const product = hasDim(ctx, 'category', 'supplier_id') || needs(ctx, 'lost_margin');
  const customer = hasDim(ctx, 'segment', 'tier', 'region');
  const windowed = `SELECT placed_at, order_id, sku, customer_id, channel, qty, unit_price, backordered_qty${opts.withState ? ', cityHash64(order_id, sku) AS line_key' : ''}
      FROM order_lines FINAL WHERE placed_at >= ${PARAM.from} AND placed_at < ${PARAM.to}`;
  return `
    SELECT l.placed_at AS ts, l.order_id AS order_id, l.sku AS sku, l.customer_id AS customer_id,
      ${orUnknown('l.channel')} AS channel, l.qty AS qty, toDecimal128(l.unit_price, 4) AS unit_price,
      ${opts.withState ? `least(toUInt64(l.qty), toUInt64(l.backordered_qty) + if(${SAME_LINE}, a.late_backordered, 0))` : 'toUInt64(l.backordered_qty)'} AS backordered,
      ${opts.withState ? `least(if(${SAME_LINE}, a.filled_raw, 0), backordered)` : 'toUInt64(0)'} AS filled,
      ${opts.withCancel ? "c.order_id != ''" : 'false'} AS cancelled,
      if(cancelled, backordered - filled, toUInt64(0)) AS cancelled_backorder,
      backordered - filled - cancelled_backorder AS open_backorder
      ${product ? `, ${orUnknown('p.category')} AS category, ${orUnknown('p.supplier_id')} AS supplier_id, toDecimal128(p.unit_cost, 4) AS unit_cost` : ''}
      ${customer ? `, ${orUnknown('cu.segment')} AS segment, ${orUnknown('cu.tier')} AS tier, ${orUnknown('cu.region')} AS region` : ''}
    FROM (${windowed}) AS l
    ${
      opts.withState
        ? `LEFT ANY JOIN (
        SELECT cityHash64(order_id, sku) AS line_key, order_id AS adj_order, sku AS adj_sku,
          sumIf(qty, kind = 'backordered') AS late_backordered, sumIf(qty, kind = 'filled') AS filled_raw
        FROM line_adjustments FINAL
        WHERE kind IN ('backordered', 'filled')
        GROUP BY order_id, sku) AS a ON a.line_key = l.line_key`
        : ''
    }
    ${
      opts.withCancel
        ? `LEFT JOIN (
        SELECT order_id FROM order_statuses
        WHERE order_id IN (
            SELECT order_id FROM order_cancellations
            WHERE order_id IN (SELECT order_id FROM order_lines WHERE placed_at >= ${PARAM.from} AND placed_at < ${PARAM.to}))
        GROUP BY order_id HAVING argMax(status, (occurred_at, event_id)) = 'cancelled') AS c ON c.order_id = l.order_id`
        : ''
    }
    ${product ? `LEFT JOIN ${PRODUCTS_LATEST} AS p ON p.sku = l.sku` : ''}
    ${customer ? `LEFT JOIN ${CUSTOMERS_LATEST} AS cu ON cu.customer_id = l.customer_id` : ''}`;
}

const AGGREGATES: Record<string, string> = {
  orders: 'uniqExact(order_id)',
  lines: 'count()',
  units: 'sum(qty)',
  revenue: 'sum(unit_price * qty)',
  backordered_units: 'sum(backordered)',
  backordered_orders: 'uniqExactIf(order_id, backordered > 0)',
  backordered_lines: 'countIf(backordered > 0)',
  open_backorder_units: 'sum(open_backorder)',
  open_backorder_value: 'sum(unit_price * open_backorder)',
  open_backorder_lines: 'countIf(open_backorder > 0)',
  open_backorder_age_days: `sumIf((toUnixTimestamp64Milli(${PARAM.now}) - toUnixTimestamp64Milli(ts)) / 86400000, open_backorder > 0)`,
  lost_sales: 'sum(unit_price * cancelled_backorder)',
  lost_margin: 'sum((unit_price - unit_cost) * cancelled_backorder)',
  cancelled_orders: 'uniqExactIf(order_id, cancelled)',
};

const STATELESS = new Set(['orders', 'lines', 'units', 'revenue']);
const CANCEL = new Set(['open_backorder_units', 'open_backorder_value', 'open_backorder_lines', 'open_backorder_age_days', 'lost_sales', 'lost_margin', 'cancelled_orders']);

export const ordersFamily: Family = {
  name: 'orders',
  measures: Object.keys(AGGREGATES),
  dimensions: ['category', 'sku', 'supplier_id', 'segment', 'tier', 'region', 'customer_id', 'channel'],
  aggregates: AGGREGATES,
  relation(ctx) {
    const measures = [...ctx.measures];
    const withState = measures.some((m) => !STATELESS.has(m));
    const withCancel = measures.some((m) => CANCEL.has(m));
    return orderLinesSql(ctx, { withState, withCancel });
  },
  sql(ctx) {
    return aggregateSql(this, ctx);
  },
};

/**
 * Expedite cost of backorder shipments, attributed to the order's placement period. Split
 * by a line dimension, a shipment's cost is shared among its lines in proportion to qty.
 */
export const expediteFamily: Family = {
  name: 'expedite',
  measures: ['expedite_cost'],
  dimensions: ['category', 'sku', 'supplier_id', 'segment', 'tier', 'region', 'customer_id', 'channel', 'carrier'],
  aggregates: { expedite_cost: 'sum(share)' },
  sql(ctx) {
    return aggregateSql(this, ctx);
  },
  relation(ctx) {
    const product = hasDim(ctx, 'category', 'supplier_id');
    const customer = hasDim(ctx, 'segment', 'tier', 'region');
    return `
        SELECT s.shipment_id AS shipment_id, o.order_placed_at AS ts, s.ship_order AS order_id, line.1 AS sku, s.ship_carrier AS carrier, o.order_customer AS customer_id,
          ${orUnknown('o.order_channel')} AS channel,
          toFloat64(s.ship_cost) * line.2 / arraySum(s.ship_qtys) AS share
          ${product ? `, ${orUnknown('p.category')} AS category, ${orUnknown('p.supplier_id')} AS supplier_id` : ''}
          ${customer ? `, ${orUnknown('cu.segment')} AS segment, ${orUnknown('cu.tier')} AS tier, ${orUnknown('cu.region')} AS region` : ''}
        FROM (
          SELECT shipment_id,
            argMax(order_id, (occurred_at, event_id)) AS ship_order,
            argMax(carrier, (occurred_at, event_id)) AS ship_carrier,
            argMax(line_skus, (occurred_at, event_id)) AS ship_skus,
            argMax(line_qtys, (occurred_at, event_id)) AS ship_qtys,
            argMax(expedite_cost, (occurred_at, event_id)) AS ship_cost,
            argMax(backorder, (occurred_at, event_id)) AS ship_backorder
          FROM shipments
          -- Few shipments ever ship backorders: find them first, then read them by key.
          WHERE shipment_id IN (SELECT shipment_id FROM shipments WHERE backorder)
            AND order_id IN (SELECT order_id FROM order_lines WHERE placed_at >= ${PARAM.from} AND placed_at < ${PARAM.to})
          GROUP BY shipment_id
          HAVING ship_backorder AND ship_cost > 0
        ) AS s
        ARRAY JOIN arrayZip(s.ship_skus, s.ship_qtys) AS line
        INNER JOIN (
          SELECT order_id, min(placed_at) AS order_placed_at, any(customer_id) AS order_customer, any(channel) AS order_channel
          FROM order_lines WHERE placed_at >= ${PARAM.from} AND placed_at < ${PARAM.to} GROUP BY order_id
        ) AS o ON o.order_id = s.ship_order
        ${product ? `LEFT JOIN ${PRODUCTS_LATEST} AS p ON p.sku = line.1` : ''}
        ${customer ? `LEFT JOIN ${CUSTOMERS_LATEST} AS cu ON cu.customer_id = o.order_customer` : ''}`;
  },
};

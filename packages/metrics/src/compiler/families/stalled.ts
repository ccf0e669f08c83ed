import { DEFAULT_STAGE_LIMIT_HOURS } from '../../kpis/catalog.js';
import { CUSTOMERS_LATEST, PARAM, aggregateSql, hasDim, orUnknown, type Family } from '../sql.js';

/**
 * Orders placed in the period with their stage as of now (latest status, `placed` until
 * the first change) and whether they have sat in it longer than the stage's limit.
 */
export const stalledFamily: Family = {
  name: 'stalled',
  measures: ['stalled_orders'],
  dimensions: ['stage', 'segment', 'tier', 'region', 'customer_id', 'channel'],
  params: () => ({ stages: Object.keys(DEFAULT_STAGE_LIMIT_HOURS), stage_limits: Object.values(DEFAULT_STAGE_LIMIT_HOURS) }),
  aggregates: { stalled_orders: 'countIf(stalled)' },
  sql(ctx) {
    return aggregateSql(this, ctx);
  },
  relation(ctx) {
    const customer = hasDim(ctx, 'segment', 'tier', 'region');
    return `
        SELECT o.order_placed_at AS ts, o.order_id AS order_id, o.order_customer AS customer_id, ${orUnknown('o.order_channel')} AS channel,
          if(st.last_status = '', 'placed', st.last_status) AS stage,
          if(st.last_status = '', o.order_placed_at, st.last_at) AS stage_since,
          transform(stage, {stages:Array(String)}, {stage_limits:Array(UInt32)}, toUInt32(0)) AS limit_hours,
          limit_hours > 0 AND toUnixTimestamp64Milli(${PARAM.now}) - toUnixTimestamp64Milli(stage_since) > toInt64(limit_hours) * 3600000 AS stalled
          ${customer ? `, ${orUnknown('cu.segment')} AS segment, ${orUnknown('cu.tier')} AS tier, ${orUnknown('cu.region')} AS region` : ''}
        FROM (
          SELECT order_id, min(placed_at) AS order_placed_at, any(customer_id) AS order_customer, any(channel) AS order_channel
          FROM order_lines WHERE placed_at >= ${PARAM.from} AND placed_at < ${PARAM.to} GROUP BY order_id
        ) AS o
        LEFT JOIN (
          SELECT order_id, argMax(status, (occurred_at, event_id)) AS last_status, max(occurred_at) AS last_at
          FROM order_statuses
          WHERE occurred_at <= ${PARAM.now}
            AND order_id IN (SELECT order_id FROM order_lines WHERE placed_at >= ${PARAM.from} AND placed_at < ${PARAM.to})
          GROUP BY order_id
        ) AS st ON st.order_id = o.order_id
        ${customer ? `LEFT JOIN ${CUSTOMERS_LATEST} AS cu ON cu.customer_id = o.order_customer` : ''}`;
  },
};

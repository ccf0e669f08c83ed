import { CUSTOMERS_LATEST, PARAM, aggregateSql, hasDim, orUnknown, type Family, type FamilyContext } from '../sql.js';

/** The latest dispatch of each shipment; `dispatched_at` is its first dispatch. */
export const SHIPMENTS_LATEST = `(
  SELECT shipment_id,
    argMax(order_id, (occurred_at, event_id)) AS ship_order,
    argMax(carrier, (occurred_at, event_id)) AS ship_carrier,
    argMax(promised_date, (occurred_at, event_id)) AS ship_promised,
    argMax(eta, (occurred_at, event_id)) AS ship_eta,
    min(occurred_at) AS dispatched_at
  FROM shipments GROUP BY shipment_id)`;

/** Order-side dimensions of a shipment (customer, channel), joined onto alias `s`. */
function orderJoins(ctx: FamilyContext): { select: string; joins: string } {
  const customer = hasDim(ctx, 'segment', 'tier', 'region');
  return {
    select: `, ${orUnknown('o.order_customer')} AS customer_id, ${orUnknown('o.order_channel')} AS channel${
      customer ? `, ${orUnknown('cu.segment')} AS segment, ${orUnknown('cu.tier')} AS tier, ${orUnknown('cu.region')} AS region` : ''
    }`,
    joins: `LEFT JOIN (SELECT order_id, any(customer_id) AS order_customer, any(channel) AS order_channel FROM order_lines
        WHERE order_id IN (SELECT order_id FROM shipments) GROUP BY order_id) AS o ON o.order_id = s.ship_order
      ${customer ? `LEFT JOIN ${CUSTOMERS_LATEST} AS cu ON cu.customer_id = o.order_customer` : ''}`,
  };
}

/** Shipments whose first `delivered` status falls in the period, and whether on time. */
export const deliveriesFamily: Family = {
  name: 'deliveries',
  measures: ['delivered_shipments', 'on_time_shipments'],
  dimensions: ['carrier', 'segment', 'tier', 'region', 'customer_id', 'channel'],
  aggregates: { delivered_shipments: 'count()', on_time_shipments: 'countIf(on_time)' },
  sql(ctx) {
    return aggregateSql(this, ctx);
  },
  relation(ctx) {
    const j = orderJoins(ctx);
    return `
      SELECT d.first_delivered AS ts, s.shipment_id AS shipment_id, s.ship_order AS order_id, s.ship_carrier AS carrier,
        s.dispatched_at AS dispatched_at, s.ship_promised AS promised_date,
        toDate(d.first_delivered, 'UTC') <= s.ship_promised AS on_time ${j.select}
      FROM (
        SELECT shipment_id, min(occurred_at) AS first_delivered FROM shipment_statuses
        WHERE status = 'delivered' GROUP BY shipment_id
        HAVING first_delivered >= ${PARAM.from} AND first_delivered < ${PARAM.to}
      ) AS d
      INNER JOIN ${SHIPMENTS_LATEST} AS s ON s.shipment_id = d.shipment_id
      ${j.joins}`;
  },
};

/** Shipments dispatched in the period that, as of now, are undelivered and delayed or past promise. */
export const delayedFamily: Family = {
  name: 'delayed',
  measures: ['delayed_shipments'],
  dimensions: ['carrier', 'segment', 'tier', 'region', 'customer_id', 'channel'],
  aggregates: { delayed_shipments: 'countIf(delayed)' },
  sql(ctx) {
    return aggregateSql(this, ctx);
  },
  relation(ctx) {
    const j = orderJoins(ctx);
    return `
      SELECT s.dispatched_at AS ts, s.shipment_id AS shipment_id, s.ship_order AS order_id, s.ship_carrier AS carrier,
        s.ship_promised AS promised_date, st.last_status AS latest_status,
        if(st.last_eta_at > s.dispatched_at AND st.last_eta IS NOT NULL, st.last_eta, s.ship_eta) AS latest_eta,
        NOT st.has_delivered AND (st.last_status = 'delayed' OR toDate(latest_eta, 'UTC') > s.ship_promised) AS delayed ${j.select}
      FROM ${SHIPMENTS_LATEST} AS s
      LEFT JOIN (
        SELECT shipment_id,
          countIf(status = 'delivered') > 0 AS has_delivered,
          argMax(status, (occurred_at, event_id)) AS last_status,
          argMaxIf(eta, (occurred_at, event_id), eta IS NOT NULL) AS last_eta,
          maxIf(occurred_at, eta IS NOT NULL) AS last_eta_at
        FROM shipment_statuses WHERE occurred_at <= ${PARAM.now} GROUP BY shipment_id
      ) AS st ON st.shipment_id = s.shipment_id
      ${j.joins}
      WHERE s.dispatched_at >= ${PARAM.from} AND s.dispatched_at < ${PARAM.to}`;
  },
};

import type { MetricQuery } from '../query.js';
import { bucketSql, bucketStart, nextBucketStart, previousBucketStart } from '../time.js';
import { CUSTOMERS_LATEST, PARAM, aggregateSql, filterSql, hasDim, orUnknown, type Family, type FamilyContext } from '../sql.js';

/**
 * Placements of orders that have a backordered line (at placement or reported later):
 * what `had_backorder` looks back over (90 days before the feedback or the period).
 */
const BACKORDERED_ORDERS = `
  SELECT customer_id, placed_at FROM order_lines
  WHERE placed_at >= {bo_from:DateTime64(3, 'UTC')} AND placed_at < ${PARAM.to}
    AND (backordered_qty > 0 OR (order_id, sku) IN (SELECT order_id, sku FROM line_adjustments WHERE kind = 'backordered'))`;

const LOOKBACK_DAYS = 90;
const DAY_MS = 86_400_000;

/** Joins customer dimensions and had_backorder (as of `atCol`) onto a relation aliased `x`. */
function customerJoins(ctx: FamilyContext, atCol: string): { select: string; joins: string } {
  const customer = hasDim(ctx, 'segment', 'tier', 'region');
  const bo = hasDim(ctx, 'had_backorder');
  return {
    select: [
      customer ? `${orUnknown('cu.segment')} AS segment, ${orUnknown('cu.tier')} AS tier, ${orUnknown('cu.region')} AS region` : '',
      bo ? `(b.placed_at >= ${atCol} - INTERVAL ${LOOKBACK_DAYS} DAY) AS had_backorder` : '',
    ]
      .filter(Boolean)
      .map((s) => `, ${s}`)
      .join(''),
    joins: [
      customer ? `LEFT JOIN ${CUSTOMERS_LATEST} AS cu ON cu.customer_id = x.customer_id` : '',
      bo ? `ASOF LEFT JOIN (${BACKORDERED_ORDERS}) AS b ON b.customer_id = x.customer_id AND b.placed_at < ${atCol}` : '',
    ].join('\n'),
  };
}

const lookbackParams = (q: MetricQuery, fromMs: number) => ({ bo_from: new Date(fromMs - LOOKBACK_DAYS * DAY_MS).toISOString().replace('T', ' ').slice(0, 23) });

/** Feedback submitted in the period: NPS and sentiment measures. */
export const feedbackFamily: Family = {
  name: 'feedback',
  measures: ['nps_responses', 'promoters', 'detractors', 'texts', 'sentiment_sum', 'negative_texts'],
  dimensions: ['segment', 'tier', 'region', 'customer_id', 'had_backorder'],
  params: (q) => lookbackParams(q, q.fromMs),
  aggregates: {
    nps_responses: 'countIf(nps IS NOT NULL)',
    promoters: 'countIf(nps >= 9)',
    detractors: 'countIf(nps <= 6)',
    texts: 'countIf(sentiment IS NOT NULL)',
    sentiment_sum: 'sumIf(sentiment, sentiment IS NOT NULL)',
    negative_texts: 'countIf(sentiment < 0)',
  },
  sql(ctx) {
    return aggregateSql(this, ctx);
  },
  relation(ctx) {
    const j = customerJoins(ctx, 'x.submitted_at');
    return `
      SELECT x.submitted_at AS ts, x.event_id AS event_id, x.customer_id AS customer_id, x.order_id AS order_id,
        x.nps AS nps, x.text AS text, x.sentiment AS sentiment ${j.select}
      FROM (SELECT submitted_at, event_id, customer_id, order_id, nps, text, sentiment FROM feedback FINAL
            WHERE submitted_at >= ${PARAM.from} AND submitted_at < ${PARAM.to}) AS x
      ${j.joins}`;
  },
};

/**
 * Retention: bucket starts (epoch seconds) from the bucket before `from` to the last one
 * before `to`; for `total`, the window of equal length before `from`, then `from`.
 */
function retentionStarts(q: MetricQuery): number[] {
  if (q.grain === 'total') return [q.fromMs - (q.toMs - q.fromMs), q.fromMs];
  const first = bucketStart(q.fromMs, q.grain, q.tz);
  const starts = [previousBucketStart(first, q.grain, q.tz)];
  for (let b = first; b < q.toMs; b = nextBucketStart(b, q.grain, q.tz)) starts.push(b);
  return starts;
}

export const retentionFamily: Family = {
  name: 'retention',
  measures: ['previous_customers', 'retained_customers'],
  dimensions: ['segment', 'tier', 'region', 'had_backorder'],
  params(q) {
    const starts = retentionStarts(q);
    return { starts: starts.map((ms) => Math.floor(ms / 1000)), retention_from: new Date(starts[0] as number).toISOString().replace('T', ' ').slice(0, 23), ...lookbackParams(q, starts[1] as number) };
  },
  sql(ctx) {
    const idx =
      ctx.q.grain === 'total'
        ? `if(placed_at < ${PARAM.from}, 1, 2)`
        : `indexOf({starts:Array(UInt32)}, toUInt32(toUnixTimestamp(${bucketSql(ctx.q.grain, 'placed_at')})))`;
    const active = `SELECT DISTINCT customer_id, ${idx} AS i FROM order_lines
      WHERE placed_at >= {retention_from:DateTime64(3, 'UTC')} AND placed_at < ${PARAM.to}`;
    const j = customerJoins(ctx, 'x.bucket_at');
    return `SELECT toDateTime({starts:Array(UInt32)}[i + 1], {tz:String}) AS bucket${ctx.q.by.map((d) => `, ${d}`).join('')},
        count() AS previous_customers, countIf(retained) AS retained_customers
      FROM (
        SELECT x.i AS i, x.retained AS retained ${j.select}
        FROM (
          SELECT p.customer_id AS customer_id, p.i AS i, c.customer_id != '' AS retained,
            toDateTime64({starts:Array(UInt32)}[p.i + 1], 3, 'UTC') AS bucket_at
          FROM (${active}) AS p
          LEFT JOIN (${active}) AS c ON c.customer_id = p.customer_id AND c.i = p.i + 1
          WHERE p.i >= 1 AND p.i < length({starts:Array(UInt32)})
        ) AS x
        ${j.joins}
      )
      ${filterSql(ctx.q)}
      GROUP BY i${ctx.q.by.map((d) => `, ${d}`).join('')}`;
  },
};

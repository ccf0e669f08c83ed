import type { ClickHouseClient } from '@clickhouse/client';
import type { Dimension } from '../kpis/dimensions.js';
import { QUERY_SETTINGS, bindParams } from './compile.js';
import { FAMILIES } from './families/index.js';
import { snapshotsSql } from './families/inventory.js';
import { gridParams } from './families/grid.js';
import { QueryError, type MetricQuery, type QueryParams } from './query.js';
import { filterSql, type Family, type FamilyContext } from './sql.js';

/**
 * The rows behind a KPI (/v1/metrics/{name}/records): read from the same relation the
 * KPI aggregates, with the same filters, so a drill-down always adds up to the number.
 */
interface RecordsSpec {
  family: string;
  /** Columns of a row: output name and SQL over the relation. The first is the default sort, descending. */
  columns: [string, string][];
  /** Which facts are "behind" this KPI, when not all of them. */
  where?: string;
  /** Rows are orders (lines grouped by order), not lines. */
  perOrder?: boolean;
}

const DIMS = (...d: Dimension[]) => d.map((x): [string, string] => [x, x]);
const LINE_COLUMNS: [string, string][] = [
  ['placed_at', 'ts'],
  ['order_id', 'order_id'],
  ['sku', 'sku'],
  ...DIMS('category', 'supplier_id', 'customer_id', 'segment', 'tier', 'region', 'channel'),
  ['qty', 'qty'],
  ['unit_price', 'unit_price'],
  ['backordered', 'backordered'],
  ['filled', 'filled'],
  ['cancelled_backorder', 'cancelled_backorder'],
  ['open_backorder', 'open_backorder'],
  ['cancelled', 'toBool(cancelled)'],
];
const ORDER_COLUMNS: [string, string][] = [
  ['placed_at', 'min(ts)'],
  ['order_id', 'order_id'],
  ['customer_id', 'any(customer_id)'],
  ['segment', 'any(segment)'],
  ['tier', 'any(tier)'],
  ['region', 'any(region)'],
  ['channel', 'any(channel)'],
  ['lines', 'count()'],
  ['units', 'sum(qty)'],
  ['revenue', 'sum(unit_price * qty)'],
  ['backordered_units', 'sum(backordered)'],
  ['has_backorder', 'toBool(max(backordered > 0))'],
  ['open_backorder_units', 'sum(open_backorder)'],
  ['cancelled', 'toBool(max(cancelled))'],
];
const SHIPMENT_DIMS = DIMS('carrier', 'customer_id', 'segment', 'tier', 'region', 'channel');
const lines = (where?: string): RecordsSpec => ({ family: 'orders', columns: LINE_COLUMNS, ...(where ? { where } : {}) });
const orders: RecordsSpec = { family: 'orders', columns: ORDER_COLUMNS, perOrder: true };
const feedback: RecordsSpec = {
  family: 'feedback',
  columns: [
    ['submitted_at', 'ts'],
    ['event_id', 'event_id'],
    ...DIMS('customer_id', 'segment', 'tier', 'region'),
    ['had_backorder', 'toBool(had_backorder)'],
    ['order_id', 'order_id'],
    ['nps', 'nps'],
    ['sentiment', 'sentiment'],
    ['text', 'text'],
  ],
};
const stockMoves: RecordsSpec = {
  family: 'cogs',
  columns: [['occurred_at', 'ts'], ['event_id', 'event_id'], ...DIMS('sku', 'warehouse', 'category', 'supplier_id'), ['qty_delta', 'qty_delta'], ['unit_cost', 'unit_cost'], ['cogs', '-qty_delta * unit_cost']],
};
const counts: RecordsSpec = {
  family: 'discrepancy',
  columns: [['counted_at', 'ts'], ['event_id', 'event_id'], ...DIMS('sku', 'warehouse', 'category', 'supplier_id'), ['on_hand_before', 'on_hand_before'], ['counted_qty', 'counted_qty'], ['difference', 'counted_qty - on_hand_before']],
};
const deliveries: RecordsSpec = {
  family: 'deliveries',
  columns: [['delivered_at', 'ts'], ['shipment_id', 'shipment_id'], ['order_id', 'order_id'], ['dispatched_at', 'dispatched_at'], ['promised_date', 'promised_date'], ['on_time', 'toBool(on_time)'], ...SHIPMENT_DIMS],
};
const delayed: RecordsSpec = {
  family: 'delayed',
  columns: [['dispatched_at', 'ts'], ['shipment_id', 'shipment_id'], ['order_id', 'order_id'], ['promised_date', 'promised_date'], ['latest_status', 'latest_status'], ['latest_eta', 'latest_eta'], ...SHIPMENT_DIMS],
  where: 'delayed',
};
const expedite: RecordsSpec = {
  family: 'expedite',
  columns: [['placed_at', 'ts'], ['shipment_id', 'shipment_id'], ['order_id', 'order_id'], ['sku', 'sku'], ...DIMS('category', 'supplier_id', 'carrier', 'customer_id', 'segment', 'tier', 'region', 'channel'), ['expedite_cost', 'share']],
};
const stalled: RecordsSpec = {
  family: 'stalled',
  columns: [['placed_at', 'ts'], ['order_id', 'order_id'], ['stage', 'stage'], ['stage_since', 'stage_since'], ['limit_hours', 'limit_hours'], ...DIMS('customer_id', 'segment', 'tier', 'region', 'channel')],
  where: 'stalled',
};
/** Stock positions at the end of the period (on-hand per sku and warehouse). */
const STOCK = 'stock';
const STOCK_COLUMNS: [string, string][] = [
  ['sku', 'sku'],
  ['warehouse', 'warehouse'],
  ['category', 'category'],
  ['supplier_id', 'supplier_id'],
  ['on_hand', 'on_hand'],
  ['unit_cost', 'unit_cost'],
  ['value', 'on_hand * unit_cost'],
  ['reorder_point', 'reorder_point'],
];

const RECORDS: Record<string, RecordsSpec | typeof STOCK> = {
  orders,
  backorder_rate: orders,
  cancellation_rate: orders,
  revenue: lines(),
  line_backorder_rate: lines(),
  fill_rate: lines(),
  open_backorder_units: lines('open_backorder > 0'),
  open_backorder_value: lines('open_backorder > 0'),
  backorder_age_days: lines('open_backorder > 0'),
  lost_sales: lines('cancelled_backorder > 0'),
  lost_margin: lines('cancelled_backorder > 0'),
  backorder_cost: lines('cancelled_backorder > 0'),
  backorder_cost_pct: lines('cancelled_backorder > 0'),
  expedite_cost: expedite,
  on_hand_units: STOCK,
  inventory_value: STOCK,
  avg_inventory_value: STOCK,
  inventory_turnover: STOCK,
  days_of_inventory: STOCK,
  stock_to_sales: STOCK,
  below_reorder_point: STOCK,
  cogs: stockMoves,
  stock_discrepancy_rate: counts,
  nps: feedback,
  sentiment: feedback,
  negative_feedback_share: feedback,
  on_time_delivery_rate: deliveries,
  delayed_shipments: delayed,
  stalled_orders: stalled,
};

export interface RecordsRequest {
  q: MetricQuery;
  limit: number;
  offset: number;
  sort?: string | undefined;
}

export interface RecordsResult {
  columns: string[];
  rows: Record<string, unknown>[];
  next_offset: number | null;
}

export const MAX_RECORDS_LIMIT = 100_000;

function specFor(q: MetricQuery): { columns: [string, string][]; sql: (orderBy: string) => string; params: Record<string, unknown> } {
  const spec = RECORDS[q.kpi.name];
  if (!spec) throw new QueryError('metric', `metric "${q.kpi.name}" has no drill-down records`);
  if (spec === STOCK) {
    const stockQ: MetricQuery = { ...q, grain: 'total' };
    const ctx: FamilyContext = { q: stockQ, dims: ['category', 'supplier_id'], measures: new Set() };
    return {
      columns: STOCK_COLUMNS,
      params: gridParams(stockQ),
      sql: (orderBy) => `SELECT ${STOCK_COLUMNS.map(([n, e]) => `${e} AS ${n}`).join(', ')} FROM (
          SELECT sku, warehouse, category, supplier_id, argMax(on_hand, unit_start) AS on_hand, any(unit_cost) AS unit_cost, any(reorder_point) AS reorder_point
          FROM (${snapshotsSql(ctx, { withProducts: true, includeSilentProducts: q.kpi.name === 'below_reorder_point' })})
          GROUP BY sku, warehouse, category, supplier_id)
        ${filterSql(q)} ORDER BY ${orderBy}`,
    };
  }
  const family = FAMILIES[spec.family] as Family;
  if (!family.relation) throw new Error(`family ${family.name} has no relation`);
  const ctx: FamilyContext = { q, dims: [...family.dimensions], measures: new Set(family.measures) };
  const relation = family.relation(ctx);
  const filters = filterSql(q);
  const where = spec.where ? (filters ? `${filters} AND (${spec.where})` : `WHERE ${spec.where}`) : filters;
  return {
    columns: spec.columns,
    params: family.params?.(q) ?? {},
    sql: (orderBy) =>
      spec.perOrder
        ? // Filter the lines first: the order columns are aggregates named like the dimensions.
          `SELECT ${spec.columns.map(([n, e]) => `${e} AS ${n}`).join(', ')} FROM (SELECT * FROM (${relation}) ${where}) GROUP BY order_id ORDER BY ${orderBy}`
        : `SELECT ${spec.columns.map(([n, e]) => `${e} AS ${n}`).join(', ')} FROM (${relation}) ${where} ORDER BY ${orderBy}`,
  };
}

/** Parses `sort` (`column` or `-column`) against the allow-listed record columns. */
function orderBy(columns: [string, string][], sort: string | undefined): string {
  const names = columns.map(([n]) => n);
  if (sort === undefined || sort === '') return `${names[0]} DESC, ${names[1]}`;
  const desc = sort.startsWith('-');
  const name = desc ? sort.slice(1) : sort;
  if (!names.includes(name)) throw new QueryError('sort', `cannot sort by "${name.slice(0, 64)}"; columns are ${names.join(', ')}`);
  return `${name} ${desc ? 'DESC' : 'ASC'}${name === names[0] ? '' : `, ${names[0]} DESC`}`;
}

export async function runRecords(client: ClickHouseClient, req: RecordsRequest): Promise<RecordsResult> {
  const spec = specFor(req.q);
  const sql = `${spec.sql(orderBy(spec.columns, req.sort))}
    LIMIT {limit:UInt32} OFFSET {offset:UInt64}
    SETTINGS ${QUERY_SETTINGS}`;
  const rs = await client.query({
    query: sql,
    query_params: { ...bindParams(req.q), ...spec.params, limit: req.limit + 1, offset: req.offset },
    format: 'JSONEachRow',
  });
  const rows = (await rs.json<Record<string, unknown>>()).map(isoTimes);
  const more = rows.length > req.limit;
  if (more) rows.pop();
  return { columns: spec.columns.map(([n]) => n), rows, next_offset: more ? req.offset + req.limit : null };
}

/** limit / cursor / sort / format of /records, validated. The cursor is an opaque offset. */
export function parseRecordsParams(params: QueryParams): { limit: number; offset: number; sort?: string; format: 'json' | 'csv' } {
  const one = (k: string) => {
    const v = params[k];
    if (Array.isArray(v)) throw new QueryError(k, `parameter "${k}" is given more than once`);
    return v;
  };
  const format = one('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new QueryError('format', 'format must be json or csv');
  const limitRaw = one('limit');
  const limit = limitRaw === undefined ? (format === 'csv' ? 10_000 : 100) : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RECORDS_LIMIT) throw new QueryError('limit', `limit must be an integer 1..${MAX_RECORDS_LIMIT}`);
  const cursor = one('cursor');
  let offset = 0;
  if (cursor !== undefined) {
    const decoded = /^o(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!decoded) throw new QueryError('cursor', 'invalid cursor');
    offset = Number(decoded[1]);
  }
  const sort = one('sort');
  return { limit, offset, format, ...(sort === undefined ? {} : { sort }) };
}

export const encodeCursor = (offset: number) => Buffer.from(`o${offset}`, 'utf8').toString('base64url');

/** RFC 4180 CSV; text cells that a spreadsheet would run as a formula are prefixed with '. */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    let s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
}

const CH_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;

/** ClickHouse DateTime64(3, 'UTC') text to RFC 3339. */
function isoTimes(row: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === 'string' && CH_TIME.test(v)) row[k] = `${v.replace(' ', 'T')}Z`;
  }
  return row;
}

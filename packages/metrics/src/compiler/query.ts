import { KPI_BY_NAME, type KpiDefinition } from '../kpis/catalog.js';
import { isDimension, isGrain, type Dimension, type Grain, GRAINS } from '../kpis/dimensions.js';
import { parseRfc3339 } from '../contract/fields.js';
import { bucketStart, isValidTimeZone, nextBucketStart, zonedToUtc } from './time.js';

/** A validated metric query: everything that reaches SQL is either allow-listed or bound. */
export interface MetricQuery {
  kpi: KpiDefinition;
  fromMs: number;
  toMs: number;
  grain: Grain;
  tz: string;
  by: Dimension[];
  filters: Partial<Record<Dimension, string[]>>;
  nowMs: number;
}

/** A bad query: `param` names the parameter, for the 400 answer. */
export class QueryError extends Error {
  constructor(
    readonly param: string,
    message: string,
    readonly code = 'invalid_parameter',
  ) {
    // The answer names the parameter in its message, not only in details.
    super(message.includes(param) ? message : `${param}: ${message}`);
  }
}

export type QueryParams = Record<string, string | string[] | undefined>;

const DAY_MS = 86_400_000;
export const DEFAULT_WINDOW_DAYS = 30;
export const MAX_BUCKETS = 10_000;
const MAX_FILTER_VALUES = 500;

function single(params: QueryParams, name: string): string | undefined {
  const v = params[name];
  if (Array.isArray(v)) throw new QueryError(name, `parameter "${name}" is given more than once`);
  return v;
}

/** `YYYY-MM-DD` (midnight in tz) or RFC 3339. */
export function parseInstant(value: string, tz: string, param: string): number {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) throw new QueryError(param, `"${param}" is not a real date: ${value}`);
    return zonedToUtc(y, m, d, tz);
  }
  const ms = parseRfc3339(value);
  if (ms === null) throw new QueryError(param, `"${param}" must be RFC 3339 or YYYY-MM-DD, got "${value.slice(0, 64)}"`);
  return ms;
}

export function getKpi(name: string): KpiDefinition {
  const kpi = KPI_BY_NAME.get(name);
  if (!kpi) throw new QueryError('metric', `unknown metric "${name.slice(0, 64)}"; GET /v1/metrics lists them`, 'unknown_metric');
  return kpi;
}

/**
 * Validates `GET /v1/metrics/{name}` parameters (api.md). `extra` names parameters the
 * caller handles itself (limit, cursor, sort, format for /records).
 */
export function parseMetricQuery(name: string, params: QueryParams, nowMs: number, extra: readonly string[] = []): MetricQuery {
  const kpi = getKpi(name);
  const known = new Set(['from', 'to', 'grain', 'tz', 'by', ...extra]);
  for (const key of Object.keys(params)) {
    if (known.has(key)) continue;
    if (!isDimension(key)) throw new QueryError(key, `unknown parameter "${key.slice(0, 64)}"`);
    if (!kpi.dimensions.includes(key)) throw new QueryError(key, `metric "${kpi.name}" cannot be filtered by "${key}"; it takes ${kpi.dimensions.join(', ')}`);
  }

  const tz = single(params, 'tz') ?? 'UTC';
  if (!isValidTimeZone(tz)) throw new QueryError('tz', `unknown time zone "${tz.slice(0, 64)}"; use an IANA name like Europe/Bucharest`);

  const grainRaw = single(params, 'grain') ?? 'total';
  if (!isGrain(grainRaw)) throw new QueryError('grain', `unknown grain "${grainRaw.slice(0, 32)}"; use one of ${GRAINS.join(', ')}`);
  if (!kpi.grains.includes(grainRaw)) throw new QueryError('grain', `metric "${kpi.name}" has no grain "${grainRaw}"; it takes ${kpi.grains.join(', ')}`);
  const grain = grainRaw;

  const toRaw = single(params, 'to');
  const fromRaw = single(params, 'from');
  const toMs = toRaw === undefined ? nowMs : parseInstant(toRaw, tz, 'to');
  const fromMs = fromRaw === undefined ? toMs - DEFAULT_WINDOW_DAYS * DAY_MS : parseInstant(fromRaw, tz, 'from');
  if (fromMs >= toMs) throw new QueryError('from', '"from" must be before "to"');
  if (grain !== 'total') {
    let n = 0;
    for (let b = bucketStart(fromMs, grain, tz); b < toMs; b = nextBucketStart(b, grain, tz)) {
      if (++n > MAX_BUCKETS) throw new QueryError('grain', `more than ${MAX_BUCKETS} buckets; use a coarser grain or a shorter period`);
    }
  }

  const byRaw = single(params, 'by');
  const by: Dimension[] = [];
  for (const d of byRaw === undefined || byRaw === '' ? [] : byRaw.split(',')) {
    const dim = d.trim();
    if (!isDimension(dim)) throw new QueryError('by', `unknown dimension "${dim.slice(0, 64)}" in "by"`);
    if (!kpi.dimensions.includes(dim)) throw new QueryError('by', `metric "${kpi.name}" cannot be split by "${dim}"; it takes ${kpi.dimensions.join(', ')}`);
    if (!by.includes(dim)) by.push(dim);
  }

  const filters: MetricQuery['filters'] = {};
  for (const dim of kpi.dimensions) {
    const raw = single(params, dim);
    if (raw === undefined) continue;
    const values = raw.split(',').map((v) => v.trim());
    if (values.length > MAX_FILTER_VALUES) throw new QueryError(dim, `at most ${MAX_FILTER_VALUES} values for "${dim}"`);
    for (const v of values) {
      if (v.length === 0 || v.length > 128) throw new QueryError(dim, `"${dim}" values must be 1..128 characters`);
      if (dim === 'had_backorder' && v !== 'true' && v !== 'false') throw new QueryError(dim, '"had_backorder" must be true or false');
    }
    filters[dim] = values;
  }
  return { kpi, fromMs, toMs, grain, tz, by, filters, nowMs };
}

import { DIMENSIONS, type Dimension } from './metrics';
import { DEFAULT_PERIOD, DEFAULT_TZ, PERIODS, PRESET_DAYS, type Period } from './filter-options';

/**
 * Global filters and drill-down filters <-> URL search parameters. The URL is the only
 * state: every page reads it, every link and form writes it, so a view can be shared.
 *
 *   period=7d|30d|90d|custom  (default 30d)   from=YYYY-MM-DD&to=YYYY-MM-DD (custom; `to` inclusive)
 *   tz=<IANA zone>            (default UTC)
 *   <dimension>=v1,v2         category, segment, region, channel from the bar; sku, customer_id,
 *                             carrier, warehouse, stage, ... added by drilling down
 */
export interface Filters {
  period: Period;
  /** Custom range, inclusive calendar dates in `tz`. */
  from?: string;
  to?: string;
  tz: string;
  dims: Partial<Record<Dimension, string[]>>;
}

export type SearchParams = Record<string, string | string[] | undefined>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const MAX_FILTER_VALUES = 50;

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function isRealDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Parses the URL; anything invalid falls back to the default rather than failing the page. */
export function parseFilters(sp: SearchParams): Filters {
  const periodRaw = first(sp.period);
  let period: Period = (PERIODS as readonly string[]).includes(periodRaw ?? '') ? (periodRaw as Period) : DEFAULT_PERIOD;
  const from = first(sp.from);
  const to = first(sp.to);
  const customOk = from !== undefined && to !== undefined && isRealDate(from) && isRealDate(to) && from <= to;
  if (period === 'custom' && !customOk) period = DEFAULT_PERIOD;
  const tzRaw = first(sp.tz);
  const tz = tzRaw && isTimeZone(tzRaw) ? tzRaw : DEFAULT_TZ;
  const dims: Filters['dims'] = {};
  for (const dim of DIMENSIONS) {
    const raw = first(sp[dim]);
    if (raw === undefined) continue;
    const values = raw
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v.length > 0 && v.length <= 128)
      .slice(0, MAX_FILTER_VALUES);
    if (values.length > 0) dims[dim] = values;
  }
  return period === 'custom' ? { period, from: from!, to: to!, tz, dims } : { period, tz, dims };
}

/** The URL form of filters, defaults left out. */
export function filtersToSearch(f: Filters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.period !== DEFAULT_PERIOD) out.set('period', f.period);
  if (f.period === 'custom' && f.from && f.to) {
    out.set('from', f.from);
    out.set('to', f.to);
  }
  if (f.tz !== DEFAULT_TZ) out.set('tz', f.tz);
  for (const dim of DIMENSIONS) {
    const values = f.dims[dim];
    if (values && values.length > 0) out.set(dim, values.join(','));
  }
  return out;
}

export function withDim(f: Filters, dim: Dimension, value: string | undefined): Filters {
  const dims = { ...f.dims };
  if (value === undefined) delete dims[dim];
  else dims[dim] = [value];
  return { ...f, dims };
}

export function withoutDims(f: Filters, remove: readonly Dimension[]): Filters {
  const dims = { ...f.dims };
  for (const d of remove) delete dims[d];
  return { ...f, dims };
}

/** `?a=b` or '' for a path. */
export function queryString(f: Filters, extra?: Record<string, string>): string {
  const sp = filtersToSearch(f);
  for (const [k, v] of Object.entries(extra ?? {})) sp.set(k, v);
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export interface ResolvedPeriod {
  /** API `from`/`to` (to exclusive): RFC 3339 instants for presets, dates (midnight in tz) for custom. */
  from: string;
  to: string;
  /** The period of equal length just before. */
  prevFrom: string;
  prevTo: string;
  days: number;
  label: string;
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Presets end now; a custom range covers whole calendar days in tz. */
export function resolvePeriod(f: Filters, nowMs: number): ResolvedPeriod {
  if (f.period === 'custom' && f.from && f.to) {
    const days = Math.round((Date.parse(`${f.to}T00:00:00Z`) - Date.parse(`${f.from}T00:00:00Z`)) / DAY_MS) + 1;
    return {
      from: f.from,
      to: addDays(f.to, 1),
      prevFrom: addDays(f.from, -days),
      prevTo: f.from,
      days,
      label: f.from === f.to ? f.from : `${f.from} – ${f.to}`,
    };
  }
  const days = PRESET_DAYS[f.period as keyof typeof PRESET_DAYS];
  // Rounded up: an event stamped in this very second must be inside the window it redraws.
  const to = Math.ceil(nowMs / 1000) * 1000;
  const from = to - days * DAY_MS;
  const iso = (ms: number) => new Date(ms).toISOString();
  return { from: iso(from), to: iso(to), prevFrom: iso(from - days * DAY_MS), prevTo: iso(from), days, label: `last ${days} days` };
}

/** A grain that gives a readable number of points for the period. */
export function seriesGrain(days: number): 'hour' | 'day' | 'week' {
  if (days <= 2) return 'hour';
  return days <= 120 ? 'day' : 'week';
}

/**
 * The API parameters of a KPI for these filters. The API refuses a filter a KPI does not
 * take (400), so filters outside the KPI's dimensions are left out and reported as ignored.
 */
export function kpiParams(
  f: Filters,
  kpiDimensions: readonly string[],
): { params: Record<string, string>; ignored: Dimension[] } {
  const params: Record<string, string> = { tz: f.tz };
  const ignored: Dimension[] = [];
  for (const dim of DIMENSIONS) {
    const values = f.dims[dim];
    if (!values || values.length === 0) continue;
    if (kpiDimensions.includes(dim)) params[dim] = values.join(',');
    else ignored.push(dim);
  }
  return { params, ignored };
}

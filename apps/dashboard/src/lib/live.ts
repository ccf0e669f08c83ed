import { DIMENSIONS, KPI_BY_NAME } from './metrics';
import type { Filters } from './filters';

/**
 * The `/v1/live` query of a page: the KPIs it shows and the filters at least one of them
 * takes (the stream refuses a filter none of them takes). The window is the API's default
 * (it only tells the page when to redraw; the numbers come from the page's own queries),
 * except a custom range, which is passed as is.
 */
export function liveQuery(names: readonly string[], f: Filters): string {
  const kpis = names.map((n) => KPI_BY_NAME.get(n)).filter((k) => k !== undefined);
  const sp = new URLSearchParams({ metrics: kpis.map((k) => k.name).join(',') });
  if (f.tz !== 'UTC') sp.set('tz', f.tz);
  for (const dim of DIMENSIONS) {
    const values = f.dims[dim];
    if (values && kpis.some((k) => k.dimensions.includes(dim))) sp.set(dim, values.join(','));
  }
  return sp.toString();
}

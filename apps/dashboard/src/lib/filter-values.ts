import { GLOBAL_DIMENSIONS, type GlobalDimension } from './filter-options';
import { getMetric } from './api';

// Choices for the filter bar's selects: the values seen in the last 90 days of orders.
// Names of categories, segments, regions and channels are the same for every user who can
// open a page (every such role reads `orders`), so they are kept for a few minutes per
// process instead of costing four queries per page view.
const TTL_MS = 10 * 60_000;
let cached: { at: number; values: Record<GlobalDimension, string[]> } | undefined;

export async function filterValues(): Promise<Record<GlobalDimension, string[]>> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.values;
  const from = new Date(Date.now() - 90 * 86_400_000).toISOString();
  const answers = await Promise.all(GLOBAL_DIMENSIONS.map((by) => getMetric('orders', { by, from })));
  const values = {} as Record<GlobalDimension, string[]>;
  let complete = true;
  GLOBAL_DIMENSIONS.forEach((dim, i) => {
    const a = answers[i]!;
    if (!a.ok) complete = false;
    values[dim] = a.ok ? [...new Set(a.data.rows.map((r) => String(r[dim])))].sort() : [];
  });
  if (complete) cached = { at: Date.now(), values };
  return values;
}

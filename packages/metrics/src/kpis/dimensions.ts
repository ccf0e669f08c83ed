/** Every dimension a KPI can be split or filtered by (api.md, plus `stage` for order monitoring). */
export const DIMENSIONS = [
  'category',
  'sku',
  'segment',
  'tier',
  'region',
  'customer_id',
  'channel',
  'warehouse',
  'carrier',
  'supplier_id',
  'had_backorder',
  'stage',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const GRAINS = ['total', 'hour', 'day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

export const isDimension = (s: string): s is Dimension => (DIMENSIONS as readonly string[]).includes(s);
export const isGrain = (s: string): s is Grain => (GRAINS as readonly string[]).includes(s);

/** Dimension groups that families share. */
export const PRODUCT_DIMS = ['category', 'sku', 'supplier_id'] as const satisfies readonly Dimension[];
export const CUSTOMER_DIMS = ['segment', 'tier', 'region', 'customer_id'] as const satisfies readonly Dimension[];

import { KPI_BY_NAME, type Dimension, type KpiDefinition, type Unit } from './metrics';
import type { Filters } from './filters';

/** What a client component needs to know about a KPI: plain data from the catalogue. */
export interface KpiInfo {
  name: string;
  title: string;
  unit: Unit;
  description: string;
  numerator?: string;
  denominator?: string;
  numeratorUnit?: Unit;
  denominatorUnit?: Unit;
  dimensions: string[];
  lowerIsBetter: boolean;
}

/**
 * Presentation only (the catalogue says what a KPI is, not which way is good): KPIs whose
 * rise is bad news, so the change arrow is coloured accordingly.
 */
const LOWER_IS_BETTER = new Set([
  'backorder_rate',
  'line_backorder_rate',
  'open_backorder_units',
  'open_backorder_value',
  'backorder_age_days',
  'lost_sales',
  'lost_margin',
  'expedite_cost',
  'backorder_cost',
  'backorder_cost_pct',
  'cancellation_rate',
  'days_of_inventory',
  'stock_to_sales',
  'below_reorder_point',
  'stock_discrepancy_rate',
  'negative_feedback_share',
  'delayed_shipments',
  'stalled_orders',
]);

export function kpiDef(name: string): KpiDefinition | undefined {
  return KPI_BY_NAME.get(name);
}

export function kpiInfo(def: KpiDefinition): KpiInfo {
  return {
    name: def.name,
    title: def.title,
    unit: def.unit,
    description: def.description,
    ...(def.numerator ? { numerator: def.numerator.description } : {}),
    ...(def.denominator ? { denominator: def.denominator.description } : {}),
    ...(def.numerator?.unit ? { numeratorUnit: def.numerator.unit } : {}),
    ...(def.denominator?.unit ? { denominatorUnit: def.denominator.unit } : {}),
    dimensions: [...def.dimensions],
    lowerIsBetter: LOWER_IS_BETTER.has(def.name),
  };
}

/**
 * Drill paths: a bar of the first level opens the second (category → sku, segment →
 * customer); the last level opens the records. Which paths a KPI has follows from its
 * catalogue `dimensions`.
 */
export const DRILL_PATHS: readonly (readonly Dimension[])[] = [
  ['category', 'sku'],
  ['segment', 'customer_id'],
  ['carrier'],
  ['warehouse'],
  ['stage'],
  ['had_backorder'],
];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  category: 'Category',
  sku: 'SKU',
  segment: 'Segment',
  tier: 'Tier',
  region: 'Region',
  customer_id: 'Customer',
  channel: 'Channel',
  warehouse: 'Warehouse',
  carrier: 'Carrier',
  supplier_id: 'Supplier',
  had_backorder: 'Had a backorder',
  stage: 'Stage',
};

const single = (f: Filters, d: Dimension) => f.dims[d]?.length === 1;

/** The breakdowns a KPI page shows: the current level of up to `max` drill paths. */
export function breakdowns(def: KpiDefinition, f: Filters, max = 2): { dim: Dimension; path: readonly Dimension[] }[] {
  const out: { dim: Dimension; path: readonly Dimension[] }[] = [];
  for (const path of DRILL_PATHS) {
    const dims = path.filter((d) => def.dimensions.includes(d));
    if (dims.length === 0 || dims[0] !== path[0]) continue;
    const next = dims.find((d) => !single(f, d));
    if (next) out.push({ dim: next, path: dims });
    if (out.length === max) break;
  }
  return out;
}

/** Drill filters applied on a KPI page, in drill order, for the breadcrumb. */
export function appliedDrill(def: KpiDefinition, f: Filters): { dim: Dimension; value: string; path: readonly Dimension[] }[] {
  const out: { dim: Dimension; value: string; path: readonly Dimension[] }[] = [];
  for (const path of DRILL_PATHS) {
    for (const dim of path) {
      const values = f.dims[dim];
      if (values && def.dimensions.includes(dim)) out.push({ dim, value: values.join(', '), path });
    }
  }
  return out;
}

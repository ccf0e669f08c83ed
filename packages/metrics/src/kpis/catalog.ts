import { CUSTOMER_DIMS, PRODUCT_DIMS, type Dimension, type Grain } from './dimensions.js';

/**
 * Every KPI of shared/spec/metrics.md (plus `stalled_orders`), declared once as data.
 * `value`, `numerator` and `denominator` are arithmetic over named measures; each measure
 * is an aggregate of one fact family (see compiler/families). The API, dashboard, PDFs
 * and alerts all go through the compiler with these definitions.
 */
export type Unit = 'count' | 'currency' | 'ratio' | 'units' | 'days' | 'score' | 'nps' | 'times';

/** One side of a ratio: arithmetic over measures; `unit: 'currency'` rounds it to 4 decimals. */
export interface Part {
  expr: string;
  description: string;
  unit?: Unit;
}

export interface KpiDefinition {
  name: string;
  title: string;
  unit: Unit;
  /** The formula in words. */
  description: string;
  /** For ratios and means: arithmetic over measures, and what it counts in words. */
  numerator?: Part;
  denominator?: Part;
  /** For non-ratios: arithmetic over measures. */
  value?: string;
  /** value = scale * numerator / denominator (100 for nps). */
  scale?: number;
  dimensions: readonly Dimension[];
  grains: readonly Grain[];
  /** Which rows `/records` returns. */
  records: 'lines' | 'orders' | 'stock' | 'stock_moves' | 'stock_counts' | 'feedback' | 'customers' | 'shipments';
}

const ALL_GRAINS = ['total', 'hour', 'day', 'week', 'month'] as const satisfies readonly Grain[];
const DAY_GRAINS = ['total', 'day', 'week', 'month'] as const satisfies readonly Grain[];
const ORDER_DIMS = [...PRODUCT_DIMS, ...CUSTOMER_DIMS, 'channel'] as const satisfies readonly Dimension[];
const STOCK_DIMS = [...PRODUCT_DIMS, 'warehouse'] as const satisfies readonly Dimension[];
const VOC_DIMS = [...CUSTOMER_DIMS, 'had_backorder'] as const satisfies readonly Dimension[];
const SHIPMENT_DIMS = ['carrier', ...CUSTOMER_DIMS, 'channel'] as const satisfies readonly Dimension[];

const orderKpi = (k: Omit<KpiDefinition, 'dimensions' | 'grains' | 'records'> & Partial<KpiDefinition>): KpiDefinition => ({
  dimensions: ORDER_DIMS,
  grains: ALL_GRAINS,
  records: 'lines',
  ...k,
});

export const KPIS: readonly KpiDefinition[] = [
  orderKpi({ name: 'orders', title: 'Orders', unit: 'count', description: 'Count of orders placed in the period.', value: 'orders', records: 'orders' }),
  orderKpi({ name: 'revenue', title: 'Revenue', unit: 'currency', description: 'Sum of qty × unit_price of the lines placed in the period.', value: 'revenue' }),
  orderKpi({
    name: 'backorder_rate',
    title: 'Backorder rate',
    unit: 'ratio',
    description: 'Orders with at least one backordered line, divided by orders placed in the period.',
    numerator: { expr: 'backordered_orders', description: 'orders with a line whose backordered > 0' },
    denominator: { expr: 'orders', description: 'orders placed' },
    records: 'orders',
  }),
  orderKpi({
    name: 'line_backorder_rate',
    title: 'Line backorder rate',
    unit: 'ratio',
    description: 'Lines with backordered units, divided by lines placed in the period.',
    numerator: { expr: 'backordered_lines', description: 'lines whose backordered > 0' },
    denominator: { expr: 'lines', description: 'lines placed' },
  }),
  orderKpi({
    name: 'fill_rate',
    title: 'Fill rate',
    unit: 'ratio',
    description: '1 − backordered units / units ordered: the share of units shipped complete from stock.',
    numerator: { expr: 'units - backordered_units', description: 'units not backordered' },
    denominator: { expr: 'units', description: 'units ordered' },
  }),
  orderKpi({
    name: 'open_backorder_units',
    title: 'Open backorder units',
    unit: 'units',
    description: 'Backordered units neither filled nor cancelled, as of now, of orders placed in the period.',
    value: 'open_backorder_units',
  }),
  orderKpi({
    name: 'open_backorder_value',
    title: 'Open backorder value',
    unit: 'currency',
    description: 'Open backorder units × unit_price, as of now, of orders placed in the period.',
    value: 'open_backorder_value',
  }),
  orderKpi({
    name: 'backorder_age_days',
    title: 'Backorder age',
    unit: 'days',
    description: 'Mean age (now − placement, in days) of the lines with open backorders.',
    numerator: { expr: 'open_backorder_age_days', description: 'sum of ages in days of lines with open backorders' },
    denominator: { expr: 'open_backorder_lines', description: 'lines with open backorders' },
  }),
  orderKpi({
    name: 'lost_sales',
    title: 'Lost sales',
    unit: 'currency',
    description: 'Cancelled backordered units × unit_price.',
    value: 'lost_sales',
  }),
  orderKpi({
    name: 'lost_margin',
    title: 'Lost margin',
    unit: 'currency',
    description: 'Cancelled backordered units × (unit_price − unit_cost).',
    value: 'lost_margin',
  }),
  orderKpi({
    name: 'expedite_cost',
    title: 'Expedite cost',
    unit: 'currency',
    description: 'expedite_cost of shipments with backorder = true for orders placed in the period.',
    value: 'expedite_cost',
    dimensions: [...ORDER_DIMS, 'carrier'],
    records: 'shipments',
  }),
  orderKpi({
    name: 'backorder_cost',
    title: 'Backorder cost',
    unit: 'currency',
    description: 'Lost margin + expedite cost.',
    value: 'lost_margin + expedite_cost',
  }),
  orderKpi({
    name: 'backorder_cost_pct',
    title: 'Backorder cost %',
    unit: 'ratio',
    description: 'Backorder cost divided by revenue.',
    numerator: { expr: 'lost_margin + expedite_cost', description: 'backorder cost (lost margin + expedite cost)', unit: 'currency' },
    denominator: { expr: 'revenue', description: 'revenue', unit: 'currency' },
  }),
  orderKpi({
    name: 'cancellation_rate',
    title: 'Cancellation rate',
    unit: 'ratio',
    description: 'Orders whose latest status is cancelled, divided by orders placed in the period.',
    numerator: { expr: 'cancelled_orders', description: 'orders whose latest status is cancelled' },
    denominator: { expr: 'orders', description: 'orders placed' },
    records: 'orders',
  }),
  {
    name: 'on_hand_units',
    title: 'On-hand units',
    unit: 'units',
    description: 'Units on hand at the end of the period (now, if the period is open).',
    value: 'on_hand_units',
    dimensions: STOCK_DIMS,
    grains: ALL_GRAINS,
    records: 'stock',
  },
  {
    name: 'inventory_value',
    title: 'Inventory value',
    unit: 'currency',
    description: 'On-hand units × unit_cost at the end of the period (now, if the period is open).',
    value: 'inventory_value',
    dimensions: STOCK_DIMS,
    grains: ALL_GRAINS,
    records: 'stock',
  },
  {
    name: 'cogs',
    title: 'Cost of goods sold',
    unit: 'currency',
    description: 'Sum of −qty_delta × unit_cost of stock movements with reason sale in the period.',
    value: 'cogs',
    dimensions: STOCK_DIMS,
    grains: ALL_GRAINS,
    records: 'stock_moves',
  },
  {
    name: 'avg_inventory_value',
    title: 'Average inventory value',
    unit: 'currency',
    description: 'Mean over the days of the period of the end-of-day inventory value.',
    numerator: { expr: 'inventory_value_day_sum', description: 'sum of end-of-day inventory values', unit: 'currency' },
    denominator: { expr: 'inventory_days', description: 'days in the period' },
    dimensions: STOCK_DIMS,
    grains: DAY_GRAINS,
    records: 'stock',
  },
  {
    name: 'inventory_turnover',
    title: 'Inventory turnover',
    unit: 'times',
    description: 'COGS divided by average inventory value.',
    numerator: { expr: 'cogs', description: 'cost of goods sold in the period', unit: 'currency' },
    denominator: { expr: 'inventory_value_day_sum / inventory_days', description: 'average inventory value', unit: 'currency' },
    dimensions: STOCK_DIMS,
    grains: DAY_GRAINS,
    records: 'stock',
  },
  {
    name: 'days_of_inventory',
    title: 'Days of inventory',
    unit: 'days',
    description: 'Days in the period divided by inventory turnover.',
    numerator: { expr: 'inventory_days', description: 'days in the period' },
    denominator: { expr: 'cogs / (inventory_value_day_sum / inventory_days)', description: 'inventory turnover' },
    dimensions: STOCK_DIMS,
    grains: DAY_GRAINS,
    records: 'stock',
  },
  {
    name: 'stock_to_sales',
    title: 'Stock-to-sales ratio',
    unit: 'ratio',
    description: 'Inventory value at the end of the period divided by revenue in the period.',
    numerator: { expr: 'inventory_value', description: 'inventory value at the end of the period', unit: 'currency' },
    denominator: { expr: 'revenue', description: 'revenue in the period', unit: 'currency' },
    dimensions: PRODUCT_DIMS,
    grains: ALL_GRAINS,
    records: 'stock',
  },
  {
    name: 'below_reorder_point',
    title: 'SKUs at or below reorder point',
    unit: 'count',
    description: 'Products with reorder_point > 0 whose on-hand over all warehouses is <= reorder_point, at the end of the period.',
    value: 'below_reorder_point',
    dimensions: PRODUCT_DIMS,
    grains: ALL_GRAINS,
    records: 'stock',
  },
  {
    name: 'stock_discrepancy_rate',
    title: 'Stock discrepancy rate',
    unit: 'ratio',
    description: 'Stock counts whose counted_qty differs from the on-hand before the count, divided by counts in the period.',
    numerator: { expr: 'discrepant_counts', description: 'counts that differ from the on-hand before them' },
    denominator: { expr: 'counts', description: 'stock counts' },
    dimensions: STOCK_DIMS,
    grains: ALL_GRAINS,
    records: 'stock_counts',
  },
  {
    name: 'nps',
    title: 'Net Promoter Score',
    unit: 'nps',
    description: '100 × (responses with nps 9..10 − responses with nps 0..6) / responses with nps, by submission period.',
    numerator: { expr: 'promoters - detractors', description: 'promoters (9..10) minus detractors (0..6)' },
    denominator: { expr: 'nps_responses', description: 'responses with an nps' },
    scale: 100,
    dimensions: VOC_DIMS,
    grains: ALL_GRAINS,
    records: 'feedback',
  },
  {
    name: 'sentiment',
    title: 'Sentiment',
    unit: 'score',
    description: 'Mean AFINN-165 comparative sentiment score of feedback texts.',
    numerator: { expr: 'sentiment_sum', description: 'sum of sentiment scores' },
    denominator: { expr: 'texts', description: 'feedback texts' },
    dimensions: VOC_DIMS,
    grains: ALL_GRAINS,
    records: 'feedback',
  },
  {
    name: 'negative_feedback_share',
    title: 'Negative feedback share',
    unit: 'ratio',
    description: 'Feedback texts with a sentiment score below 0, divided by feedback texts.',
    numerator: { expr: 'negative_texts', description: 'texts with score < 0' },
    denominator: { expr: 'texts', description: 'feedback texts' },
    dimensions: VOC_DIMS,
    grains: ALL_GRAINS,
    records: 'feedback',
  },
  {
    name: 'retention_rate',
    title: 'Retention rate',
    unit: 'ratio',
    description: 'Customers with an order in the previous period of equal length who also ordered in this one, divided by customers with an order in the previous period.',
    numerator: { expr: 'retained_customers', description: 'customers who ordered in the previous period and in this one' },
    denominator: { expr: 'previous_customers', description: 'customers who ordered in the previous period' },
    dimensions: ['segment', 'tier', 'region', 'had_backorder'],
    grains: DAY_GRAINS,
    records: 'customers',
  },
  {
    name: 'on_time_delivery_rate',
    title: 'On-time delivery rate',
    unit: 'ratio',
    description: 'Shipments delivered in the period whose delivery date (UTC) is on or before promised_date, divided by shipments delivered in the period.',
    numerator: { expr: 'on_time_shipments', description: 'shipments delivered on or before promised_date' },
    denominator: { expr: 'delivered_shipments', description: 'shipments delivered' },
    dimensions: SHIPMENT_DIMS,
    grains: ALL_GRAINS,
    records: 'shipments',
  },
  {
    name: 'delayed_shipments',
    title: 'Delayed shipments',
    unit: 'count',
    description: 'Shipments not yet delivered whose latest status is delayed or whose eta is after promised_date, as of now (period filters by dispatch).',
    value: 'delayed_shipments',
    dimensions: SHIPMENT_DIMS,
    grains: ALL_GRAINS,
    records: 'shipments',
  },
  {
    name: 'stalled_orders',
    title: 'Stalled orders',
    unit: 'count',
    description: 'Orders placed in the period that have been in their current stage longer than its limit, as of now (placed 24 h, confirmed 24 h, in_preparation 48 h, packed 24 h, shipped 7 days).',
    value: 'stalled_orders',
    dimensions: ['stage', ...CUSTOMER_DIMS, 'channel'],
    grains: ALL_GRAINS,
    records: 'orders',
  },
];

export const KPI_BY_NAME: ReadonlyMap<string, KpiDefinition> = new Map(KPIS.map((k) => [k.name, k]));

/** Default stage limits of metrics.md "Order monitoring", in hours. */
export const DEFAULT_STAGE_LIMIT_HOURS: Readonly<Record<string, number>> = {
  placed: 24,
  confirmed: 24,
  in_preparation: 48,
  packed: 24,
  shipped: 7 * 24,
};

/** The owner's overview tiles, in display order (dashboard, live stream, reports). */
export const OVERVIEW_KPIS = [
  'backorder_rate',
  'fill_rate',
  'open_backorder_value',
  'backorder_cost_pct',
  'inventory_turnover',
  'nps',
  'on_time_delivery_rate',
  'cancellation_rate',
] as const;

import { inventoryCases } from './expected-inventory.js';
import { midFlowCases, orderCases } from './expected-orders.js';
import { logisticsCases, voiceCases } from './expected-voice-logistics.js';
import type { GoldenCase } from './golden-case.js';

/**
 * Every golden expectation, worked by hand from shared/spec/metrics.md as read by
 * docs/metrics.md. The arithmetic is in each case's `why` (and the tables at the top
 * of each expected-*.ts file). Each KPI has a `grain=total` case over an explicit
 * window, at least one `by` split and at least one time grain.
 */

/** Every KPI of metrics.md, plus `stalled_orders` (docs/metrics.md extension). */
export const KPI_NAMES = [
  'orders',
  'revenue',
  'backorder_rate',
  'line_backorder_rate',
  'fill_rate',
  'open_backorder_units',
  'open_backorder_value',
  'backorder_age_days',
  'lost_sales',
  'lost_margin',
  'expedite_cost',
  'backorder_cost',
  'backorder_cost_pct',
  'cancellation_rate',
  'on_hand_units',
  'inventory_value',
  'cogs',
  'avg_inventory_value',
  'inventory_turnover',
  'days_of_inventory',
  'stock_to_sales',
  'below_reorder_point',
  'stock_discrepancy_rate',
  'nps',
  'sentiment',
  'negative_feedback_share',
  'retention_rate',
  'on_time_delivery_rate',
  'delayed_shipments',
  'stalled_orders',
] as const;

export const goldenCases: GoldenCase[] = [...orderCases, ...inventoryCases, ...voiceCases, ...logisticsCases];

export { midFlowCases };
export type { ExpectedRow, GoldenCase, Kind } from './golden-case.js';

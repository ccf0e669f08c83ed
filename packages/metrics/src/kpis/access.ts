import { KPIS } from './catalog.js';

/** Who may open which KPI and page (docs/auth.md). Checked where data is read. */
export const ROLES = ['owner', 'finance', 'marketing', 'warehouse', 'purchasing', 'sales', 'customer_service', 'logistics', 'supplier', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PAGES = ['overview', 'finance', 'marketing', 'operations', 'admin'] as const;
export type Page = (typeof PAGES)[number];

/** Amounts of money: finance data. */
const MONEY = ['revenue', 'open_backorder_value', 'lost_sales', 'lost_margin', 'expedite_cost', 'backorder_cost', 'backorder_cost_pct', 'inventory_value', 'cogs', 'avg_inventory_value', 'inventory_turnover', 'days_of_inventory', 'stock_to_sales'];
const ORDER_RATES = ['orders', 'backorder_rate', 'line_backorder_rate', 'fill_rate', 'open_backorder_units', 'backorder_age_days', 'cancellation_rate'];
const VOICE = ['nps', 'sentiment', 'negative_feedback_share', 'retention_rate'];
const OPERATIONS = ['on_hand_units', 'below_reorder_point', 'stock_discrepancy_rate', 'on_time_delivery_rate', 'delayed_shipments', 'stalled_orders'];
const ALL = KPIS.map((k) => k.name);
const OPS_ROLE = { pages: ['overview', 'operations'] as Page[], kpis: [...ORDER_RATES, ...OPERATIONS] };

export const ROLE_ACCESS: Readonly<Record<Role, { pages: readonly Page[]; kpis: readonly string[] }>> = {
  owner: { pages: ['overview', 'finance', 'marketing', 'operations'], kpis: ALL },
  admin: { pages: PAGES, kpis: ALL },
  finance: { pages: ['overview', 'finance'], kpis: [...ORDER_RATES, ...MONEY, 'on_hand_units', 'below_reorder_point'] },
  marketing: { pages: ['overview', 'marketing'], kpis: [...ORDER_RATES, ...VOICE] },
  warehouse: OPS_ROLE,
  purchasing: OPS_ROLE,
  sales: OPS_ROLE,
  customer_service: OPS_ROLE,
  logistics: OPS_ROLE,
  supplier: { pages: [], kpis: [] },
};

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

export function kpisFor(roles: readonly string[]): Set<string> {
  return new Set(roles.filter(isRole).flatMap((r) => ROLE_ACCESS[r].kpis));
}

export function pagesFor(roles: readonly string[]): Set<Page> {
  return new Set(roles.filter(isRole).flatMap((r) => ROLE_ACCESS[r].pages));
}

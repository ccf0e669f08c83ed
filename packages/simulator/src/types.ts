/** The simulator's own picture of the business (the "truth" behind the events). */

export const WAREHOUSES = ['main', 'east'] as const;
export type Warehouse = (typeof WAREHOUSES)[number];
export type Segment = 'retail' | 'wholesale' | 'enterprise';

export interface Supplier {
  id: string;
  name: string;
  email: string;
  leadDays: number;
  /** Probability that a purchase order arrives on time. */
  reliability: number;
}

export interface Product {
  /** Position in the catalog; stock keys are `index * 2 + warehouse`. */
  index: number;
  sku: string;
  name: string;
  category: string;
  cost: number;
  price: number;
  supplier: Supplier;
  reorderPoint: number;
  reorderQty: number;
  alternatives: string[] | undefined;
  /** Relative popularity among order lines (before promotions). */
  weight: number;
  /** Planned units a day (what purchasing sized the reorder point on). */
  plannedDaily: number;
  /** B2B line quantities are capped so one buyer does not empty a slow item. */
  bulkCap: number;
  /** Set for products launched during the run (their catalog record comes late). */
  launchAt: number | null;
}

export interface Customer {
  id: string;
  name: string;
  segment: Segment;
  tier: 'high_value' | 'standard';
  region: string;
  email: string;
  warehouse: number;
  /** The CRM sync lags for a few customers: their record arrives after their first order. */
  lateSync: boolean;
  synced: boolean;
}

export interface Line {
  product: Product;
  key: number;
  qty: number;
  price: number;
  promisedDate: string;
  /** Units reserved from stock and not shipped yet. */
  alloc: number;
  /** Of `alloc`, units that were backordered first (their shipment is a backorder shipment). */
  boAlloc: number;
  /** Backordered units still waiting for stock. */
  pending: number;
  backordered: number;
  shipped: number;
}

export type Stage = 'placed' | 'confirmed' | 'in_preparation' | 'packed' | 'shipped' | 'delivered' | 'cancelled';

export interface Order {
  id: string;
  customer: Customer;
  warehouse: number;
  placedAt: number;
  source: string;
  lines: Line[];
  stage: Stage;
  /** An action that will move this order forward is already scheduled. */
  busy: boolean;
  /** Units taken back from the order whose `order.backordered` is not recorded yet. */
  limbo: number;
  shipmentsOut: number;
  shipments: number;
  hadBackorder: boolean;
  late: boolean;
  patienceWatch: boolean;
}

export function orderHasAlloc(order: Order): boolean {
  for (const l of order.lines) if (l.alloc > 0) return true;
  return false;
}

export function orderPending(order: Order): number {
  let n = 0;
  for (const l of order.lines) n += l.pending;
  return n;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

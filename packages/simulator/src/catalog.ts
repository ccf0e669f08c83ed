import type { EventData } from '@stockpulse/metrics';
import { meanLinesPerOrder, plannedDailyUnits } from './demand.js';
import { BRANDS, CATEGORIES, SUPPLIER_PREFIXES, SUPPLIER_SUFFIXES, slug, type CategorySpec } from './names.js';
import type { Rng } from './rng.js';
import { DAY, HOUR } from './time.js';
import { round2, type Product, type Supplier } from './types.js';

/**
 * Suppliers and products. Built from a seed-only random stream, so the same seed gives the
 * same catalog whatever the start date (re-running a demo upserts the same products).
 */

export const SUPPLIER_COUNT = 20;

/** Electronics and toys come from overseas (long lead times); most others are regional. */
const OVERSEAS = new Set(['Electronics', 'Toys']);

export function buildSuppliers(rng: Rng): Supplier[] {
  const suppliers: Supplier[] = [];
  const used = new Set<string>();
  for (let i = 0; i < SUPPLIER_COUNT; i++) {
    const category = CATEGORIES[i % CATEGORIES.length] as CategorySpec;
    let name = '';
    do name = `${rng.pick(SUPPLIER_PREFIXES)} ${category.name} ${rng.pick(SUPPLIER_SUFFIXES)}`;
    while (used.has(name));
    used.add(name);
    const leadDays = OVERSEAS.has(category.name) ? rng.int(18, 30) : rng.chance(0.75) ? rng.int(3, 10) : rng.int(11, 21);
    suppliers.push({
      id: `SUP-${String(i + 1).padStart(3, '0')}`,
      name,
      email: `orders@${slug(name)}.example`,
      leadDays,
      reliability: rng.between(0.6, 0.95),
    });
  }
  return suppliers;
}

function productName(rng: Rng, category: CategorySpec, used: Set<string>): string {
  for (;;) {
    const variant = rng.chance(0.8) ? ` ${rng.pick(category.variants)}` : '';
    const name = `${rng.pick(BRANDS)} ${rng.pick(category.nouns)}${variant}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** Shelf prices end in .99/.49/.95, like real ones. */
function shelfPrice(rng: Rng, [min, max]: [number, number]): number {
  const base = Math.floor(rng.logBetween(min, max));
  return round2(Math.max(1, base) + rng.pick([0.99, 0.49, 0.95]));
}

interface CatalogPlan {
  ordersPerDay: number;
  count: number;
  /** Products launched during the run (their catalog record arrives after their first orders). */
  launches: number;
  start: number;
}

export function buildProducts(rng: Rng, suppliers: Supplier[], plan: CatalogPlan): Product[] {
  const used = new Set<string>();
  const perCategory = new Map<string, number>();
  // Popularity follows a Zipf-like curve over a random ranking: a few bestsellers, a long tail.
  const ranks = rng.shuffle(Array.from({ length: plan.count }, (_, i) => i));
  const weights = ranks.map((r) => 1 / (r + 8) ** 1.05);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const linesPerDay = plan.ordersPerDay * meanLinesPerOrder();
  const products: Product[] = [];
  for (let i = 0; i < plan.count; i++) {
    const category = CATEGORIES[i % CATEGORIES.length] as CategorySpec;
    const n = (perCategory.get(category.code) ?? 1000) + 1;
    perCategory.set(category.code, n);
    const supplierChoices = suppliers.filter((_, s) => s % CATEGORIES.length === i % CATEGORIES.length);
    const supplier = rng.pick(supplierChoices.length > 0 ? supplierChoices : suppliers);
    const price = shelfPrice(rng, category.price);
    const weight = weights[i] as number;
    const share = weight / totalWeight;
    // A business buyer takes at most ~a week of an item's line flow in one line.
    const bulkCap = Math.max(3, Math.ceil(linesPerDay * share * 6));
    const plannedDaily = plannedDailyUnits(plan.ordersPerDay, share, bulkCap);
    // Most items are planned with safety stock; some were under-forecast and will run out.
    const safety = rng.chance(0.88) ? rng.between(1.3, 1.8) : rng.between(0.5, 0.9);
    products.push({
      index: i,
      sku: `${category.code}-${n}`,
      name: productName(rng, category, used),
      category: category.name,
      cost: round2(price * rng.between(0.42, 0.7)),
      price,
      supplier,
      reorderPoint: Math.max(2, Math.ceil(plannedDaily * (supplier.leadDays + 1) * safety)),
      reorderQty: Math.max(6, Math.ceil(plannedDaily * rng.between(10, 24))),
      alternatives: undefined,
      weight,
      plannedDaily,
      bulkCap,
      launchAt: null,
    });
  }
  addAlternatives(rng, products);
  const launchCount = Math.min(plan.launches, products.length);
  for (const p of rng.shuffle([...products]).slice(0, launchCount)) p.launchAt = plan.start + rng.between(1, 20) * DAY + rng.between(8, 11) * HOUR;
  return products;
}

/** 40 % of products list 2–3 alternatives of the same category (what to offer when backordered). */
function addAlternatives(rng: Rng, products: Product[]): void {
  const byCategory = new Map<string, Product[]>();
  for (const p of products) byCategory.set(p.category, [...(byCategory.get(p.category) ?? []), p]);
  for (const p of products) {
    const peers = (byCategory.get(p.category) ?? []).filter((q) => q !== p);
    if (peers.length < 3 || !rng.chance(0.4)) continue;
    p.alternatives = rng.shuffle([...peers]).slice(0, rng.int(2, 3)).map((q) => q.sku);
  }
}

export function productUpserted(p: Product): EventData<'product.upserted'> {
  return {
    sku: p.sku,
    name: p.name,
    category: p.category,
    unit_cost: p.cost,
    unit_price: p.price,
    reorder_point: p.reorderPoint,
    reorder_qty: p.reorderQty,
    lead_time_days: p.supplier.leadDays,
    supplier_id: p.supplier.id,
    ...(p.alternatives ? { alternatives: p.alternatives } : {}),
  };
}

export function supplierUpserted(s: Supplier): EventData<'supplier.upserted'> {
  return { supplier_id: s.id, name: s.name, email: s.email };
}

/** Stock per warehouse follows the customers: `main` serves 3 regions, `east` 2. */
export const WAREHOUSE_SHARE = [0.6, 0.4] as const;

export function warehouseReorderPoint(p: Product, wh: number): number {
  return Math.ceil(p.reorderPoint * (WAREHOUSE_SHARE[wh] ?? 0.5));
}

export function warehouseReorderQty(p: Product, wh: number): number {
  return Math.max(3, Math.ceil(p.reorderQty * (WAREHOUSE_SHARE[wh] ?? 0.5)));
}

/** Categories that products plausibly move between when the catalog team reorganises. */
export const RELATED_CATEGORY: Record<string, string> = {
  Tools: 'Garden',
  Garden: 'Tools',
  Electronics: 'Office',
  Office: 'Electronics',
  Sports: 'Apparel',
  Apparel: 'Sports',
  Toys: 'Sports',
  Kitchen: 'Office',
  Beauty: 'Electronics',
  Pet: 'Garden',
};

import { RELATED_CATEGORY, WAREHOUSE_SHARE, buildProducts, buildSuppliers, productUpserted, supplierUpserted, warehouseReorderPoint, warehouseReorderQty } from './catalog.js';
import { buildCustomers, customerUpserted } from './customers.js';
import { scheduleArrivals } from './orders.js';
import { Purchasing, createPurchaseOrder, schedulePlanning } from './purchasing.js';
import { Rng, WeightedTable } from './rng.js';
import { StockBook, moveStock, scheduleWarehouseDay, stockKey } from './stock.js';
import { DAY, HOUR, MINUTE, dayStart } from './time.js';
import { round2, type Product } from './types.js';
import type { World } from './world.js';

/** Builds the business into an empty world and schedules everything that runs by itself. */
export function setUpWorld(w: World): void {
  const { seed, scale, start } = w.cfg;
  // Seed-only stream: the catalog and customers do not change with the start date.
  const master = new Rng(`catalog:${seed}:${scale}`);
  w.suppliers = buildSuppliers(master);
  w.products = buildProducts(master, w.suppliers, {
    ordersPerDay: w.cfg.ordersPerDay,
    count: w.cfg.products,
    launches: Math.max(1, Math.round(w.cfg.products / 100)),
    start,
  });
  const pool = buildCustomers(master, w.cfg.customers);
  w.customers = pool.customers;
  w.customerTables = pool.tables;
  w.demandWeights = Float64Array.from(w.products, (p) => (p.launchAt === null ? p.weight : 0));
  w.demand = new WeightedTable(w.demandWeights);
  w.stock = new StockBook(w.products.length * 2);
  w.purchasing = new Purchasing(w.products.length * 2);

  w.at(start, () => openTheShop(w));
  for (const p of w.products) if (p.launchAt !== null) scheduleLaunch(w, p, p.launchAt);
  scheduleCatalogChanges(w);
  schedulePromotions(w, start + w.rng.between(1, 3) * DAY);
  scheduleWarehouseDay(w, dayStart(start));
  schedulePlanning(w, dayStart(start) + DAY);
  scheduleArrivals(w);
}

/** The first minute: master data, then the opening stock balance of each warehouse. */
function openTheShop(w: World): void {
  for (const s of w.suppliers) w.emit('supplier.upserted', 'erp', supplierUpserted(s));
  for (const p of w.products) if (p.launchAt === null) w.emit('product.upserted', 'erp', productUpserted(p));
  for (const c of w.customers) if (!c.lateSync) w.emit('customer.upserted', 'crm', customerUpserted(c));
  for (const p of w.products) {
    if (p.launchAt !== null) continue;
    for (let wh = 0; wh < WAREHOUSE_SHARE.length; wh++) {
      const opening = Math.round(warehouseReorderPoint(p, wh) * w.rng.between(0.4, 1.2) + warehouseReorderQty(p, wh) * w.rng.between(0, 0.9));
      moveStock(w, stockKey(p, wh), opening, 'adjustment');
    }
  }
}

/**
 * A new product: its first stock arrives on a purchase order placed at the start, it starts
 * selling at launch, and the catalog record only arrives hours later (late master data).
 */
function scheduleLaunch(w: World, p: Product, launchAt: number): void {
  w.at(w.cfg.start + 10 * MINUTE, () => {
    for (let wh = 0; wh < WAREHOUSE_SHARE.length; wh++) {
      const qty = warehouseReorderPoint(p, wh) + warehouseReorderQty(p, wh);
      createPurchaseOrder(w, p.supplier, [{ product: p, key: stockKey(p, wh), qty }], launchAt - w.rng.between(2 * HOUR, 6 * HOUR));
    }
  });
  w.at(launchAt, () => setDemand(w, p, p.weight));
  w.at(launchAt + w.rng.between(3 * HOUR, 30 * HOUR), () => w.emit('product.upserted', 'erp', productUpserted(p)));
}

function setDemand(w: World, p: Product, weight: number): void {
  w.demandWeights[p.index] = weight;
  w.demand.rebuild(w.demandWeights);
}

/** Price reviews and the odd re-categorisation, spread over the first two months. */
function scheduleCatalogChanges(w: World): void {
  const rng = w.rng;
  for (const p of w.products) {
    if (rng.chance(0.03)) {
      w.at(w.cfg.start + rng.between(2, 60) * DAY, () => {
        p.price = round2(Math.max(1, Math.floor(p.price * rng.between(0.85, 1.15))) + 0.99);
        if (p.cost >= p.price) p.cost = round2(p.price * 0.6);
        if (p.launchAt === null || p.launchAt < w.now) w.emit('product.upserted', 'erp', productUpserted(p));
      });
    } else if (rng.chance(0.01)) {
      w.at(w.cfg.start + rng.between(3, 45) * DAY, () => {
        p.category = RELATED_CATEGORY[p.category] ?? p.category;
        if (p.launchAt === null || p.launchAt < w.now) w.emit('product.upserted', 'erp', productUpserted(p));
      });
    }
  }
}

/** Every few days a product goes on promotion: demand jumps for a few days and often outruns stock. */
function schedulePromotions(w: World, at: number): void {
  w.at(at, () => {
    const rng = w.rng;
    const p = w.products[w.demand.pick(rng)] as Product;
    if (w.demandWeights[p.index] === p.weight) {
      setDemand(w, p, p.weight * rng.between(3, 6));
      w.after(rng.between(1.5, 4) * DAY, () => setDemand(w, p, p.weight));
    }
    schedulePromotions(w, w.now + rng.between(2, 5) * DAY);
  });
}

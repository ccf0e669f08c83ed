import { warehouseReorderPoint, warehouseReorderQty } from './catalog.js';
import { moveStock, productOf, stockKey, warehouseOf } from './stock.js';
import { DAY, HOUR, MINUTE, dayStart, isoDate, workingDay } from './time.js';
import { WAREHOUSES, type Product, type Supplier } from './types.js';
import type { World } from './world.js';

/**
 * Replenishment: a nightly planning run orders from suppliers whatever fell to its reorder
 * point (stock position = on hand - promised + on order - backlog), and moves surplus between
 * warehouses when one has backorders the other could cover.
 */

interface PoLine {
  product: Product;
  key: number;
  qty: number;
}

interface OpenPo {
  id: string;
  supplier: Supplier;
  lines: PoLine[];
  /** Day (ms) the supplier confirmed; moves when they announce a delay. */
  expectedDay: number;
}

export class Purchasing {
  /** Open purchase orders per stock key, for expected dates. */
  private readonly open: OpenPo[][];

  constructor(keys: number) {
    this.open = Array.from({ length: keys }, () => []);
  }

  track(po: OpenPo): void {
    for (const l of po.lines) (this.open[l.key] as OpenPo[]).push(po);
  }

  untrack(po: OpenPo, key: number): void {
    const list = this.open[key] as OpenPo[];
    const i = list.indexOf(po);
    if (i >= 0) list.splice(i, 1);
  }

  /** Earliest day stock of `key` is expected from a supplier, if any is on order. */
  expectedDay(key: number): number | undefined {
    let best: number | undefined;
    for (const po of this.open[key] as OpenPo[]) if (best === undefined || po.expectedDay < best) best = po.expectedDay;
    return best;
  }

  expectedDate(key: number): string | undefined {
    const day = this.expectedDay(key);
    return day === undefined ? undefined : isoDate(day);
  }
}

export function schedulePlanning(w: World, day: number): void {
  w.at(day + 4 * HOUR + w.rng.between(0, 30 * MINUTE), () => {
    transferSurplus(w);
    planPurchases(w);
    schedulePlanning(w, dayStart(day) + DAY);
  });
}

function position(w: World, k: number): number {
  const s = w.stock;
  return (s.onHand[k] as number) - (s.reserved[k] as number) + (s.onOrder[k] as number) - (s.backlog[k] as number);
}

function planPurchases(w: World): void {
  for (let wh = 0; wh < WAREHOUSES.length; wh++) {
    const bySupplier = new Map<Supplier, PoLine[]>();
    for (const p of w.products) {
      if (p.launchAt !== null && p.launchAt > w.now) continue;
      const k = stockKey(p, wh);
      const rop = warehouseReorderPoint(p, wh);
      const pos = position(w, k);
      if (pos > rop) continue;
      let qty = warehouseReorderQty(p, wh) + (rop - pos);
      if (qty > 20) qty = Math.ceil(qty / 5) * 5; // suppliers ship in cartons
      bySupplier.set(p.supplier, [...(bySupplier.get(p.supplier) ?? []), { product: p, key: k, qty }]);
    }
    for (const [supplier, lines] of bySupplier) createPurchaseOrder(w, supplier, lines);
  }
}

/** Emits a purchase order and schedules its arrival (on time, early, or late with a notice). */
export function createPurchaseOrder(w: World, supplier: Supplier, lines: PoLine[], arriveAt?: number): void {
  const rng = w.rng;
  const expectedDay = workingDay(arriveAt === undefined ? dayStart(w.now) + supplier.leadDays * DAY : dayStart(arriveAt));
  const po: OpenPo = { id: w.nextId('PO', 5), supplier, lines, expectedDay };
  w.emit('purchase_order.created', 'erp', {
    po_id: po.id,
    supplier_id: supplier.id,
    warehouse: warehouseOf(lines[0]?.key ?? 0),
    lines: lines.map((l) => ({ sku: l.product.sku, qty: l.qty, unit_cost: l.product.cost })),
    expected_date: isoDate(expectedDay),
  });
  for (const l of lines) w.stock.onOrder[l.key] = (w.stock.onOrder[l.key] as number) + l.qty;
  w.purchasing.track(po);
  for (const l of lines) announceEta(w, l.key, isoDate(expectedDay));
  if (arriveAt !== undefined) {
    w.at(arriveAt, () => receive(w, po, po.lines));
    return;
  }
  let day = expectedDay;
  if (!rng.chance(supplier.reliability)) day = workingDay(expectedDay + rng.int(1, 6) * DAY);
  else if (rng.chance(0.08)) day = workingDay(expectedDay - DAY);
  if (day <= dayStart(w.now)) day = workingDay(dayStart(w.now) + DAY);
  if (day > expectedDay) w.at(expectedDay + 9 * HOUR, () => delayNotice(w, po, day));
  w.at(day + rng.between(8 * HOUR, 16 * HOUR), () => receive(w, po, po.lines));
}

/** The supplier says it will be late: waiting customers get a new expected date. */
function delayNotice(w: World, po: OpenPo, newDay: number): void {
  po.expectedDay = newDay;
  for (const l of po.lines) announceEta(w, l.key, isoDate(newDay));
}

/** Tells waiting backorders of `key` their (new) expected date, at most a handful per notice. */
function announceEta(w: World, key: number, date: string): void {
  for (const { order, line } of w.stock.waiting(key, 20)) {
    w.emit('backorder.eta_updated', 'erp', { order_id: order.id, sku: line.product.sku, expected_date: date });
  }
}

function receive(w: World, po: OpenPo, lines: PoLine[]): void {
  const rng = w.rng;
  const rest: PoLine[] = [];
  for (const l of lines) {
    // Sometimes a line comes short; the rest follows a few days later.
    const partial = l.qty >= 10 && rng.chance(0.05) ? Math.floor(l.qty * rng.between(0.5, 0.9)) : l.qty;
    if (partial < l.qty) rest.push({ ...l, qty: l.qty - partial });
    else w.purchasing.untrack(po, l.key);
    w.stock.onOrder[l.key] = (w.stock.onOrder[l.key] as number) - partial;
    moveStock(w, l.key, partial, 'receipt', po.id);
  }
  if (rest.length > 0) {
    const day = workingDay(dayStart(w.now) + rng.int(2, 5) * DAY);
    po.expectedDay = day;
    w.at(day + rng.between(8 * HOUR, 16 * HOUR), () => receive(w, po, rest));
  }
}

/** Backorders in one warehouse while the other sits on surplus: move it overnight. */
function transferSurplus(w: World): void {
  const s = w.stock;
  for (let k = 0; k < s.keys; k++) {
    const backlog = s.backlog[k] as number;
    if (backlog === 0) continue;
    const other = k ^ 1;
    const p = productOf(w, k);
    const surplus = s.physicallyFree(other) - warehouseReorderPoint(p, other & 1);
    const qty = Math.min(surplus, backlog);
    if (qty <= 0) continue;
    moveStock(w, other, -qty, 'transfer');
    s.onOrder[k] = (s.onOrder[k] as number) + qty;
    w.after(w.rng.between(18 * HOUR, 30 * HOUR), () => {
      s.onOrder[k] = (s.onOrder[k] as number) - qty;
      moveStock(w, k, qty, 'transfer');
    });
  }
}

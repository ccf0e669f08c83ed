import { kick } from './fulfilment.js';
import { watchBackorder } from './orders.js';
import { HOUR, DAY, MINUTE, dayStart } from './time.js';
import { WAREHOUSES, type Line, type Order, type Product } from './types.js';
import type { World } from './world.js';

/**
 * The warehouse book per (product, warehouse). `onHand` is what the warehouse system
 * believes (the sum of its stock.moved events); `phantom` are units in that book that are
 * physically gone (shrinkage, misplacement) until a count finds out.
 */

export interface BackorderEntry {
  order: Order;
  line: Line;
}

export class StockBook {
  readonly onHand: Int32Array;
  readonly reserved: Int32Array;
  readonly phantom: Int32Array;
  readonly onOrder: Int32Array;
  /** Backordered units waiting in the queue of each key. */
  readonly backlog: Int32Array;
  private readonly queues: BackorderEntry[][];
  private readonly heads: Int32Array;

  constructor(readonly keys: number) {
    this.onHand = new Int32Array(keys);
    this.reserved = new Int32Array(keys);
    this.phantom = new Int32Array(keys);
    this.onOrder = new Int32Array(keys);
    this.backlog = new Int32Array(keys);
    this.queues = Array.from({ length: keys }, () => []);
    this.heads = new Int32Array(keys);
  }

  /** What the shop shows as available: book stock not yet promised to an order. */
  free(k: number): number {
    return (this.onHand[k] as number) - (this.reserved[k] as number);
  }

  /** Units that are really on the shelf and not promised. */
  physicallyFree(k: number): number {
    return this.free(k) - (this.phantom[k] as number);
  }

  enqueue(k: number, entry: BackorderEntry): void {
    (this.queues[k] as BackorderEntry[]).push(entry);
  }

  /** The oldest still-waiting backorder of `k` (cancelled and filled ones are dropped lazily). */
  head(k: number): BackorderEntry | undefined {
    const q = this.queues[k] as BackorderEntry[];
    let h = this.heads[k] as number;
    while (h < q.length && (q[h] as BackorderEntry).line.pending === 0) h++;
    // Compact once the dead prefix is large: it would keep finished orders alive.
    if (h >= 64 && h * 2 > q.length) {
      q.splice(0, h);
      h = 0;
    }
    this.heads[k] = h;
    return q[h];
  }

  waiting(k: number, limit: number): BackorderEntry[] {
    const q = this.queues[k] as BackorderEntry[];
    const out: BackorderEntry[] = [];
    for (let i = this.heads[k] as number; i < q.length && out.length < limit; i++) {
      const e = q[i] as BackorderEntry;
      if (e.line.pending > 0) out.push(e);
    }
    return out;
  }
}

export const stockKey = (p: Product, wh: number): number => p.index * 2 + wh;
export const warehouseOf = (k: number): string => WAREHOUSES[k & 1] as string;

export function productOf(w: World, k: number): Product {
  return w.products[k >> 1] as Product;
}

/** Reserves up to `qty` free units for an order line; returns how many it got. */
export function reserve(w: World, k: number, qty: number): number {
  const got = Math.max(0, Math.min(qty, w.stock.free(k)));
  w.stock.reserved[k] = (w.stock.reserved[k] as number) + got;
  return got;
}

/** Gives promised units back (cancellation, amendment); waiting backorders get them first. */
export function unreserve(w: World, k: number, qty: number): void {
  if (qty <= 0) return;
  w.stock.reserved[k] = (w.stock.reserved[k] as number) - qty;
  fillBackorders(w, k);
}

export function moveStock(w: World, k: number, delta: number, reason: 'receipt' | 'return' | 'adjustment' | 'damage' | 'transfer', poId?: string): void {
  const s = w.stock;
  s.onHand[k] = (s.onHand[k] as number) + delta;
  w.emit('stock.moved', 'wms', {
    sku: productOf(w, k).sku,
    qty_delta: delta,
    reason,
    warehouse: warehouseOf(k),
    ...(poId === undefined ? {} : { po_id: poId }),
  });
  if (delta > 0) fillBackorders(w, k);
}

/** Units leave the shelf with a shipment. */
export function shipFromStock(w: World, k: number, qty: number): void {
  const s = w.stock;
  s.onHand[k] = (s.onHand[k] as number) - qty;
  s.reserved[k] = (s.reserved[k] as number) - qty;
  w.emit('stock.moved', 'wms', { sku: productOf(w, k).sku, qty_delta: -qty, reason: 'sale', warehouse: warehouseOf(k) });
}

/** Puts units of a line on the backorder queue of its key. */
export function addBackorder(w: World, order: Order, line: Line, qty: number): void {
  line.pending += qty;
  line.backordered += qty;
  order.hadBackorder = true;
  w.stock.backlog[line.key] = (w.stock.backlog[line.key] as number) + qty;
  w.stock.enqueue(line.key, { order, line });
  watchBackorder(w, order);
  fillBackorders(w, line.key);
}

/** Drops still-waiting units of a line (its order was cancelled). */
export function dropBackorder(w: World, line: Line): void {
  w.stock.backlog[line.key] = (w.stock.backlog[line.key] as number) - line.pending;
  line.pending = 0;
}

/** Allocates free stock to waiting backorders, oldest first. */
export function fillBackorders(w: World, k: number): void {
  const s = w.stock;
  for (let free = s.free(k); free > 0; free = s.free(k)) {
    const entry = s.head(k);
    if (entry === undefined) return;
    const { order, line } = entry;
    const qty = Math.min(free, line.pending);
    line.pending -= qty;
    line.alloc += qty;
    line.boAlloc += qty;
    s.reserved[k] = (s.reserved[k] as number) + qty;
    s.backlog[k] = (s.backlog[k] as number) - qty;
    w.emit('backorder.filled', 'erp', { order_id: order.id, sku: line.product.sku, qty });
    kick(w, order);
  }
}

/**
 * A physical count: the book is set to what is really there. When the book had promised
 * more than that, the most recently promised units become backorders (`order.backordered`
 * arrives a little later, as the order desk learns of it).
 */
export function countStock(w: World, k: number, picking?: Order): void {
  const s = w.stock;
  const before = s.onHand[k] as number;
  let counted = Math.max(0, before - (s.phantom[k] as number));
  // Now and then a count finds more than the book (a return put back without booking).
  if (counted === before && w.rng.chance(0.03)) counted += w.rng.int(1, 2);
  s.onHand[k] = counted;
  s.phantom[k] = 0;
  w.emit('stock.counted', 'wms', { sku: productOf(w, k).sku, counted_qty: counted, warehouse: warehouseOf(k) });
  if (counted > before) fillBackorders(w, k);
  else if ((s.reserved[k] as number) > counted) takeBackPromises(w, k, (s.reserved[k] as number) - counted, picking);
}

function takeBackPromises(w: World, k: number, excess: number, picking?: Order): void {
  const victims: Order[] = picking ? [picking] : [];
  const unpicked: Order[] = [];
  const others: Order[] = [];
  for (const o of w.openOrders) {
    if (o === picking) continue;
    (o.stage === 'placed' || o.stage === 'confirmed' ? unpicked : others).push(o);
  }
  // Latest promises are withdrawn first; picked orders only if the book is still short.
  victims.push(...unpicked.reverse(), ...others.reverse());
  for (const order of victims) {
    for (const line of order.lines) {
      if (excess === 0) return;
      if (line.key !== k || line.alloc === 0) continue;
      const take = Math.min(line.alloc, excess);
      line.alloc -= take;
      line.boAlloc = Math.min(line.boAlloc, line.alloc);
      w.stock.reserved[k] = (w.stock.reserved[k] as number) - take;
      excess -= take;
      announceLater(w, order, line, take);
    }
  }
}

/** The order desk records a backorder found after placement, minutes to hours later. */
export function announceLater(w: World, order: Order, line: Line, qty: number): void {
  order.limbo += qty;
  w.after(w.rng.between(15 * MINUTE, 3 * HOUR), () => {
    order.limbo -= qty;
    if (order.stage === 'cancelled') return;
    const expected = w.purchasing.expectedDate(line.key);
    const data = { order_id: order.id, sku: line.product.sku, qty };
    w.emit('order.backordered', 'erp', w.rng.chance(0.6) && expected !== undefined ? { ...data, expected_date: expected } : data);
    addBackorder(w, order, line, qty);
  });
}

/** At picking, a bin the book calls full may be empty: the picker counts it on the spot. */
export function checkBins(w: World, order: Order): void {
  for (const line of order.lines) {
    if (line.alloc > 0 && (w.stock.phantom[line.key] as number) > 0) countStock(w, line.key, order);
  }
}

/** Daily warehouse life: cycle counts in the morning, shrinkage, damage and corrections. */
export function scheduleWarehouseDay(w: World, day: number): void {
  w.at(day + 5 * HOUR, () => {
    const keys = w.stock.keys;
    const counts = Math.max(1, Math.round(keys * 0.03));
    for (let i = 0; i < counts; i++) {
      const k = w.rng.int(0, keys - 1);
      if (isStocked(w, k)) w.after(w.rng.between(2 * HOUR, 6 * HOUR), () => countStock(w, k));
    }
    for (let k = 0; k < keys; k++) if (isStocked(w, k)) shelfIncidents(w, k);
    scheduleWarehouseDay(w, dayStart(day) + DAY);
  });
}

function isStocked(w: World, k: number): boolean {
  const launch = productOf(w, k).launchAt;
  return launch === null || launch <= w.now;
}

function shelfIncidents(w: World, k: number): void {
  const rng = w.rng;
  const free = w.stock.physicallyFree(k);
  if (free > 0 && rng.chance(0.006)) {
    // Unrecorded loss: the book keeps showing these units.
    w.stock.phantom[k] = (w.stock.phantom[k] as number) + Math.min(free, rng.int(1, 2));
  } else if (free > 0 && rng.chance(0.004)) {
    const qty = Math.min(free, rng.int(1, 3));
    w.after(rng.between(3 * HOUR, 15 * HOUR), () => {
      if (w.stock.physicallyFree(k) >= qty) moveStock(w, k, -qty, 'damage');
    });
  } else if (rng.chance(0.0015)) {
    const delta = free > 0 && rng.chance(0.5) ? -1 : 1;
    w.after(rng.between(3 * HOUR, 15 * HOUR), () => {
      if (delta > 0 || w.stock.physicallyFree(k) > 0) moveStock(w, k, delta, 'adjustment');
    });
  }
}

import { customerUpserted, pickCustomer } from './customers.js';
import { nextArrival, pickLineCount, pickQty, pickSegment } from './demand.js';
import { scheduleFeedback } from './feedback.js';
import { kick } from './fulfilment.js';
import { addBackorder, announceLater, dropBackorder, reserve, stockKey, unreserve } from './stock.js';
import { DAY, HOUR, MINUTE, addDeliveryDays, isoDate } from './time.js';
import { orderPending, round2, WAREHOUSES, type Customer, type Line, type Order, type Product, type Segment } from './types.js';
import type { World } from './world.js';

const CHANNELS: Record<Segment, readonly (readonly [string, number])[]> = {
  retail: [['web', 50], ['mobile', 35], ['marketplace', 15]],
  wholesale: [['web', 45], ['phone', 35], ['marketplace', 20]],
  enterprise: [['phone', 50], ['web', 50]],
};
const SOURCE_BY_CHANNEL: Record<string, string> = { web: 'shop-eu', mobile: 'shop-eu', marketplace: 'marketplace-hub', phone: 'erp' };
/** Business customers negotiate prices. */
const DISCOUNT: Record<Segment, number> = { retail: 1, wholesale: 0.9, enterprise: 0.85 };
/** Share of short lines the shop still showed as in stock: the shortage is reported later. */
const STALE_SHOP_STOCK = 0.2;

export function scheduleArrivals(w: World): void {
  const model = { ordersPerDay: w.cfg.ordersPerDay, start: w.cfg.start, seed: w.cfg.seed };
  const arrive = (): void => {
    placeOrder(w);
    w.at(nextArrival(w.rng, model, w.now), arrive);
  };
  w.at(nextArrival(w.rng, model, w.now), arrive);
}

/** The shop promises delivery in working days (no Sunday deliveries). */
function promisedDate(t: number, days: number): string {
  return isoDate(addDeliveryDays(t, days));
}

function pickProducts(w: World, count: number): Product[] {
  const picked: Product[] = [];
  for (let tries = 0; picked.length < count && tries < count * 4; tries++) {
    const p = w.products[w.demand.pick(w.rng)] as Product;
    if (!picked.includes(p)) picked.push(p);
  }
  return picked;
}

interface Short {
  line: Line;
  short: number;
  /** The shop did not know: the line shows no backorder, `order.backordered` follows. */
  stale: boolean;
}

function buildLine(w: World, order: Order, p: Product): Short {
  const segment = order.customer.segment;
  const qty = pickQty(w.rng, segment, p.bulkCap);
  const key = stockKey(p, order.warehouse);
  const alloc = reserve(w, key, qty);
  const short = qty - alloc;
  const stale = short > 0 && w.rng.chance(STALE_SHOP_STOCK);
  let promised = promisedDate(w.now, segment === 'retail' ? 4 : 5);
  if (short > 0 && !stale) {
    const expected = w.purchasing.expectedDay(key) ?? w.now + (p.supplier.leadDays + 2) * DAY;
    promised = promisedDate(Math.max(expected, w.now), 3);
  }
  const line: Line = { product: p, key, qty, price: round2(p.price * DISCOUNT[segment]), promisedDate: promised, alloc, boAlloc: 0, pending: 0, backordered: 0, shipped: 0 };
  return { line, short, stale };
}

function newOrder(w: World, customer: Customer, source: string): Order {
  return {
    id: w.nextId('SO'),
    customer,
    warehouse: customer.warehouse,
    placedAt: w.now,
    source,
    lines: [],
    stage: 'placed',
    busy: false,
    limbo: 0,
    shipmentsOut: 0,
    shipments: 0,
    hadBackorder: false,
    late: false,
    patienceWatch: false,
  };
}

function placeOrder(w: World): void {
  const rng = w.rng;
  const segment = pickSegment(rng, w.now);
  const customer = pickCustomer(rng, w.customerTables, segment);
  const channel = rng.weighted(CHANNELS[segment]);
  const order = newOrder(w, customer, SOURCE_BY_CHANNEL[channel] ?? 'shop-eu');
  const shorts: Short[] = [];
  for (const p of pickProducts(w, pickLineCount(rng, segment))) {
    const built = buildLine(w, order, p);
    order.lines.push(built.line);
    if (built.short > 0) shorts.push(built);
  }
  w.emit('order.placed', order.source, {
    order_id: order.id,
    customer_id: customer.id,
    channel,
    warehouse: WAREHOUSES[order.warehouse],
    lines: order.lines.map((l) => {
      const s = shorts.find((x) => x.line === l);
      return { sku: l.product.sku, qty: l.qty, unit_price: l.price, backordered_qty: s && !s.stale ? s.short : 0, promised_date: l.promisedDate };
    }),
  });
  w.openOrders.add(order);
  for (const s of shorts) {
    if (s.stale) announceLater(w, order, s.line, s.short);
    else addBackorder(w, order, s.line, s.short);
  }
  if (customer.lateSync && !customer.synced) {
    customer.synced = true;
    w.after(rng.between(10 * MINUTE, 8 * HOUR), () => w.emit('customer.upserted', 'crm', customerUpserted(customer)));
  }
  scheduleLifecycle(w, order);
}

function scheduleLifecycle(w: World, order: Order): void {
  const rng = w.rng;
  const manual = order.source === 'erp' || order.customer.segment !== 'retail';
  // A few orders hang in payment review for over a day (stalled in `placed`).
  const delay = rng.chance(0.004) ? rng.between(25 * HOUR, 40 * HOUR) : manual ? rng.between(10 * MINUTE, 90 * MINUTE) : rng.between(MINUTE, 15 * MINUTE);
  w.after(delay, () => confirm(w, order));
  if (rng.chance(0.008)) w.after(rng.between(30 * MINUTE, 10 * HOUR), () => {
    if (order.stage === 'placed' || order.stage === 'confirmed') cancelOrder(w, order, 'customer request');
  });
  if (rng.chance(0.025)) w.after(rng.between(15 * MINUTE, 5 * HOUR), () => requestAmendment(w, order));
}

function confirm(w: World, order: Order): void {
  if (order.stage !== 'placed') return;
  order.stage = 'confirmed';
  w.emit('order.status_changed', order.source, { order_id: order.id, status: 'confirmed' });
  kick(w, order);
}

export function cancelOrder(w: World, order: Order, reason: string): void {
  if (order.stage === 'cancelled' || order.stage === 'delivered') return;
  order.stage = 'cancelled';
  w.emit('order.status_changed', order.source, { order_id: order.id, status: 'cancelled', reason });
  w.openOrders.delete(order);
  for (const line of order.lines) {
    if (line.pending > 0) dropBackorder(w, line);
    const alloc = line.alloc;
    line.alloc = 0;
    line.boAlloc = 0;
    unreserve(w, line.key, alloc);
  }
  scheduleFeedback(w, order);
}

const PATIENCE_DAYS: Record<Segment, [number, number]> = { retail: [3, 14], wholesale: [5, 20], enterprise: [8, 30] };

/** Customers wait for backorders only so long; some give up early and buy elsewhere. */
export function watchBackorder(w: World, order: Order): void {
  if (order.patienceWatch) return;
  order.patienceWatch = true;
  const rng = w.rng;
  if (rng.chance(0.06)) {
    w.after(rng.between(3 * HOUR, 36 * HOUR), () => {
      if (orderPending(order) + order.limbo > 0) cancelOrder(w, order, 'customer found an alternative product');
    });
  }
  const [min, max] = PATIENCE_DAYS[order.customer.segment];
  const patience = rng.logBetween(min, max) * DAY * (order.customer.tier === 'high_value' ? 1.3 : 1);
  const check = (): void => {
    if (order.stage === 'cancelled' || order.stage === 'delivered' || orderPending(order) + order.limbo === 0) {
      order.patienceWatch = false;
      return;
    }
    if (rng.chance(order.customer.segment === 'retail' ? 0.6 : 0.4)) cancelOrder(w, order, 'backorder wait too long');
    else w.after(patience / 2, check);
  };
  w.after(patience, check);
}

const DESK = ['m.ionescu (order desk)', 'a.popa (order desk)', 'k.weber (key accounts)'];

/** A customer asks to change a line; the order desk approves if nothing is packed yet and stock allows. */
function requestAmendment(w: World, order: Order): void {
  if (order.stage !== 'placed' && order.stage !== 'confirmed' && order.stage !== 'in_preparation') return;
  const rng = w.rng;
  const line = rng.pick(order.lines);
  const lower = line.alloc - line.boAlloc >= 2 && rng.chance(0.4);
  const delta = lower ? -rng.int(1, line.alloc - line.boAlloc - 1) : rng.int(1, Math.max(1, Math.round(line.qty / 2)));
  const amendment = { order_id: order.id, amendment_id: w.nextId('AM'), lines: [{ sku: line.product.sku, qty_delta: delta, unit_price: line.price }] };
  w.emit('order.amended', order.source, { ...amendment, state: 'requested', requested_by: order.customer.email });
  w.after(rng.between(20 * MINUTE, 4 * HOUR), () => {
    const open = order.stage === 'placed' || order.stage === 'confirmed' || order.stage === 'in_preparation';
    const ok = open && (delta < 0 ? line.alloc - line.boAlloc >= -delta : w.stock.free(line.key) >= delta);
    const approvedBy = rng.pick(DESK);
    if (!ok) {
      const reason = open ? 'not enough stock' : order.stage === 'cancelled' ? 'order cancelled' : 'order already packed';
      w.emit('order.amended', 'erp', { ...amendment, state: 'rejected', approved_by: approvedBy, reason });
      return;
    }
    w.emit('order.amended', 'erp', { ...amendment, state: 'approved', approved_by: approvedBy });
    line.qty += delta;
    if (delta > 0) {
      line.alloc += reserve(w, line.key, delta);
      kick(w, order);
    } else {
      line.alloc += delta;
      unreserve(w, line.key, -delta);
    }
  });
}


import { scheduleFeedback } from './feedback.js';
import { HUBS } from './names.js';
import { moveStock, shipFromStock } from './stock.js';
import { DAY, HOUR, MINUTE, addDeliveryDays, dayStart, isoDate } from './time.js';
import { orderHasAlloc, orderPending, round2, type Order } from './types.js';
import type { World } from './world.js';

interface Carrier {
  name: string;
  source: string;
  prefix: string;
  transit: [number, number];
  /** Share of parcels that arrive after the planned day. */
  lateShare: number;
}

/** SwiftShip is the cheap one, and it shows. Freightline moves pallets for business buyers. */
const CARRIERS: Record<string, Carrier> = {
  Parcelo: { name: 'Parcelo', source: 'carrier-parcelo', prefix: 'PCL', transit: [1, 2], lateShare: 0.05 },
  SwiftShip: { name: 'SwiftShip', source: 'carrier-swiftship', prefix: 'SWS', transit: [1, 3], lateShare: 0.3 },
  NordPost: { name: 'NordPost', source: 'carrier-nordpost', prefix: 'NP', transit: [1, 3], lateShare: 0.06 },
  Freightline: { name: 'Freightline', source: 'carrier-freightline', prefix: 'FRL', transit: [2, 4], lateShare: 0.1 },
};
const WAREHOUSE_HUB = ['Prague hub', 'Warsaw hub'];

function chooseCarrier(w: World, order: Order): Carrier {
  const rng = w.rng;
  const name =
    order.customer.segment === 'retail'
      ? rng.weighted([['Parcelo', 45], ['SwiftShip', 35], ['NordPost', 20]] as const)
      : rng.weighted([['Freightline', 60], ['NordPost', 40]] as const);
  return CARRIERS[name] as Carrier;
}

function expediteCost(w: World, order: Order): number {
  const rng = w.rng;
  if (rng.chance(0.15)) return 0; // sent with the next regular pick-up, no extra cost
  return order.customer.segment === 'retail' ? round2(rng.between(4.9, 14.9)) : round2(rng.between(18, 75));
}

/** Ships every reserved unit of the order (sale moves + a shipment); false if nothing to ship. */
export function dispatch(w: World, order: Order): boolean {
  if (!orderHasAlloc(order)) return false;
  const lines: { sku: string; qty: number }[] = [];
  let backorder = false;
  let promised = '';
  for (const line of order.lines) {
    if (line.alloc === 0) continue;
    shipFromStock(w, line.key, line.alloc);
    lines.push({ sku: line.product.sku, qty: line.alloc });
    if (line.boAlloc > 0) backorder = true;
    if (line.promisedDate > promised) promised = line.promisedDate;
    line.shipped += line.alloc;
    line.alloc = 0;
    line.boAlloc = 0;
  }
  const carrier = chooseCarrier(w, order);
  const planned = addDeliveryDays(w.now, w.rng.int(...carrier.transit));
  const shipment = {
    shipment_id: w.nextId('SH'),
    order_id: order.id,
    carrier: carrier.name,
    lines,
    promised_date: promised,
    tracking_no: `${carrier.prefix}${String(w.rng.int(0, 999_999_999)).padStart(9, '0')}`,
    eta: isoDate(planned),
  };
  w.emit('shipment.dispatched', 'wms', backorder ? { ...shipment, backorder: true, expedite_cost: expediteCost(w, order) } : shipment);
  order.shipmentsOut++;
  order.shipments++;
  travel(w, order, carrier, shipment.shipment_id, planned, promised);
  return true;
}

/** The parcel's journey: scanned in transit, maybe delayed or in exception, out for delivery, delivered. */
function travel(w: World, order: Order, carrier: Carrier, id: string, planned: number, promised: string): void {
  const rng = w.rng;
  const hub = rng.pick(HUBS[order.customer.region] ?? WAREHOUSE_HUB);
  const status = (status: 'in_transit' | 'delayed' | 'out_for_delivery' | 'delivered' | 'exception', extra: { eta?: string; location?: string } = {}): void =>
    w.emit('shipment.status_changed', carrier.source, { shipment_id: id, status, ...extra });
  w.after(rng.between(HOUR, 4 * HOUR), () => status('in_transit', { location: WAREHOUSE_HUB[order.warehouse] ?? 'Prague hub' }));
  let actual = planned;
  if (rng.chance(0.004)) {
    // Lost or damaged parcel: found and re-delivered much later (stalls the order in `shipped`).
    actual = addDeliveryDays(planned, rng.int(3, 9));
    w.at(planned + rng.between(8 * HOUR, 12 * HOUR), () => status('exception', { location: hub }));
  } else if (rng.chance(carrier.lateShare)) {
    actual = addDeliveryDays(planned, rng.int(1, 3));
    w.at(planned + rng.between(6 * HOUR, 9 * HOUR), () => status('delayed', { eta: isoDate(actual), location: hub }));
  }
  w.at(actual + rng.between(6.5 * HOUR, 9.5 * HOUR), () => status('out_for_delivery', { location: hub }));
  w.at(actual + rng.between(9.5 * HOUR, 19 * HOUR), () => {
    status('delivered');
    if (isoDate(w.now) > promised) order.late = true;
    order.shipmentsOut--;
    finishIfDone(w, order);
  });
}

function finishIfDone(w: World, order: Order): void {
  if (order.stage !== 'shipped' || order.busy || order.shipmentsOut > 0) return;
  if (orderHasAlloc(order) || orderPending(order) + order.limbo > 0) return;
  order.stage = 'delivered';
  w.openOrders.delete(order);
  w.after(w.rng.between(2 * MINUTE, 40 * MINUTE), () => {
    w.emit('order.status_changed', order.source, { order_id: order.id, status: 'delivered' });
    scheduleFeedback(w, order);
    if (w.rng.chance(0.04)) scheduleReturn(w, order);
  });
}

/** A few customers send something back; now and then it comes back damaged and is written off. */
function scheduleReturn(w: World, order: Order): void {
  const rng = w.rng;
  const line = rng.pick(order.lines);
  if (line.shipped === 0) return;
  const qty = rng.int(1, Math.min(line.shipped, 3));
  const day = dayStart(w.now) + rng.int(3, 20) * DAY;
  w.at(day + rng.between(8 * HOUR, 18 * HOUR), () => {
    moveStock(w, line.key, qty, 'return');
    if (rng.chance(0.2) && w.stock.physicallyFree(line.key) >= qty) moveStock(w, line.key, -qty, 'damage');
  });
}

import { dispatch } from './logistics.js';
import { checkBins } from './stock.js';
import { HOUR, MINUTE, nextPickup, warehouseOpenAt } from './time.js';
import { orderHasAlloc, type Order } from './types.js';
import type { World } from './world.js';

/**
 * The warehouse side of an order: pick (in_preparation), pack, hand to a carrier (shipped).
 * Units that arrive later for backordered lines leave in extra shipments.
 */

/** Share of orders that get stuck in preparation for days (feeds stalled-order monitoring). */
const STUCK_IN_PREPARATION = 0.015;

/** Moves an order forward if it has units to work on and nothing is scheduled for it yet. */
export function kick(w: World, order: Order): void {
  if (order.busy || !orderHasAlloc(order)) return;
  const rng = w.rng;
  switch (order.stage) {
    case 'confirmed':
      order.busy = true;
      w.at(warehouseOpenAt(w.now + rng.between(20 * MINUTE, 3 * HOUR)), () => prepare(w, order));
      return;
    case 'in_preparation':
      schedulePack(w, order);
      return;
    case 'packed':
      order.busy = true;
      w.at(nextPickup(w.now + 10 * MINUTE), () => shipFirst(w, order));
      return;
    case 'shipped':
      order.busy = true;
      w.at(nextPickup(warehouseOpenAt(w.now + rng.between(HOUR, 4 * HOUR))), () => shipMore(w, order));
      return;
    default:
      return;
  }
}

function prepare(w: World, order: Order): void {
  order.busy = false;
  if (order.stage !== 'confirmed') return;
  order.stage = 'in_preparation';
  w.emit('order.status_changed', 'wms', { order_id: order.id, status: 'in_preparation' });
  checkBins(w, order);
  kick(w, order);
}

function schedulePack(w: World, order: Order): void {
  order.busy = true;
  const rng = w.rng;
  const delay = rng.chance(STUCK_IN_PREPARATION) ? rng.between(50 * HOUR, 110 * HOUR) : rng.between(20 * MINUTE, 3 * HOUR);
  w.at(warehouseOpenAt(w.now + delay), () => pack(w, order));
}

function pack(w: World, order: Order): void {
  order.busy = false;
  if (order.stage !== 'in_preparation' || !orderHasAlloc(order)) return;
  order.stage = 'packed';
  w.emit('order.status_changed', 'wms', { order_id: order.id, status: 'packed' });
  order.busy = true;
  w.at(nextPickup(w.now + w.rng.between(10 * MINUTE, HOUR)), () => shipFirst(w, order));
}

function shipFirst(w: World, order: Order): void {
  order.busy = false;
  if (order.stage !== 'packed') return;
  if (!dispatch(w, order)) return;
  order.stage = 'shipped';
  w.emit('order.status_changed', 'wms', { order_id: order.id, status: 'shipped' });
  kick(w, order);
}

/** Backordered units that arrived after the first shipment go out on their own. */
function shipMore(w: World, order: Order): void {
  order.busy = false;
  if (order.stage !== 'shipped') return;
  checkBins(w, order);
  dispatch(w, order);
  kick(w, order);
}

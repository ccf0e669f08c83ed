import type { EventData, EventType, StockpulseEvent } from '@stockpulse/metrics';

/**
 * Golden data set: hand-built events whose KPI values are worked out by hand in
 * `expected-*.ts` from shared/spec/metrics.md and docs/metrics.md (never from the
 * implementation). The clock is fixed at NOW. Main window: [2026-11-06, 2026-11-20).
 *
 * Ground truth (latest known at query time):
 *   products  sku      category  cost  price  reorder_point  supplier
 *             TL-HAM   Tools     10    25     20             sup-A
 *             TL-DRL   Tools     40    90     5              sup-A
 *             TL-SAW   Tools     15    35     3              sup-A  (v2 @11-12 wins; v1 @11-02 "Garden", cost 99, arrives LAST)
 *             TL-LVL   Tools     7     18     2              sup-A  (no stock events: on-hand 0)
 *             GD-HOSE  Garden    8     20     10             sup-B
 *             GD-SHOV  Garden    12    30     0 (omitted)    sup-B
 *             GD-RAKE  Garden    6     15     8              sup-B  (v1 @10-20 Tools/cost 5/sup-A; v2 @11-10 Garden/cost 6/sup-B)
 *             GD-SEED  Garden    2     4      30             sup-B  (upserted 11-15, after its orders; arrives in batch 3)
 *             GD-POT   Garden    3     9      0 (omitted)    sup-B  (no stock events)
 *             XX-UNK   never upserted: stock only (units count, value 0, category unknown)
 *   customers C1 retail/high_value/EU, C2 wholesale/standard/US, C3 retail/standard/US,
 *             C4 wholesale/high_value/EU, C7 retail/standard/EU,
 *             C5 wholesale/standard/EU (upsert arrives in batch 3, after its orders), C6 never known.
 *   orders (channel web for C1/C3/C6/C7, b2b for C2/C4/C5); bo = backordered_qty at placement
 *     O0a 10-28T10:00 C1  HAM 2@25
 *     O0b 10-30T10:00 C2  HOSE 5@20 bo2, filled 2, expedite SH0 (12, UPS)
 *     O0c 11-02T10:00 C7  SHOV 1@30
 *     O0d 11-04T10:00 C6  HAM 1@25
 *     O1  11-06T00:00 C1  HAM 4@25, DRL 1@90                     confirmed, delivered; SH1 (expedite 5 but backorder:false)
 *     O2  11-07T10:00 C2  HOSE 10@20 bo4, filled 4               shipped, delivered; SH2, SH3 (expedite 15.5 UPS)
 *     O3  11-08T14:00 C3  HAM 2@25, SHOV 3@30 (+order.backordered 2 on 11-12)   confirmed; SH11
 *     O4  11-08T16:00 C6  SEED 5@4                               confirmed, in_preparation
 *     O5  11-09T08:00 C5  DRL 3@90 bo3, filled 1                 confirmed, CANCELLED 11-13
 *     O6  11-10T11:00 C2  SAW 2@35 bo1, fills 1+2 (capped at 1)  confirmed, shipped 11-12T12:00; SH4
 *     O7  11-10T13:00 C4  HOSE 6@20 bo3, HAM 6@24 (+order.backordered 2); fills HOSE 3, HAM 1
 *                                                                confirmed, in_preparation, CANCELLED 11-15; SH5 (expedite 40 DHL)
 *     O8  11-12T10:00 C2  RAKE 10@15 bo4 (+order.backordered 8 -> capped at 10)  confirmed, in_preparation 11-19T08:00
 *     O9  11-13T10:00 C3  HAM 1@25                               confirmed, cancelled 11-14, confirmed 11-15, packed 11-19T20:00
 *     O10 11-14T15:00 C1  SEED 20@4 bo20 (filled 5), DRL 1@90    confirmed, shipped 11-15T10:00; SH6, SH7 (expedite 8.25 UPS)
 *     O11 11-15T22:30 C4  SHOV 2@30 bo1                          (no status) — 2026-11-16 00:30 in Europe/Bucharest
 *     O12 11-16T08:00 C5  HAM 5@24.99                            delivered; SH8
 *     O13 11-17T12:00 C5  HOSE 2@20                              confirmed 11-17T13:00
 *     O14 11-19T09:00 C1  DRL 1@90 bo1                           (no status)
 *     O15 11-20T00:00 C3  HAM 2@25                               (on `to` of the main window: excluded)
 *   shipments (promised -> delivered, first `delivered` wins)
 *     SH0 O0b UPS  11-03 -> 11-03 ;  SH1 O1 DHL 11-09 -> 11-09 ;  SH2 O2 UPS 11-10 -> 11-11 (late)
 *     SH3 O2 UPS 11-12 -> 11-12 ;  SH5 O7 DHL 11-13 -> delayed, then 11-14 (late)
 *     SH7 O10 UPS 11-18 -> 11-18T23:30Z (on time by UTC date) ;  SH8 O12 DHL 11-18 -> 11-18, again 11-19
 *     SH4 O6 DHL promised 11-14, eta 11-16 (delayed by eta) ;  SH6 O10 UPS promised 11-17, status delayed
 *     SH11 O3 DHL promised 11-12: delayed (eta 11-13), then in_transit eta 11-12T18:00Z (not delayed)
 *     SH9 order never placed (expedite 99) ;  SH10 only a `delivered` status, never dispatched
 */

export const NOW = '2026-11-20T12:00:00Z';

/** `at('11-08T14:00')` is 2026-11-08T14:00:00Z. */
const at = (monthDayTime: string): string => `2026-${monthDayTime}:00Z`;

function ev<T extends EventType>(id: string, type: T, occurredAt: string, data: EventData<T>): StockpulseEvent {
  return { id, type, occurred_at: occurredAt, source: 'golden', data } as StockpulseEvent;
}

const product = (id: string, when: string, sku: string, category: string, unit_cost: number, unit_price: number, supplier_id: string, reorder_point?: number) =>
  ev(id, 'product.upserted', when, {
    sku,
    name: `${sku} (${category})`,
    category,
    unit_cost,
    unit_price,
    supplier_id,
    ...(reorder_point === undefined ? {} : { reorder_point }),
  });

const customer = (id: string, when: string, customer_id: string, segment: string, tier: string, region: string) =>
  ev(id, 'customer.upserted', when, { customer_id, segment, tier, region });

type Line = { sku: string; qty: number; unit_price: number; backordered_qty?: number };
const placed = (order_id: string, when: string, customer_id: string, channel: string, lines: Line[]) =>
  ev(`ord-${order_id}-placed`, 'order.placed', when, { order_id, customer_id, channel, lines });

const status = (order_id: string, when: string, s: EventData<'order.status_changed'>['status'], n = 1) =>
  ev(`ord-${order_id}-${s}-${n}`, 'order.status_changed', when, { order_id, status: s });

const backordered = (order_id: string, when: string, sku: string, qty: number) =>
  ev(`ord-${order_id}-bo-${sku}`, 'order.backordered', when, { order_id, sku, qty });

const filled = (order_id: string, when: string, sku: string, qty: number, n = 1) =>
  ev(`ord-${order_id}-fill-${sku}-${n}`, 'backorder.filled', when, { order_id, sku, qty });

const moved = (id: string, when: string, sku: string, qty_delta: number, reason: EventData<'stock.moved'>['reason'], warehouse?: string) =>
  ev(id, 'stock.moved', when, { sku, qty_delta, reason, ...(warehouse === undefined ? {} : { warehouse }) });

const counted = (id: string, when: string, sku: string, counted_qty: number, warehouse?: string) =>
  ev(id, 'stock.counted', when, { sku, counted_qty, ...(warehouse === undefined ? {} : { warehouse }) });

type Dispatch = { order_id: string; carrier: string; lines: { sku: string; qty: number }[]; promised_date: string; eta?: string; expedite_cost?: number; backorder?: boolean };
const dispatched = (shipment_id: string, when: string, d: Dispatch) =>
  ev(`shp-${shipment_id}-dispatched`, 'shipment.dispatched', when, { shipment_id, ...d });

const shipStatus = (shipment_id: string, when: string, s: EventData<'shipment.status_changed'>['status'], n = 1, eta?: string) =>
  ev(`shp-${shipment_id}-${s}-${n}`, 'shipment.status_changed', when, { shipment_id, status: s, ...(eta === undefined ? {} : { eta }) });

const feedback = (id: string, when: string, customer_id: string, f: { nps?: number; text?: string; order_id?: string }) =>
  ev(id, 'feedback.submitted', when, { customer_id, ...f });

/**
 * Batch 1: the catalogue (minus late arrivals), the early orders, and several events
 * sent BEFORE events that happened earlier (first lines of the array).
 */
export const batch1: StockpulseEvent[] = [
  // Out of order on purpose: each of these happened after something sent later.
  counted('stk-11-ham-main-count', at('11-07T12:00'), 'TL-HAM', 45, 'main'), // its receipt (11-01) comes in batch 3
  backordered('o8', at('11-13T10:00'), 'GD-RAKE', 8), // O8 is placed in batch 2
  filled('o7', at('11-12T08:00'), 'TL-HAM', 1), // before O7's placement and its order.backordered (batch 2)
  shipStatus('sh8', at('11-19T08:00'), 'delivered', 2), // a second `delivered`, sent before the first one
  shipStatus('sh11', at('11-11T10:00'), 'in_transit', 1, '2026-11-12T18:00:00Z'), // latest eta: UTC date 11-12 = promised
  shipStatus('sh11', at('11-10T10:00'), 'delayed', 1, '2026-11-13'),

  ev('sup-a', 'supplier.upserted', at('10-01T08:00'), { supplier_id: 'sup-A', name: 'Acme Tools' }),
  ev('sup-b', 'supplier.upserted', at('10-01T08:00'), { supplier_id: 'sup-B', name: 'Green Supply' }),
  product('prd-ham', at('10-20T08:00'), 'TL-HAM', 'Tools', 10, 25, 'sup-A', 20),
  product('prd-drl', at('10-20T08:00'), 'TL-DRL', 'Tools', 40, 90, 'sup-A', 5),
  product('prd-hose', at('10-20T08:00'), 'GD-HOSE', 'Garden', 8, 20, 'sup-B', 10),
  product('prd-shov', at('10-20T08:00'), 'GD-SHOV', 'Garden', 12, 30, 'sup-B'),
  product('prd-rake-v1', at('10-20T08:00'), 'GD-RAKE', 'Tools', 5, 15, 'sup-A', 8),
  product('prd-saw-v2', at('11-12T08:00'), 'TL-SAW', 'Tools', 15, 35, 'sup-A', 3),
  product('prd-lvl', at('10-20T08:00'), 'TL-LVL', 'Tools', 7, 18, 'sup-A', 2),
  product('prd-pot', at('10-20T08:00'), 'GD-POT', 'Garden', 3, 9, 'sup-B'),
  customer('cus-c1', at('10-01T08:00'), 'C1', 'retail', 'high_value', 'EU'),
  customer('cus-c2', at('10-01T08:00'), 'C2', 'wholesale', 'standard', 'US'),
  customer('cus-c3', at('10-01T08:00'), 'C3', 'retail', 'standard', 'US'),
  customer('cus-c4', at('10-01T08:00'), 'C4', 'wholesale', 'high_value', 'EU'),
  customer('cus-c7', at('10-01T08:00'), 'C7', 'retail', 'standard', 'EU'),

  // Previous period (retention, had_backorder).
  placed('o0a', at('10-28T10:00'), 'C1', 'web', [{ sku: 'TL-HAM', qty: 2, unit_price: 25 }]),
  placed('o0b', at('10-30T10:00'), 'C2', 'b2b', [{ sku: 'GD-HOSE', qty: 5, unit_price: 20, backordered_qty: 2 }]),
  filled('o0b', at('11-03T08:00'), 'GD-HOSE', 2),
  dispatched('sh0', at('11-01T10:00'), { order_id: 'o0b', carrier: 'UPS', lines: [{ sku: 'GD-HOSE', qty: 2 }], promised_date: '2026-11-03', expedite_cost: 12, backorder: true }),
  shipStatus('sh0', at('11-03T10:00'), 'delivered'),
  placed('o0c', at('11-02T10:00'), 'C7', 'web', [{ sku: 'GD-SHOV', qty: 1, unit_price: 30 }]),
  placed('o0d', at('11-04T10:00'), 'C6', 'web', [{ sku: 'TL-HAM', qty: 1, unit_price: 25 }]),

  placed('o1', at('11-06T00:00'), 'C1', 'web', [
    { sku: 'TL-HAM', qty: 4, unit_price: 25 },
    { sku: 'TL-DRL', qty: 1, unit_price: 90 },
  ]),
  status('o1', at('11-06T12:00'), 'confirmed'),
  status('o1', at('11-09T15:00'), 'delivered'),
  dispatched('sh1', at('11-07T10:00'), { order_id: 'o1', carrier: 'DHL', lines: [{ sku: 'TL-HAM', qty: 4 }, { sku: 'TL-DRL', qty: 1 }], promised_date: '2026-11-09', expedite_cost: 5, backorder: false }),
  shipStatus('sh1', at('11-09T15:00'), 'delivered'),

  placed('o2', at('11-07T10:00'), 'C2', 'b2b', [{ sku: 'GD-HOSE', qty: 10, unit_price: 20, backordered_qty: 4 }]),
  filled('o2', at('11-10T09:00'), 'GD-HOSE', 4),
  status('o2', at('11-10T12:00'), 'shipped'),
  status('o2', at('11-12T10:00'), 'delivered'),
  dispatched('sh2', at('11-08T09:00'), { order_id: 'o2', carrier: 'UPS', lines: [{ sku: 'GD-HOSE', qty: 6 }], promised_date: '2026-11-10' }),
  shipStatus('sh2', at('11-11T08:00'), 'delivered'),
  dispatched('sh3', at('11-10T12:00'), { order_id: 'o2', carrier: 'UPS', lines: [{ sku: 'GD-HOSE', qty: 4 }], promised_date: '2026-11-12', expedite_cost: 15.5, backorder: true }),
  shipStatus('sh3', at('11-12T10:00'), 'delivered'),

  placed('o3', at('11-08T14:00'), 'C3', 'web', [
    { sku: 'TL-HAM', qty: 2, unit_price: 25 },
    { sku: 'GD-SHOV', qty: 3, unit_price: 30 },
  ]),
  status('o3', at('11-08T15:00'), 'confirmed'),
  backordered('o3', at('11-12T09:00'), 'GD-SHOV', 2), // recorded 4 days after placement
  dispatched('sh11', at('11-09T10:00'), { order_id: 'o3', carrier: 'DHL', lines: [{ sku: 'TL-HAM', qty: 2 }], promised_date: '2026-11-12' }),

  placed('o4', at('11-08T16:00'), 'C6', 'web', [{ sku: 'GD-SEED', qty: 5, unit_price: 4 }]),
  status('o4', at('11-09T10:00'), 'in_preparation'),
  status('o4', at('11-09T08:00'), 'confirmed'),

  placed('o5', at('11-09T08:00'), 'C5', 'b2b', [{ sku: 'TL-DRL', qty: 3, unit_price: 90, backordered_qty: 3 }]),
  status('o5', at('11-13T10:00'), 'cancelled'), // sent before the fill and the confirmation it follows
  filled('o5', at('11-11T10:00'), 'TL-DRL', 1),
  status('o5', at('11-09T09:00'), 'confirmed'),

  placed('o6', at('11-10T11:00'), 'C2', 'b2b', [{ sku: 'TL-SAW', qty: 2, unit_price: 35, backordered_qty: 1 }]),
  filled('o6', at('11-11T09:00'), 'TL-SAW', 1, 1),
  filled('o6', at('11-12T09:00'), 'TL-SAW', 2, 2), // 1 + 2 = 3 > backordered 1: capped
  status('o6', at('11-10T12:00'), 'confirmed'),
  status('o6', at('11-12T12:00'), 'shipped'),
  dispatched('sh4', at('11-12T12:00'), { order_id: 'o6', carrier: 'DHL', lines: [{ sku: 'TL-SAW', qty: 2 }], promised_date: '2026-11-14', eta: '2026-11-16' }),
  shipStatus('sh4', at('11-13T08:00'), 'in_transit'),

  // Stock (warehouse `main` is sometimes named, sometimes defaulted).
  moved('stk-10-ham-sale', at('11-06T12:00'), 'TL-HAM', -4, 'sale'),
  moved('stk-12-hose-sale', at('11-08T12:00'), 'GD-HOSE', -6, 'sale', 'main'),
  counted('stk-13a-shov-east-count', at('11-08T15:00'), 'GD-SHOV', 10, 'east'), // same instant as 13b: ties by id
  moved('stk-13b-shov-east-sale', at('11-08T15:00'), 'GD-SHOV', -1, 'sale', 'east'),
  moved('stk-14-ham-main-transfer', at('11-09T10:00'), 'TL-HAM', -10, 'transfer'),
  moved('stk-15-ham-east-transfer', at('11-09T10:00'), 'TL-HAM', 10, 'transfer', 'east'),
  moved('stk-16-saw-east-receipt', at('11-10T09:00'), 'TL-SAW', 6, 'receipt', 'east'),
  moved('stk-17-drl-sale', at('11-11T12:00'), 'TL-DRL', -2, 'sale'),
  moved('stk-08-unk-receipt', at('11-04T08:00'), 'XX-UNK', 7, 'receipt'),

  feedback('fb-01', at('11-06T15:00'), 'C1', { nps: 10, text: 'great service' }),
  feedback('fb-02', at('11-09T10:00'), 'C2', { nps: 3, text: 'bad delay', order_id: 'o2' }),
  feedback('fb-03', at('11-11T10:00'), 'C5', { nps: 6, text: 'terrible' }),
  feedback('fb-10', at('11-03T10:00'), 'C3', { nps: 2, text: 'missing parts' }), // before the main window
];

/** Batch 2: the later orders and the rest of the operational events. */
export const batch2: StockpulseEvent[] = [
  status('o9', at('11-15T09:00'), 'confirmed', 2), // reinstated: sent before the cancellation it follows
  status('o9', at('11-19T20:00'), 'packed'),
  product('prd-rake-v2', at('11-10T08:00'), 'GD-RAKE', 'Garden', 6, 15, 'sup-B', 8),

  placed('o7', at('11-10T13:00'), 'C4', 'b2b', [
    { sku: 'GD-HOSE', qty: 6, unit_price: 20, backordered_qty: 3 },
    { sku: 'TL-HAM', qty: 6, unit_price: 24 },
  ]),
  backordered('o7', at('11-11T08:00'), 'TL-HAM', 2),
  filled('o7', at('11-12T08:00'), 'GD-HOSE', 3),
  status('o7', at('11-10T14:00'), 'confirmed'),
  status('o7', at('11-11T09:00'), 'in_preparation'),
  status('o7', at('11-15T09:00'), 'cancelled'),
  dispatched('sh5', at('11-12T09:00'), { order_id: 'o7', carrier: 'DHL', lines: [{ sku: 'GD-HOSE', qty: 3 }, { sku: 'TL-HAM', qty: 1 }], promised_date: '2026-11-13', expedite_cost: 40, backorder: true }),
  shipStatus('sh5', at('11-14T10:00'), 'delivered'),
  shipStatus('sh5', at('11-13T09:00'), 'delayed'),

  placed('o8', at('11-12T10:00'), 'C2', 'b2b', [{ sku: 'GD-RAKE', qty: 10, unit_price: 15, backordered_qty: 4 }]),
  ev('ord-o8-eta', 'backorder.eta_updated', at('11-14T10:00'), { order_id: 'o8', sku: 'GD-RAKE', expected_date: '2026-11-25' }),
  status('o8', at('11-12T11:00'), 'confirmed'),
  status('o8', at('11-19T08:00'), 'in_preparation'),

  placed('o9', at('11-13T10:00'), 'C3', 'web', [{ sku: 'TL-HAM', qty: 1, unit_price: 25 }]),
  status('o9', at('11-13T11:00'), 'confirmed'),
  status('o9', at('11-14T09:00'), 'cancelled'),

  placed('o10', at('11-14T15:00'), 'C1', 'web', [
    { sku: 'GD-SEED', qty: 20, unit_price: 4, backordered_qty: 20 },
    { sku: 'TL-DRL', qty: 1, unit_price: 90 },
  ]),
  filled('o10', at('11-16T10:00'), 'GD-SEED', 5),
  status('o10', at('11-14T16:00'), 'confirmed'),
  status('o10', at('11-15T10:00'), 'shipped'),
  dispatched('sh6', at('11-15T10:00'), { order_id: 'o10', carrier: 'UPS', lines: [{ sku: 'TL-DRL', qty: 1 }], promised_date: '2026-11-17' }),
  shipStatus('sh6', at('11-16T08:00'), 'delayed'),
  dispatched('sh7', at('11-16T11:00'), { order_id: 'o10', carrier: 'UPS', lines: [{ sku: 'GD-SEED', qty: 5 }], promised_date: '2026-11-18', expedite_cost: 8.25, backorder: true }),
  shipStatus('sh7', at('11-18T23:30'), 'delivered'),

  placed('o11', at('11-15T22:30'), 'C4', 'b2b', [{ sku: 'GD-SHOV', qty: 2, unit_price: 30, backordered_qty: 1 }]),
  placed('o12', at('11-16T08:00'), 'C5', 'b2b', [{ sku: 'TL-HAM', qty: 5, unit_price: 24.99 }]),
  status('o12', at('11-18T12:00'), 'delivered'),
  dispatched('sh8', at('11-16T15:00'), { order_id: 'o12', carrier: 'DHL', lines: [{ sku: 'TL-HAM', qty: 5 }], promised_date: '2026-11-18' }),
  shipStatus('sh8', at('11-18T12:00'), 'delivered', 1),
  placed('o13', at('11-17T12:00'), 'C5', 'b2b', [{ sku: 'GD-HOSE', qty: 2, unit_price: 20 }]),
  status('o13', at('11-17T13:00'), 'confirmed'),
  placed('o14', at('11-19T09:00'), 'C1', 'web', [{ sku: 'TL-DRL', qty: 1, unit_price: 90, backordered_qty: 1 }]),
  placed('o15', at('11-20T00:00'), 'C3', 'web', [{ sku: 'TL-HAM', qty: 2, unit_price: 25 }]),
  ev('amd-o10-1', 'order.amended', at('11-15T08:00'), { order_id: 'o10', amendment_id: 'a1', lines: [{ sku: 'TL-DRL', qty_delta: 4, unit_price: 90 }], state: 'rejected' }),

  // The same order.placed twice in one batch: counts once (answer: 1 duplicate).
  placed('o12', at('11-16T08:00'), 'C5', 'b2b', [{ sku: 'TL-HAM', qty: 5, unit_price: 24.99 }]),

  dispatched('sh9', at('11-11T09:00'), { order_id: 'o-ghost', carrier: 'DHL', lines: [{ sku: 'TL-HAM', qty: 1 }], promised_date: '2026-11-13', expedite_cost: 99, backorder: true }),

  moved('stk-18-saw-east-sale', at('11-12T12:00'), 'TL-SAW', -1, 'sale', 'east'),
  moved('stk-19-hose-return', at('11-12T15:00'), 'GD-HOSE', 1, 'return'),
  moved('stk-20-rake-damage', at('11-13T09:00'), 'GD-RAKE', -2, 'damage'),
  moved('stk-22-rake-adjust', at('11-14T12:00'), 'GD-RAKE', 1, 'adjustment'), // after the count below
  counted('stk-21-rake-count', at('11-14T09:00'), 'GD-RAKE', 15),
  moved('stk-23-ham-sale', at('11-15T12:00'), 'TL-HAM', -5, 'sale', 'main'),
  moved('stk-24-seed-receipt', at('11-16T12:00'), 'GD-SEED', 12, 'receipt'),
  counted('stk-25-ham-east-count', at('11-17T12:00'), 'TL-HAM', 20, 'east'),
  moved('stk-26-hose-sale', at('11-18T12:00'), 'GD-HOSE', -12, 'sale'),
  moved('stk-28-drl-sale', at('11-20T08:00'), 'TL-DRL', -2, 'sale'),
  counted('stk-29-shov-east-count', at('11-20T09:00'), 'GD-SHOV', 8, 'east'),
  counted('stk-30-hose-east-count', at('11-20T10:00'), 'GD-HOSE', 2, 'east'), // first event of (GD-HOSE, east)
  moved('stk-31-ham-future-receipt', at('11-20T18:00'), 'TL-HAM', 40, 'receipt'), // 6 h after NOW: accepted, not yet on hand

  feedback('fb-04', at('11-13T12:00'), 'C6', { nps: 8, text: 'the order arrived' }),
  feedback('fb-05', at('11-16T09:00'), 'C3', { nps: 9 }),
  feedback('fb-06', at('11-17T10:00'), 'C4', { text: 'good but slow' }),
  feedback('fb-07', at('11-18T10:00'), 'C7', { nps: 7, text: '   ' }),
  feedback('fb-08', at('11-19T23:30'), 'C1', { nps: 0, text: 'awful, never again!' }),
  feedback('fb-09', at('11-20T09:00'), 'C2', { nps: 10 }),
];

/** Batch 3: late arrivals that happened long before (customer C5, GD-SEED, the OLD saw, opening stock). */
export const batch3: StockpulseEvent[] = [
  customer('cus-c5', at('11-16T08:30'), 'C5', 'wholesale', 'standard', 'EU'),
  product('prd-seed', at('11-15T08:00'), 'GD-SEED', 'Garden', 2, 4, 'sup-B', 30),
  product('prd-saw-v1', at('11-02T08:00'), 'TL-SAW', 'Garden', 99, 35, 'sup-B', 3), // older than v2: must not win
  ev('po-1', 'purchase_order.created', at('10-25T08:00'), { po_id: 'po-1', supplier_id: 'sup-A', lines: [{ sku: 'TL-HAM', qty: 50, unit_cost: 10 }], expected_date: '2026-11-01' }),
  moved('stk-01-ham-receipt', at('11-01T08:00'), 'TL-HAM', 50, 'receipt'), // before the first count (11-07)
  moved('stk-02-drl-receipt', at('11-01T08:00'), 'TL-DRL', 10, 'receipt', 'main'),
  moved('stk-03-hose-receipt', at('11-01T08:00'), 'GD-HOSE', 30, 'receipt'),
  moved('stk-04-shov-east-receipt', at('11-01T08:00'), 'GD-SHOV', 10, 'receipt', 'east'),
  moved('stk-05-rake-receipt', at('11-01T08:00'), 'GD-RAKE', 20, 'receipt'),
  moved('stk-06-ham-east-receipt', at('11-02T08:00'), 'TL-HAM', 10, 'receipt', 'east'),
  moved('stk-07-hose-sale', at('11-03T08:00'), 'GD-HOSE', -5, 'sale'),
  shipStatus('sh10', at('11-15T10:00'), 'delivered'), // never dispatched: no promised_date
];

export const batches: StockpulseEvent[][] = [batch1, batch2, batch3];

/** Id of the event that batch 2 carries twice. */
export const IN_BATCH_DUPLICATE_ID = 'ord-o12-placed';

/** Every distinct event of the fixture. */
export const allEvents: StockpulseEvent[] = [...new Map([...batch1, ...batch2, ...batch3].map((e) => [e.id, e])).values()];

function byId(id: string): StockpulseEvent {
  const e = allEvents.find((x) => x.id === id);
  if (!e) throw new Error(`golden fixture: no event ${id}`);
  return e;
}

/** Exact copies of stored events, re-sent later: every one must come back as a duplicate. */
export const duplicates: StockpulseEvent[] = [
  'ord-o1-placed', // revenue, orders
  'ord-o8-bo-GD-RAKE', // backordered units (already capped)
  'ord-o5-fill-TL-DRL-1', // lost sales
  'ord-o5-cancelled-1', // cancellation
  'shp-sh5-dispatched', // expedite cost
  'shp-sh7-delivered-1', // on-time delivery
  'stk-26-hose-sale', // cogs, on-hand
  'stk-21-rake-count', // discrepancy
  'fb-08', // nps, sentiment
  'cus-c5', // dimension
].map(byId);

/** Re-sent after restart(): all already stored (batch 2 includes its in-batch duplicate). */
export const resendAfterRestart: StockpulseEvent[] = [...batch2];

import { z } from 'zod';
import {
  dateOrTimestamp,
  entityId,
  isoDate,
  label,
  money,
  nonNegativeInt,
  nonNegativeMoney,
  positiveInt,
  int,
  rfc3339,
} from './fields.js';

/**
 * One zod schema per event type of shared/spec/events.md. `data` objects are
 * `looseObject`s: unknown fields are accepted and kept in the raw event.
 */

const productUpserted = z.looseObject({
  sku: entityId,
  name: label(512),
  category: label(128),
  unit_cost: nonNegativeMoney,
  unit_price: nonNegativeMoney,
  reorder_point: nonNegativeInt.optional(),
  reorder_qty: positiveInt.optional(),
  lead_time_days: nonNegativeInt.optional(),
  supplier_id: entityId.optional(),
  alternatives: z.array(entityId).max(100).optional(),
});

const customerUpserted = z.looseObject({
  customer_id: entityId,
  segment: label(64),
  name: label(512).optional(),
  tier: label(64).optional(),
  region: label(128).optional(),
  email: z.string().max(320).optional(),
});

const supplierUpserted = z.looseObject({
  supplier_id: entityId,
  name: label(512),
  email: z.string().max(320).optional(),
});

const orderLine = z
  .looseObject({
    sku: entityId,
    qty: positiveInt,
    unit_price: nonNegativeMoney,
    backordered_qty: nonNegativeInt.optional(),
    promised_date: isoDate.optional(),
  })
  .refine((l) => (l.backordered_qty ?? 0) <= l.qty, { message: 'backordered_qty must be <= qty', path: ['backordered_qty'] });

const orderPlaced = z
  .looseObject({
    order_id: entityId,
    customer_id: entityId,
    lines: z.array(orderLine).min(1).max(500),
    channel: label(64).optional(),
  })
  .superRefine((o, ctx) => {
    // A line is identified by (order_id, sku): one line per sku.
    const seen = new Set<string>();
    o.lines.forEach((l, i) => {
      if (seen.has(l.sku)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'sku'], message: `duplicate sku "${l.sku}": a line is identified by (order_id, sku)` });
      seen.add(l.sku);
    });
  });

const orderBackordered = z.looseObject({
  order_id: entityId,
  sku: entityId,
  qty: positiveInt,
  expected_date: isoDate.optional(),
});

const backorderFilled = z.looseObject({ order_id: entityId, sku: entityId, qty: positiveInt });

const backorderEtaUpdated = z.looseObject({ order_id: entityId, sku: entityId, expected_date: isoDate });

export const ORDER_STATUSES = ['confirmed', 'in_preparation', 'packed', 'shipped', 'delivered', 'cancelled'] as const;
const orderStatusChanged = z.looseObject({
  order_id: entityId,
  status: z.enum(ORDER_STATUSES),
  reason: z.string().max(1000).optional(),
});

const orderAmended = z.looseObject({
  order_id: entityId,
  amendment_id: entityId,
  lines: z.array(z.looseObject({ sku: entityId, qty_delta: int, unit_price: nonNegativeMoney })).min(1).max(500),
  state: z.enum(['requested', 'approved', 'rejected']),
  requested_by: label(256).optional(),
  approved_by: label(256).optional(),
});

export const STOCK_REASONS = ['receipt', 'sale', 'return', 'adjustment', 'damage', 'transfer'] as const;
const stockMoved = z.looseObject({
  sku: entityId,
  qty_delta: int.refine((n) => n !== 0, 'must be non-zero'),
  reason: z.enum(STOCK_REASONS),
  warehouse: label(64).optional(),
  po_id: entityId.optional(),
});

const stockCounted = z.looseObject({ sku: entityId, counted_qty: nonNegativeInt, warehouse: label(64).optional() });

const purchaseOrderCreated = z.looseObject({
  po_id: entityId,
  supplier_id: entityId,
  lines: z.array(z.looseObject({ sku: entityId, qty: positiveInt, unit_cost: nonNegativeMoney })).min(1).max(500),
  expected_date: isoDate,
});

const shipmentDispatched = z.looseObject({
  shipment_id: entityId,
  order_id: entityId,
  carrier: label(128),
  lines: z.array(z.looseObject({ sku: entityId, qty: positiveInt })).min(1).max(500),
  promised_date: isoDate,
  tracking_no: z.string().max(128).optional(),
  eta: dateOrTimestamp.optional(),
  expedite_cost: nonNegativeMoney.optional(),
  backorder: z.boolean().optional(),
});

export const SHIPMENT_STATUSES = ['in_transit', 'delayed', 'out_for_delivery', 'delivered', 'exception'] as const;
const shipmentStatusChanged = z.looseObject({
  shipment_id: entityId,
  status: z.enum(SHIPMENT_STATUSES),
  eta: dateOrTimestamp.optional(),
  location: z.string().max(256).optional(),
});

const feedbackSubmitted = z
  .looseObject({
    customer_id: entityId,
    order_id: entityId.optional(),
    nps: int.refine((n) => n >= 0 && n <= 10, 'must be 0..10').optional(),
    text: z.string().max(5000).optional(),
  })
  .refine((f) => f.nps !== undefined || f.text !== undefined, { message: 'at least one of nps, text is required' });

/** The data schema of every event type, by type name. */
export const eventDataSchemas = {
  'product.upserted': productUpserted,
  'customer.upserted': customerUpserted,
  'supplier.upserted': supplierUpserted,
  'order.placed': orderPlaced,
  'order.backordered': orderBackordered,
  'backorder.filled': backorderFilled,
  'backorder.eta_updated': backorderEtaUpdated,
  'order.status_changed': orderStatusChanged,
  'order.amended': orderAmended,
  'stock.moved': stockMoved,
  'stock.counted': stockCounted,
  'purchase_order.created': purchaseOrderCreated,
  'shipment.dispatched': shipmentDispatched,
  'shipment.status_changed': shipmentStatusChanged,
  'feedback.submitted': feedbackSubmitted,
} as const;

export type EventType = keyof typeof eventDataSchemas;
export const EVENT_TYPES = Object.keys(eventDataSchemas) as EventType[];
export type EventData<T extends EventType> = z.infer<(typeof eventDataSchemas)[T]>;

/**
 * The envelope, without the type-specific `data` rules (applied per type) and with
 * `occurred_at` only shape-checked: validateEvent parses it once (it needs the instant).
 */
export const envelopeSchema = z.looseObject({
  id: entityId,
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
  occurred_at: z.string().max(64),
  source: z.string().min(1).max(64).optional(),
  data: z.looseObject({}),
});

/** A whole event, discriminated on `type`: used for documentation (JSON Schema) and typing. */
export const eventSchema = z.discriminatedUnion(
  'type',
  EVENT_TYPES.map((type) =>
    z.looseObject({
      id: entityId,
      type: z.literal(type),
      occurred_at: rfc3339,
      source: z.string().min(1).max(64).optional(),
      data: eventDataSchemas[type],
    }),
  ) as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]],
);

export type StockpulseEvent = {
  [T in EventType]: { id: string; type: T; occurred_at: string; source?: string; data: EventData<T> };
}[EventType];

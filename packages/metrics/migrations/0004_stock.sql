-- Stock movements and counts per (sku, warehouse), in the order that defines on-hand:
-- (occurred_at, event_id).
CREATE TABLE IF NOT EXISTS stock_events {on_cluster}
(
    sku String,
    warehouse LowCardinality(String),
    occurred_at DateTime64(3, 'UTC'),
    event_id String,
    kind Enum8('moved' = 1, 'counted' = 2),
    qty_delta Int64,
    counted_qty UInt64,
    reason LowCardinality(String),
    po_id String
)
ENGINE = {engine:ReplacingMergeTree}
ORDER BY (sku, warehouse, occurred_at, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS stock_events_mv {on_cluster} TO stock_events AS
SELECT
    JSONExtractString(data, 'sku') AS sku,
    if(JSONExtractString(data, 'warehouse') = '', 'main', JSONExtractString(data, 'warehouse')) AS warehouse,
    occurred_at,
    id AS event_id,
    if(type = 'stock.moved', 'moved', 'counted') AS kind,
    JSONExtract(data, 'qty_delta', 'Int64') AS qty_delta,
    JSONExtract(data, 'counted_qty', 'UInt64') AS counted_qty,
    JSONExtractString(data, 'reason') AS reason,
    JSONExtractString(data, 'po_id') AS po_id
FROM events_raw
WHERE type IN ('stock.moved', 'stock.counted');

CREATE TABLE IF NOT EXISTS purchase_order_lines {on_cluster}
(
    po_id String,
    supplier_id String,
    sku String,
    qty UInt32,
    unit_cost Decimal(18, 4),
    expected_date Date,
    occurred_at DateTime64(3, 'UTC'),
    event_id String
)
ENGINE = {engine:ReplacingMergeTree}
ORDER BY (po_id, sku, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS purchase_order_lines_mv {on_cluster} TO purchase_order_lines AS
SELECT
    JSONExtractString(data, 'po_id') AS po_id,
    JSONExtractString(data, 'supplier_id') AS supplier_id,
    line.sku AS sku,
    line.qty AS qty,
    line.unit_cost AS unit_cost,
    JSONExtract(data, 'expected_date', 'Date') AS expected_date,
    occurred_at,
    id AS event_id
FROM events_raw
ARRAY JOIN JSONExtract(data, 'lines', 'Array(Tuple(sku String, qty UInt32, unit_cost Decimal(18, 4)))') AS line
WHERE type = 'purchase_order.created';

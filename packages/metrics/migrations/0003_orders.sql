-- Order lines as placed, sorted by placement time: an order KPI reads only the lines of
-- orders placed in its window. Later facts about a line live in line_adjustments, the
-- status history in order_statuses; the compiler joins them at query time, so a backorder
-- that arrives a week late still counts for the order's day.
CREATE TABLE IF NOT EXISTS order_lines {on_cluster}
(
    placed_at DateTime64(3, 'UTC'),
    order_id String,
    sku String,
    customer_id String,
    channel LowCardinality(String),
    qty UInt32,
    unit_price Decimal(18, 4),
    backordered_qty UInt32,
    promised_date Nullable(Date),
    event_id String
)
ENGINE = {engine:ReplacingMergeTree}
PARTITION BY toYYYYMM(placed_at)
ORDER BY (placed_at, order_id, sku);

CREATE MATERIALIZED VIEW IF NOT EXISTS order_lines_mv {on_cluster} TO order_lines AS
SELECT
    occurred_at AS placed_at,
    JSONExtractString(data, 'order_id') AS order_id,
    line.sku AS sku,
    JSONExtractString(data, 'customer_id') AS customer_id,
    JSONExtractString(data, 'channel') AS channel,
    line.qty AS qty,
    line.unit_price AS unit_price,
    line.backordered_qty AS backordered_qty,
    line.promised_date AS promised_date,
    id AS event_id
FROM events_raw
ARRAY JOIN JSONExtract(data, 'lines', 'Array(Tuple(sku String, qty UInt32, unit_price Decimal(18, 4), backordered_qty UInt32, promised_date Nullable(Date)))') AS line
WHERE type = 'order.placed';

-- order.backordered, backorder.filled and backorder.eta_updated, one row per event.
CREATE TABLE IF NOT EXISTS line_adjustments {on_cluster}
(
    order_id String,
    sku String,
    kind Enum8('backordered' = 1, 'filled' = 2, 'eta_updated' = 3),
    qty UInt32,
    expected_date Nullable(Date),
    occurred_at DateTime64(3, 'UTC'),
    event_id String
)
ENGINE = {engine:ReplacingMergeTree}
ORDER BY (order_id, sku, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS line_adjustments_mv {on_cluster} TO line_adjustments AS
SELECT
    JSONExtractString(data, 'order_id') AS order_id,
    JSONExtractString(data, 'sku') AS sku,
    multiIf(type = 'order.backordered', 'backordered', type = 'backorder.filled', 'filled', 'eta_updated') AS kind,
    JSONExtract(data, 'qty', 'UInt32') AS qty,
    JSONExtract(data, 'expected_date', 'Nullable(Date)') AS expected_date,
    occurred_at,
    id AS event_id
FROM events_raw
WHERE type IN ('order.backordered', 'backorder.filled', 'backorder.eta_updated');

CREATE TABLE IF NOT EXISTS order_statuses {on_cluster}
(
    order_id String,
    status LowCardinality(String),
    reason String,
    occurred_at DateTime64(3, 'UTC'),
    event_id String
)
ENGINE = {engine:ReplacingMergeTree}
ORDER BY (order_id, occurred_at, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS order_statuses_mv {on_cluster} TO order_statuses AS
SELECT
    JSONExtractString(data, 'order_id') AS order_id,
    JSONExtractString(data, 'status') AS status,
    JSONExtractString(data, 'reason') AS reason,
    occurred_at,
    id AS event_id
FROM events_raw
WHERE type = 'order.status_changed';

CREATE TABLE IF NOT EXISTS order_amendments {on_cluster}
(
    order_id String,
    amendment_id String,
    state LowCardinality(String),
    lines Array(Tuple(sku String, qty_delta Int64, unit_price Decimal(18, 4))),
    requested_by String,
    approved_by String,
    occurred_at DateTime64(3, 'UTC'),
    event_id String
)
ENGINE = {engine:ReplacingMergeTree}
ORDER BY (order_id, amendment_id, occurred_at, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS order_amendments_mv {on_cluster} TO order_amendments AS
SELECT
    JSONExtractString(data, 'order_id') AS order_id,
    JSONExtractString(data, 'amendment_id') AS amendment_id,
    JSONExtractString(data, 'state') AS state,
    JSONExtract(data, 'lines', 'Array(Tuple(sku String, qty_delta Int64, unit_price Decimal(18, 4)))') AS lines,
    JSONExtractString(data, 'requested_by') AS requested_by,
    JSONExtractString(data, 'approved_by') AS approved_by,
    occurred_at,
    id AS event_id
FROM events_raw
WHERE type = 'order.amended';

CREATE TABLE IF NOT EXISTS shipments {on_cluster}
(
    shipment_id String,
    order_id String,
    carrier LowCardinality(String),
    line_skus Array(String),
    line_qtys Array(UInt32),
    promised_date Date,
    eta Nullable(DateTime64(3, 'UTC')),
    tracking_no String,
    expedite_cost Decimal(18, 4),
    backorder Bool,
    occurred_at DateTime64(3, 'UTC'),
    event_id String
)
ENGINE = {engine:ReplacingMergeTree}
ORDER BY (shipment_id, occurred_at, event_id);

-- eta may be a date (midnight UTC) or a timestamp.
CREATE MATERIALIZED VIEW IF NOT EXISTS shipments_mv {on_cluster} TO shipments AS
SELECT
    JSONExtractString(data, 'shipment_id') AS shipment_id,
    JSONExtractString(data, 'order_id') AS order_id,
    JSONExtractString(data, 'carrier') AS carrier,
    arrayMap(l -> l.1, JSONExtract(data, 'lines', 'Array(Tuple(sku String, qty UInt32))')) AS line_skus,
    arrayMap(l -> l.2, JSONExtract(data, 'lines', 'Array(Tuple(sku String, qty UInt32))')) AS line_qtys,
    JSONExtract(data, 'promised_date', 'Date') AS promised_date,
    parseDateTime64BestEffortOrNull(JSONExtractString(data, 'eta'), 3, 'UTC') AS eta,
    JSONExtractString(data, 'tracking_no') AS tracking_no,
    JSONExtract(data, 'expedite_cost', 'Decimal(18, 4)') AS expedite_cost,
    JSONExtractBool(data, 'backorder') AS backorder,
    occurred_at,
    id AS event_id
FROM events_raw
WHERE type = 'shipment.dispatched';

CREATE TABLE IF NOT EXISTS shipment_statuses {on_cluster}
(
    shipment_id String,
    status LowCardinality(String),
    eta Nullable(DateTime64(3, 'UTC')),
    location String,
    occurred_at DateTime64(3, 'UTC'),
    event_id String
)
ENGINE = {engine:ReplacingMergeTree}
ORDER BY (shipment_id, occurred_at, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS shipment_statuses_mv {on_cluster} TO shipment_statuses AS
SELECT
    JSONExtractString(data, 'shipment_id') AS shipment_id,
    JSONExtractString(data, 'status') AS status,
    parseDateTime64BestEffortOrNull(JSONExtractString(data, 'eta'), 3, 'UTC') AS eta,
    JSONExtractString(data, 'location') AS location,
    occurred_at,
    id AS event_id
FROM events_raw
WHERE type = 'shipment.status_changed';

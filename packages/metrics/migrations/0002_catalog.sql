-- Products, customers and suppliers: every version is kept; readers take the latest by
-- (occurred_at, event_id), so a late upsert with an older occurred_at never wins.
CREATE TABLE IF NOT EXISTS products {on_cluster}
(
    sku String,
    name String,
    category String,
    unit_cost Decimal(18, 4),
    unit_price Decimal(18, 4),
    reorder_point UInt32,
    reorder_qty Nullable(UInt32),
    lead_time_days Nullable(UInt32),
    supplier_id String,
    alternatives Array(String),
    occurred_at DateTime64(3, 'UTC'),
    event_id String
)
ENGINE = {engine:ReplacingMergeTree}
ORDER BY (sku, occurred_at, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS products_mv {on_cluster} TO products AS
SELECT
    JSONExtractString(data, 'sku') AS sku,
    JSONExtractString(data, 'name') AS name,
    JSONExtractString(data, 'category') AS category,
    JSONExtract(data, 'unit_cost', 'Decimal(18, 4)') AS unit_cost,
    JSONExtract(data, 'unit_price', 'Decimal(18, 4)') AS unit_price,
    JSONExtract(data, 'reorder_point', 'UInt32') AS reorder_point,
    JSONExtract(data, 'reorder_qty', 'Nullable(UInt32)') AS reorder_qty,
    JSONExtract(data, 'lead_time_days', 'Nullable(UInt32)') AS lead_time_days,
    JSONExtractString(data, 'supplier_id') AS supplier_id,
    JSONExtract(data, 'alternatives', 'Array(String)') AS alternatives,
    occurred_at,
    id AS event_id
FROM events_raw
WHERE type = 'product.upserted';

CREATE TABLE IF NOT EXISTS customers {on_cluster}
(
    customer_id String,
    segment String,
    name String,
    tier String,
    region String,
    email String,
    occurred_at DateTime64(3, 'UTC'),
    event_id String
)
ENGINE = {engine:ReplacingMergeTree}
ORDER BY (customer_id, occurred_at, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS customers_mv {on_cluster} TO customers AS
SELECT
    JSONExtractString(data, 'customer_id') AS customer_id,
    JSONExtractString(data, 'segment') AS segment,
    JSONExtractString(data, 'name') AS name,
    JSONExtractString(data, 'tier') AS tier,
    JSONExtractString(data, 'region') AS region,
    JSONExtractString(data, 'email') AS email,
    occurred_at,
    id AS event_id
FROM events_raw
WHERE type = 'customer.upserted';

CREATE TABLE IF NOT EXISTS suppliers {on_cluster}
(
    supplier_id String,
    name String,
    email String,
    occurred_at DateTime64(3, 'UTC'),
    event_id String
)
ENGINE = {engine:ReplacingMergeTree}
ORDER BY (supplier_id, occurred_at, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS suppliers_mv {on_cluster} TO suppliers AS
SELECT
    JSONExtractString(data, 'supplier_id') AS supplier_id,
    JSONExtractString(data, 'name') AS name,
    JSONExtractString(data, 'email') AS email,
    occurred_at,
    id AS event_id
FROM events_raw
WHERE type = 'supplier.upserted';

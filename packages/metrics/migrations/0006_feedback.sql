CREATE TABLE IF NOT EXISTS feedback {on_cluster}
(
    submitted_at DateTime64(3, 'UTC'),
    customer_id String,
    order_id String,
    nps Nullable(UInt8),
    text String CODEC(ZSTD(1)),
    sentiment Nullable(Float64),
    event_id String
)
ENGINE = {engine:ReplacingMergeTree}
PARTITION BY toYYYYMM(submitted_at)
ORDER BY (submitted_at, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS feedback_mv {on_cluster} TO feedback AS
SELECT
    occurred_at AS submitted_at,
    JSONExtractString(data, 'customer_id') AS customer_id,
    JSONExtractString(data, 'order_id') AS order_id,
    JSONExtract(data, 'nps', 'Nullable(UInt8)') AS nps,
    JSONExtractString(data, 'text') AS text,
    sentiment,
    id AS event_id
FROM events_raw
WHERE type = 'feedback.submitted';

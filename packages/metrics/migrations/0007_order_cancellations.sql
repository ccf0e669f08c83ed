-- Cancellations are a few percent of status changes; KPIs that need "is the order
-- cancelled" look here first instead of scanning every status change. Whether the
-- cancellation is still the latest status is then checked in order_statuses by key.
CREATE TABLE IF NOT EXISTS order_cancellations {on_cluster}
(
    order_id String,
    occurred_at DateTime64(3, 'UTC'),
    event_id String
)
ENGINE = {engine:ReplacingMergeTree}
ORDER BY (order_id, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS order_cancellations_mv {on_cluster} TO order_cancellations AS
SELECT
    JSONExtractString(data, 'order_id') AS order_id,
    occurred_at,
    id AS event_id
FROM events_raw
WHERE type = 'order.status_changed' AND JSONExtractString(data, 'status') = 'cancelled';

-- Backfill stores created before this migration (idempotent: a ReplacingMergeTree keyed
-- by event; rerunning adds copies that collapse and are read by key).
INSERT INTO order_cancellations
SELECT order_id, occurred_at, event_id FROM order_statuses
WHERE status = 'cancelled' AND (SELECT count() FROM order_cancellations) = 0;

-- Every accepted event, as received: the source of truth from which every derived table
-- can be rebuilt. One row per id: ReplacingMergeTree collapses a re-inserted id (a crash
-- replay) on merge, and readers that need exact counts dedupe by id.
CREATE TABLE IF NOT EXISTS events_raw {on_cluster}
(
    id String,
    type LowCardinality(String),
    occurred_at DateTime64(3, 'UTC'),
    received_at DateTime64(3, 'UTC'),
    source LowCardinality(String),
    data String CODEC(ZSTD(1)),
    sentiment Nullable(Float64)
)
ENGINE = {engine:ReplacingMergeTree}
ORDER BY id;

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one app instance (served on GET /metrics). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'stockpulse_' });
  return {
    registry,
    ingestEvents: new Counter({
      name: 'stockpulse_ingest_events_total',
      help: 'Events received, by outcome',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    ingestRequests: new Counter({
      name: 'stockpulse_ingest_requests_total',
      help: 'Ingest requests, by HTTP status',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    ingestBatchSize: new Histogram({
      name: 'stockpulse_ingest_batch_events',
      help: 'Events per ingest request',
      buckets: [1, 10, 100, 500, 1000, 5000, 10000],
      registers: [registry],
    }),
    ingestAckSeconds: new Histogram({
      name: 'stockpulse_ingest_ack_seconds',
      help: 'Time from request to durable acknowledgement',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    storeInsertRows: new Histogram({
      name: 'stockpulse_store_insert_rows',
      help: 'Rows per insert into events_raw',
      buckets: [100, 1000, 10000, 50000, 100000],
      registers: [registry],
    }),
    storeLagSeconds: new Histogram({
      name: 'stockpulse_store_lag_seconds',
      help: 'Event accepted to queryable (insert done)',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers: [registry],
    }),
    backlogRows: new Gauge({ name: 'stockpulse_ingest_backlog_rows', help: 'Accepted events not yet in ClickHouse', registers: [registry] }),
    storeErrors: new Counter({ name: 'stockpulse_store_errors_total', help: 'Failed inserts into ClickHouse (retried)', registers: [registry] }),
    metricQuerySeconds: new Histogram({
      name: 'stockpulse_metric_query_seconds',
      help: 'KPI query time',
      labelNames: ['metric'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
  };
}

export type AppMetrics = ReturnType<typeof createMetrics>;

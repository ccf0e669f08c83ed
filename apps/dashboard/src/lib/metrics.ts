// The semantic layer (@stockpulse/metrics: KPI catalogue, dimensions, role policy, time
// buckets), loaded by Node at run time instead of being bundled. Bundling fails and is not
// wanted: the package is a workspace link (so serverExternalPackages does not apply), it
// carries the ClickHouse client and resolves its migrations folder from import.meta.url.
// In this process it is the same module instance the API uses. Server-only.
type Metrics = typeof import('@stockpulse/metrics');

const metrics: Metrics = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '@stockpulse/metrics');

export const { KPIS, KPI_BY_NAME, DIMENSIONS, PAGES, OVERVIEW_KPIS, bucketStart, nextBucketStart, formatInZone, parseInstant } = metrics;
export type { Dimension, Grain, KpiDefinition, MetricResult, MetricRow, Page, Unit } from '@stockpulse/metrics';

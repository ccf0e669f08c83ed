// Choices of the global filter bar. Client-safe: no runtime import of @stockpulse/metrics
// (it carries the ClickHouse client), so client components can use these.

export const PERIODS = ['7d', '30d', '90d', 'custom'] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = '30d';
export const PERIOD_LABELS: Record<Period, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  custom: 'Custom range',
};
export const PRESET_DAYS: Record<Exclude<Period, 'custom'>, number> = { '7d': 7, '30d': 30, '90d': 90 };

/** Filters of the bar on every page; other dimensions are drill-down filters of a KPI page. */
export const GLOBAL_DIMENSIONS = ['category', 'segment', 'region', 'channel'] as const;
export type GlobalDimension = (typeof GLOBAL_DIMENSIONS)[number];

export const DEFAULT_TZ = 'UTC';
/** A short list; a zone given in the URL that is not here is added to the choices. */
export const COMMON_TIME_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Bucharest',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
] as const;

/** Search-parameter names the pages own besides dimensions (records table state). */
export const TABLE_PARAMS = ['sort', 'cursors'] as const;

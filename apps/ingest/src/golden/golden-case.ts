/** The shape of one golden expectation, and helpers to write them as exact arithmetic. */

/** How a value is compared: counts exactly, money to 4 decimals, ratios and means to 9. */
export type Kind = 'count' | 'money' | 'ratio';

export type Dims = Record<string, string | boolean>;

export interface ExpectedRow {
  /** Start of the bucket, RFC 3339 in the request's zone; only when grain != total. */
  bucket?: string;
  /** Dimension values of the row (one per `by` dimension). */
  dims?: Dims;
  value: number | null;
  numerator?: number;
  denominator?: number;
  /**
   * A sum that is 0 (or a ratio with nothing to count) for a group/bucket that has
   * facts but none that move this KPI: docs/metrics.md ("one row per bucket and group
   * that has at least one contributing fact") leaves open whether the row is there.
   */
  mayBeAbsent?: boolean;
}

export interface GoldenCase {
  metric: string;
  params: Record<string, string>;
  kind: Kind;
  /** The hand arithmetic behind every row: printed when the case fails. */
  why: string;
  rows: ExpectedRow[];
}

/** The main window: 14 closed days, end of period 2026-11-20T00:00Z (before NOW). */
export const MAIN = { from: '2026-11-06', to: '2026-11-20' } as const;
/** An open window: `to` is after NOW, so the end of the period is NOW (2026-11-20T12:00Z). */
export const OPEN = { from: '2026-11-13', to: '2026-11-21' } as const;
export const BUCHAREST = 'Europe/Bucharest'; // UTC+2 in November 2026 (DST ended 2026-10-25)

export const utcDay = (date: string): string => `${date}T00:00:00Z`;
export const bucharestDay = (date: string): string => `${date}T00:00:00+02:00`;

/** A ratio or mean: value = numerator / denominator. */
export const ratio = (numerator: number, denominator: number): Pick<ExpectedRow, 'value' | 'numerator' | 'denominator'> => ({
  value: numerator / denominator,
  numerator,
  denominator,
});

/** nps: value = 100 * (promoters - detractors) / responses. */
export const npsRatio = (numerator: number, denominator: number): Pick<ExpectedRow, 'value' | 'numerator' | 'denominator'> => ({
  value: (100 * numerator) / denominator,
  numerator,
  denominator,
});

export function goldenCase(metric: string, params: Record<string, string>, kind: Kind, why: string, rows: ExpectedRow[]): GoldenCase {
  return { metric, params, kind, why, rows };
}

/** A readable name for test titles: `orders?from=…&to=…&by=category`. */
export function caseName(c: GoldenCase): string {
  return `${c.metric}?${new URLSearchParams(c.params).toString()}`;
}

/** Start of the requested window as epoch ms (`YYYY-MM-DD` is midnight in `tz`, only UTC+2 or UTC used here). */
export function windowStartMs(date: string, tz: string | undefined): number {
  return Date.parse(tz === BUCHAREST ? `${date}T00:00:00+02:00` : `${date}T00:00:00Z`);
}

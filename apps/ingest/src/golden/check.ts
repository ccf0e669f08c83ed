import { BUCHAREST, windowStartMs, type ExpectedRow, type GoldenCase, type Kind } from './golden-case.js';
import type { MetricAnswer, MetricRow } from '../testing/harness.js';

/**
 * Compares one `GET /v1/metrics/{name}` answer with a golden case and returns every
 * problem found (empty when it matches). Pure, so it is unit-tested without the app.
 *
 * Rows are matched on bucket instant + the case's dimension values. An answer row
 * that no expectation names is tolerated only when it carries nothing: value null,
 * or value 0 without a positive denominator (see `ExpectedRow.mayBeAbsent`).
 */

const RFC3339_BUCKET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

/** vitest's toBeCloseTo(x, digits): |a - e| < 10^-digits / 2. */
const close = (actual: number, expected: number, digits: number) => Math.abs(actual - expected) < 10 ** -digits / 2;
const VALUE_DIGITS: Record<Exclude<Kind, 'count'>, number> = { money: 4, ratio: 9 };
/** Numerators and denominators may be amounts rounded to 4 decimals (docs/metrics.md, Answers). */
const PART_DIGITS = 4;

function splitBy(by: string | undefined): string[] {
  return by === undefined || by === '' ? [] : by.split(',');
}

function sameNumber(actual: unknown, expected: number | null, kind: Kind | 'part'): boolean {
  if (expected === null) return actual === null;
  if (typeof actual !== 'number') return false;
  if (kind === 'count') return actual === expected;
  return close(actual, expected, kind === 'part' ? PART_DIGITS : VALUE_DIGITS[kind]);
}

function rowKey(bucketMs: number | undefined, dims: string[], row: Record<string, unknown>): string {
  return JSON.stringify([bucketMs ?? null, ...dims.map((d) => row[d] ?? null)]);
}

function describeRow(row: ExpectedRow | MetricRow): string {
  return JSON.stringify(row);
}

/** Shape per shared/spec/api.md: metric, from, to, grain, by, rows; bucket only when grain != total. */
export function checkShape(answer: MetricAnswer, c: GoldenCase): string[] {
  const problems: string[] = [];
  const grain = c.params.grain ?? 'total';
  const by = splitBy(c.params.by);
  const tz = c.params.tz;
  if (answer.metric !== c.metric) problems.push(`metric is ${JSON.stringify(answer.metric)}, expected ${c.metric}`);
  if (answer.grain !== grain) problems.push(`grain is ${JSON.stringify(answer.grain)}, expected ${grain}`);
  if (JSON.stringify(answer.by) !== JSON.stringify(by)) problems.push(`by is ${JSON.stringify(answer.by)}, expected ${JSON.stringify(by)}`);
  for (const edge of ['from', 'to'] as const) {
    const sent = c.params[edge];
    const got = answer[edge];
    if (sent === undefined) continue;
    if (typeof got !== 'string' || (got !== sent && Date.parse(got) !== windowStartMs(sent, tz))) {
      problems.push(`${edge} is ${JSON.stringify(got)}, expected ${sent} (midnight in ${tz ?? 'UTC'})`);
    }
  }
  if (!Array.isArray(answer.rows)) return [...problems, 'rows is not an array'];
  for (const row of answer.rows) {
    if (grain === 'total' && 'bucket' in row) problems.push(`grain=total row has a bucket: ${describeRow(row)}`);
    if (grain !== 'total') {
      if (typeof row.bucket !== 'string' || !RFC3339_BUCKET.test(row.bucket)) problems.push(`bucket is not RFC 3339: ${describeRow(row)}`);
      else if (tz === BUCHAREST ? !row.bucket.endsWith('+02:00') : !row.bucket.endsWith('Z')) {
        problems.push(`bucket ${row.bucket} is not written in ${tz ?? 'UTC'} (expected ${tz === BUCHAREST ? '+02:00' : 'Z'})`);
      }
    }
    for (const d of by) if (!(d in row)) problems.push(`row lacks dimension ${d}: ${describeRow(row)}`);
    if (row.value !== null && typeof row.value !== 'number') problems.push(`value is not a number or null: ${describeRow(row)}`);
  }
  return problems;
}

/** Values: every expected row present (unless mayBeAbsent) and equal; no other row with content. */
export function checkValues(answer: MetricAnswer, c: GoldenCase): string[] {
  const problems: string[] = [];
  const by = splitBy(c.params.by);
  const bucketed = (c.params.grain ?? 'total') !== 'total';
  const rows = Array.isArray(answer.rows) ? answer.rows : [];
  const actualByKey = new Map<string, MetricRow[]>();
  for (const row of rows) {
    const k = rowKey(bucketed && typeof row.bucket === 'string' ? Date.parse(row.bucket) : undefined, by, row);
    actualByKey.set(k, [...(actualByKey.get(k) ?? []), row]);
  }
  const matched = new Set<MetricRow>();
  for (const exp of c.rows) {
    const k = rowKey(exp.bucket === undefined ? undefined : Date.parse(exp.bucket), by, exp.dims ?? {});
    const found = actualByKey.get(k) ?? [];
    if (found.length > 1) problems.push(`${found.length} rows for ${describeRow(exp)}`);
    const act = found[0];
    if (act === undefined) {
      if (!exp.mayBeAbsent) problems.push(`missing row ${describeRow(exp)}`);
      continue;
    }
    found.forEach((r) => matched.add(r));
    if (!sameNumber(act.value, exp.value, c.kind)) problems.push(`value ${act.value} != expected ${exp.value} in ${describeRow(exp)}`);
    if (exp.numerator !== undefined && !sameNumber(act.numerator, exp.numerator, 'part')) {
      problems.push(`numerator ${act.numerator} != expected ${exp.numerator} in ${describeRow(exp)}`);
    }
    if (exp.denominator !== undefined && !sameNumber(act.denominator, exp.denominator, 'part')) {
      problems.push(`denominator ${act.denominator} != expected ${exp.denominator} in ${describeRow(exp)}`);
    }
  }
  for (const row of rows) {
    if (matched.has(row)) continue;
    const empty = row.value === null || (row.value === 0 && !((row.denominator ?? 0) > 0));
    if (!empty) problems.push(`unexpected row ${describeRow(row)}`);
  }
  return problems;
}

export function checkAnswer(answer: MetricAnswer, c: GoldenCase): string[] {
  return [...checkShape(answer, c), ...checkValues(answer, c)];
}

import Sentiment from 'sentiment';
import type { z } from 'zod';
import { envelopeSchema, eventDataSchemas, type EventType, type StockpulseEvent } from './events.js';
import { MAX_FUTURE_MS, parseRfc3339 } from './fields.js';

/** The row written to `events_raw` (one JSON line in the write-ahead log and in the insert). */
export interface RawEventRow {
  id: string;
  type: EventType;
  /** UTC, `YYYY-MM-DD hh:mm:ss.sss`: what ClickHouse's DateTime64(3, 'UTC') parses. */
  occurred_at: string;
  received_at: string;
  source: string;
  /** The event's `data` as JSON text, unknown fields included. */
  data: string;
  /** AFINN-165 comparative score of `feedback.submitted` text, computed on ingest. */
  sentiment: number | null;
}

export type Validation =
  | { ok: true; event: StockpulseEvent; row: RawEventRow }
  | { ok: false; id: string | undefined; errors: string[] };

const sentiment = new Sentiment();

export function toClickHouseTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 23);
}

const UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The common `...T..:..:...sssZ` form maps to ClickHouse text without a Date round trip. */
function clickHouseTimeOf(text: string, ms: number): string {
  return UTC_MS.test(text) ? `${text.slice(0, 10)} ${text.slice(11, 23)}` : toClickHouseTime(ms);
}

function describe(issues: z.core.$ZodIssue[], prefix: string): string[] {
  return issues.map((i) => {
    const path = [prefix, ...i.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
      .filter(Boolean)
      .join('.')
      .replace(/\.\[/g, '[');
    return `${path || 'event'}: ${i.message}`;
  });
}

const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isLone = (s: string) => SURROGATE.test(s) && LONE_SURROGATE.test(s);

/** Deeper than this, `data` is refused: ClickHouse's JSON functions stop at 1024 levels. */
export const MAX_DEPTH = 64;

/**
 * One iterative walk of the event (no recursion: a body can nest 100k levels): the first
 * problem found, as "path: reason", or null. Checks nesting depth and that every string
 * and key is well-formed Unicode (a lone surrogate is valid JSON, but the store refuses
 * it and the id index would merge such ids).
 */
export function findStructuralProblem(root: unknown): string | null {
  return hasStructuralProblem(root) ? describeStructuralProblem(root) : null;
}

/** The fast pass (every event goes through it): no path strings. */
function hasStructuralProblem(root: unknown): boolean {
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop() as number;
    if (typeof value === 'string') {
      if (isLone(value)) return true;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) return true;
    if (Array.isArray(value)) {
      for (const v of value) {
        values.push(v);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      if (isLone(k)) return true;
      values.push((value as Record<string, unknown>)[k]);
      depths.push(depth + 1);
    }
  }
  return false;
}

/** The slow pass, only for a bad event: the path of the first problem, in document order. */
function describeStructuralProblem(root: unknown): string | null {
  const stack: [unknown, string, number][] = [[root, '', 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof value === 'string') {
      if (isLone(value)) return `${path || 'event'}: not well-formed Unicode (a lone surrogate)`;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) return `${path}: nested deeper than ${MAX_DEPTH} levels`;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}[${i}]`, depth + 1]);
      continue;
    }
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i] as [string, unknown];
      const p = path ? `${path}.${k}` : k;
      if (isLone(k)) return `${p}: not well-formed Unicode (a lone surrogate)`;
      stack.push([v, p, depth + 1]);
    }
  }
  return null;
}

/** Scores a feedback text (AFINN-165 `comparative`), or null when there is no text. */
export function sentimentScore(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  return sentiment.analyze(text).comparative;
}

/**
 * Validates one event against the contract and turns it into its raw row.
 * `nowMs` is passed in so that "more than 24 h in the future" is testable.
 */
export function validateEvent(input: unknown, nowMs: number, receivedAt: string = toClickHouseTime(nowMs)): Validation {
  const maybeId =
    input !== null && typeof input === 'object' && typeof (input as { id?: unknown }).id === 'string'
      ? ((input as { id: string }).id.slice(0, 128) as string)
      : undefined;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, id: undefined, errors: ['event: must be a JSON object'] };
  }
  const problem = findStructuralProblem(input);
  if (problem) return { ok: false, id: maybeId !== undefined && !isLone(maybeId) ? maybeId : undefined, errors: [problem] };
  const env = envelopeSchema.safeParse(input);
  if (!env.success) return { ok: false, id: maybeId, errors: describe(env.error.issues, '') };
  const { id, type, occurred_at, source } = env.data;
  const errors: string[] = [];
  const occurredMs = parseRfc3339(occurred_at);
  if (occurredMs === null) errors.push('occurred_at: must be an RFC 3339 timestamp with offset or Z');
  else if (occurredMs - nowMs > MAX_FUTURE_MS) errors.push('occurred_at: more than 24 h in the future');
  const data = eventDataSchemas[type].safeParse(env.data.data);
  if (!data.success) errors.push(...describe(data.error.issues, 'data'));
  if (errors.length > 0 || occurredMs === null) return { ok: false, id, errors };

  const event = { id, type, occurred_at, ...(source === undefined ? {} : { source }), data: data.data } as StockpulseEvent;
  const text = type === 'feedback.submitted' ? (event.data as { text?: string }).text : undefined;
  return {
    ok: true,
    event,
    row: {
      id,
      type,
      occurred_at: clickHouseTimeOf(occurred_at, occurredMs as number),
      received_at: receivedAt,
      source: source ?? '',
      data: JSON.stringify(data.data),
      sentiment: sentimentScore(text),
    },
  };
}

import { z } from 'zod';

/** Building blocks of the event contract (shared/spec/events.md): one rule, one place. */

export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

/** Ids are strings of 1..128 chars (events.md). */
export const entityId = z.string().min(1).max(128);

/** Quantities are integers; `z.number()` never coerces, so "5" is rejected. */
/** Quantities fit in 32 bits (what the store's columns hold), so a huge number is rejected, never wrapped. */
export const INT_LIMIT = 2_147_483_647;
export const int = z
  .number()
  .int()
  .refine((n) => Math.abs(n) <= INT_LIMIT, `must be between -${INT_LIMIT} and ${INT_LIMIT}`).meta({ description: 'An integer (a string like "5" is rejected)' });
export const positiveInt = int.refine((n) => n > 0, 'must be > 0');
export const nonNegativeInt = int.refine((n) => n >= 0, 'must be >= 0');

/**
 * Money: a decimal number with at most 4 decimals. Checked on the shortest
 * round-trip text of the number (what JSON.stringify writes and ClickHouse parses
 * into Decimal(18,4)), so 19.99 passes and 0.12345 or 1e-7 do not.
 */
export const MONEY_MAX = 1e13;
export const money = z
  .number()
  .refine((n) => Number.isFinite(n) && Math.abs(n) < MONEY_MAX, `must be a finite amount below ${MONEY_MAX}`)
  .refine((n) => /^-?\d+(\.\d{1,4})?$/.test(String(n)), 'must have at most 4 decimals')
  .meta({ description: 'Money in the shop currency: a JSON number with at most 4 decimals' });
export const nonNegativeMoney = money.refine((n) => n >= 0, 'must be >= 0');

/** `YYYY-MM-DD`, and a real calendar date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'must be a real calendar date')
  .meta({ format: 'date' });

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses RFC 3339 with offset or Z; returns epoch ms or null. Rejects impossible dates (02-30). */
export function parseRfc3339(s: string): number | null {
  const m = RFC3339.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, se] = m;
  const ms = Date.parse(s.replace(' ', 'T'));
  if (Number.isNaN(ms)) return null;
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se)));
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(se) > 59
  ) {
    return null;
  }
  return ms;
}

export const rfc3339 = z
  .string()
  .refine((s) => parseRfc3339(s) !== null, 'must be an RFC 3339 timestamp with offset or Z')
  .meta({ format: 'date-time', description: 'RFC 3339 with offset or Z; at most 24 h in the future' });

/** A date or a timestamp (`eta` of shipments): `YYYY-MM-DD` or RFC 3339. */
export const dateOrTimestamp = z
  .string()
  .refine((s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? isoDate.safeParse(s).success : parseRfc3339(s) !== null), 'must be YYYY-MM-DD or an RFC 3339 timestamp');

export const label = (max = 128) => z.string().min(1).max(max);

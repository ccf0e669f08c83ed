import type { StockpulseEvent } from '@stockpulse/metrics';

/**
 * One batch to `POST /v1/events`, retried until answered. 429/503 are the server asking us
 * to slow down: we wait (Retry-After) and send the same batch again, which is safe because
 * event ids are idempotency keys. Other 4xx answers mean a bug on one side: they stop the run.
 */

export interface RejectedEvent {
  index: number;
  id: string | undefined;
  errors: string[];
}

export interface SendProgress {
  /** Events the server has answered for. */
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  batches: number;
  retries: number;
  bytes: number;
}

export interface SendSummary extends SendProgress {
  /** The first few rejected events with their errors. */
  rejectedSamples: RejectedEvent[];
}

export interface RetryInfo {
  attempt: number;
  waitMs: number;
  status?: number;
  error?: string;
}

export interface SendOptions {
  /** Base URL of the API (`http://localhost:3000`) or the full `/v1/events` endpoint. */
  url: string;
  key?: string;
  batchSize?: number;
  concurrency?: number;
  /** Requests above this are split (the server takes at most 10 MiB). */
  maxBodyBytes?: number;
  /** With an async source, a partial batch is sent after the source has been idle this long. */
  lingerMs?: number;
  maxAttempts?: number;
  maxBackoffMs?: number;
  timeoutMs?: number;
  keepRejected?: number;
  signal?: AbortSignal;
  onProgress?: (progress: SendProgress) => void;
  onRetry?: (info: RetryInfo) => void;
}

export class SendError extends Error {
  summary: SendSummary | undefined;

  constructor(
    message: string,
    readonly status?: number,
    readonly body?: string,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

export interface Config extends Required<Omit<SendOptions, 'key' | 'signal' | 'onProgress' | 'onRetry'>> {
  endpoint: string;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
  onProgress: SendOptions['onProgress'];
  onRetry: SendOptions['onRetry'];
}

export function configure(opts: SendOptions): Config {
  const base = opts.url.replace(/\/+$/, '');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  const batchSize = opts.batchSize ?? 5000;
  if (!(batchSize >= 1 && batchSize <= 10_000)) throw new RangeError('batchSize must be 1..10000');
  return {
    url: opts.url,
    endpoint: base.endsWith('/v1/events') ? base : `${base}/v1/events`,
    headers,
    batchSize,
    concurrency: Math.max(1, opts.concurrency ?? 4),
    maxBodyBytes: opts.maxBodyBytes ?? 9.5 * 1024 * 1024,
    lingerMs: opts.lingerMs ?? 250,
    maxAttempts: opts.maxAttempts ?? 12,
    maxBackoffMs: opts.maxBackoffMs ?? 15_000,
    timeoutMs: opts.timeoutMs ?? 120_000,
    keepRejected: opts.keepRejected ?? 20,
    signal: opts.signal,
    onProgress: opts.onProgress,
    onRetry: opts.onRetry,
  };
}

export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After is seconds or an HTTP date; capped so a bad header cannot park us for hours. */
export function retryAfterMs(header: string | null, capMs = 300_000): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(capMs, Math.max(0, ms)) : undefined;
}

function backoffMs(attempt: number, cap: number): number {
  const exp = Math.min(cap, 250 * 2 ** (attempt - 1));
  return exp / 2 + (Math.random() * exp) / 2; // jitter keeps parallel senders apart
}

interface BatchAnswer {
  accepted: number;
  duplicates: number;
  rejected: RejectedEvent[];
}

function parseAnswer(text: string, batch: readonly StockpulseEvent[]): BatchAnswer {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new SendError(`unexpected answer (not JSON): ${text.slice(0, 200)}`, 200, text);
  }
  const b = (body ?? {}) as { accepted?: unknown; duplicates?: unknown; rejected?: unknown };
  const rejected = Array.isArray(b.rejected)
    ? b.rejected.map((r: { index?: unknown; id?: unknown; errors?: unknown }) => {
        const index = typeof r?.index === 'number' ? r.index : -1;
        const errors = Array.isArray(r?.errors) ? r.errors.map(String) : [String(r?.errors ?? 'rejected')];
        return { index, id: typeof r?.id === 'string' ? r.id : batch[index]?.id, errors };
      })
    : [];
  const duplicates = typeof b.duplicates === 'number' ? b.duplicates : 0;
  const accepted = typeof b.accepted === 'number' ? b.accepted : batch.length - duplicates - rejected.length;
  return { accepted, duplicates, rejected };
}

/** Network failures worth retrying (server restarting, connection dropped, timeout); others are permanent. */
const TRANSIENT = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'TimeoutError',
]);

async function attempt(cfg: Config, body: string, batch: readonly StockpulseEvent[]): Promise<BatchAnswer | { retry: number | undefined; status?: number; error?: string }> {
  const signals = [AbortSignal.timeout(cfg.timeoutMs), ...(cfg.signal ? [cfg.signal] : [])];
  let res: Response;
  try {
    res = await fetch(cfg.endpoint, { method: 'POST', headers: cfg.headers, body, signal: AbortSignal.any(signals) });
  } catch (err) {
    if (cfg.signal?.aborted) throw err;
    const cause = (err as { cause?: { code?: string; name?: string; message?: string } }).cause;
    const code = cause?.code ?? (err as { name?: string }).name ?? '';
    if (!TRANSIENT.has(code)) throw new SendError(`POST ${cfg.endpoint} failed: ${cause?.message ?? (err as Error).message}`);
    return { retry: undefined, error: code };
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    if (cfg.signal?.aborted) throw err;
    // The answer was cut off: the batch may or may not be in; resending is safe (ids are idempotency keys).
    return { retry: undefined, status: res.status, error: 'answer cut off' };
  }
  if (res.ok) return parseAnswer(text, batch);
  if (res.status === 429 || res.status === 503) return { retry: retryAfterMs(res.headers.get('retry-after')), status: res.status };
  if (res.status >= 500) return { retry: undefined, status: res.status, error: text.slice(0, 200) };
  const hint = res.status === 401 || res.status === 403 ? ' (check --key / STOCKPULSE_API_KEY)' : '';
  throw new SendError(`POST ${cfg.endpoint} answered ${res.status}${hint}: ${text.slice(0, 1000)}`, res.status, text);
}

/** Posts one batch until it is answered; returns the answer and how many retries it took. */
async function postBatch(cfg: Config, batch: readonly StockpulseEvent[], body: string): Promise<BatchAnswer & { retries: number }> {
  for (let n = 1; ; n++) {
    const result = await attempt(cfg, body, batch);
    if (!('retry' in result)) return { ...result, retries: n - 1 };
    if (n >= cfg.maxAttempts) {
      throw new SendError(`POST ${cfg.endpoint} still failing after ${n} attempts: ${result.status ?? ''} ${result.error ?? ''}`.trim(), result.status);
    }
    const waitMs = result.retry ?? backoffMs(n, cfg.maxBackoffMs);
    cfg.onRetry?.({ attempt: n, waitMs, ...(result.status ? { status: result.status } : {}), ...(result.error ? { error: result.error } : {}) });
    await sleep(waitMs, cfg.signal);
  }
}

export function emptySummary(): SendSummary {
  return { sent: 0, accepted: 0, duplicates: 0, rejected: 0, batches: 0, retries: 0, bytes: 0, rejectedSamples: [] };
}

/** Serialises a batch, halving it while the body is above the size limit. */
export async function sendSized(cfg: Config, batch: readonly StockpulseEvent[], summary: SendSummary): Promise<void> {
  const body = JSON.stringify(batch);
  if (body.length > cfg.maxBodyBytes / 4 && Buffer.byteLength(body) > cfg.maxBodyBytes && batch.length > 1) {
    const half = Math.ceil(batch.length / 2);
    await sendSized(cfg, batch.slice(0, half), summary);
    await sendSized(cfg, batch.slice(half), summary);
    return;
  }
  const answer = await postBatch(cfg, batch, body);
  summary.sent += batch.length;
  summary.accepted += answer.accepted;
  summary.duplicates += answer.duplicates;
  summary.rejected += answer.rejected.length;
  summary.batches += 1;
  summary.retries += answer.retries;
  summary.bytes += body.length;
  for (const r of answer.rejected) if (summary.rejectedSamples.length < cfg.keepRejected) summary.rejectedSamples.push(r);
  const { rejectedSamples: _, ...progress } = summary;
  cfg.onProgress?.(progress);
}

import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OVERVIEW_KPIS, getKpi, isDimension, parseMetricQuery, QueryError, type KpiDefinition, type QueryParams } from '@stockpulse/metrics';
import type { AppContext } from '../context.js';
import { ApiError, forbidden } from '../errors.js';
import { assertCanReadKpi, authorize, canReadKpi, type Principal } from '../plugins/auth.js';
import { toApiError } from '../routes/metrics.js';
import type { LiveHub, LiveQuery, LiveSink, LiveSpec } from './hub.js';

export { LiveHub } from './hub.js';

/**
 * `GET /v1/live` — Server-Sent Events (api.md):
 *   event: snapshot   data: {"at","from","to","metrics":{"<name>":{"value","numerator","denominator"}}}
 *                     first on connect, then whenever a value changed after new events became queryable;
 *   event: alert      reserved for the operations issue (alert rules); not sent yet;
 *   `: ping`          a comment every 15 s, so that proxies keep the connection open.
 * Each event carries `id:`, an increasing counter that continues from `Last-Event-ID` on a
 * reconnect. A snapshot is the whole state, so a reconnect simply starts with the current one.
 */

/** The overview tiles: what a stream without `metrics=` carries. */
export const OVERVIEW_METRICS = OVERVIEW_KPIS;

const MAX_METRICS = 32;
const WINDOW_PARAMS = ['from', 'to', 'tz'] as const;
/** A client this far behind is not reading: drop it rather than buffer without end. */
const MAX_BUFFERED_BYTES = 1 << 20;
/** How soon an EventSource reconnects after the stream ends (server restart, shutdown). */
const RETRY_MS = 2_000;
/** Keys are revoked, sessions expire, roles change: an open stream re-checks its caller this often. */
const REAUTHORIZE_MS = 60_000;

function single(params: QueryParams, name: string): string | undefined {
  const v = params[name];
  if (Array.isArray(v)) throw new QueryError(name, `parameter "${name}" is given more than once`);
  return v;
}

/** The KPIs a stream asks for: `metrics=a,b,c`, or the overview tiles. */
export function requestedMetrics(params: QueryParams): { names: string[]; explicit: boolean } {
  const raw = single(params, 'metrics');
  if (raw === undefined) return { names: [...OVERVIEW_METRICS], explicit: false };
  const names = [...new Set(raw.split(',').map((s) => s.trim()))];
  if (names.some((n) => n.length === 0)) throw new QueryError('metrics', '"metrics" must be a comma-separated list of metric names');
  if (names.length > MAX_METRICS) throw new QueryError('metrics', `at most ${MAX_METRICS} metrics per stream`);
  for (const name of names) {
    try {
      getKpi(name);
    } catch (err) {
      if (err instanceof QueryError) throw new QueryError('metrics', err.message, err.code);
      throw err;
    }
  }
  return { names, explicit: true };
}

/**
 * Validates the stream's filters against the metrics it carries. Each KPI gets only the
 * dimension filters it takes (nps is not split by category, say); a parameter that is not
 * a window parameter or a dimension, or a dimension that none of the KPIs takes, is a 400
 * naming it, as on /v1/metrics. The key is canonical (sorted metrics and values, absolute
 * from/to), so equal subscriptions share one group in the hub.
 */
export function parseLiveQuery(names: readonly string[], params: QueryParams, nowMs: number): LiveSpec {
  const kpis: KpiDefinition[] = [...names].sort().map((n) => getKpi(n));
  for (const key of Object.keys(params)) {
    if (key === 'metrics' || (WINDOW_PARAMS as readonly string[]).includes(key)) continue;
    if (!isDimension(key)) {
      const hint = key === 'grain' || key === 'by' ? '; /v1/live sends totals only' : '';
      throw new QueryError(key, `unknown parameter "${key.slice(0, 64)}"${hint}`);
    }
    if (!kpis.some((k) => k.dimensions.includes(key))) {
      throw new QueryError(key, `none of the streamed metrics can be filtered by "${key}" (${names.join(', ')})`);
    }
  }
  const queries: LiveQuery[] = kpis.map((kpi) => {
    const own: QueryParams = {};
    for (const p of WINDOW_PARAMS) if (params[p] !== undefined) own[p] = params[p];
    for (const dim of kpi.dimensions) if (params[dim] !== undefined) own[dim] = params[dim];
    const q = parseMetricQuery(kpi.name, own, nowMs);
    // Absolute instants, sorted unique values: the same subscription spelled differently is one key.
    const canonical: Record<string, string> = { tz: q.tz };
    if (params.from !== undefined) canonical.from = new Date(q.fromMs).toISOString();
    if (params.to !== undefined) canonical.to = new Date(q.toMs).toISOString();
    for (const dim of Object.keys(q.filters).sort()) {
      canonical[dim] = [...new Set(q.filters[dim as keyof typeof q.filters])].sort().join(',');
    }
    return { metric: kpi.name, params: canonical, key: JSON.stringify([kpi.name, canonical]) };
  });
  return { key: JSON.stringify(queries.map((q) => q.key)), queries };
}

/**
 * Per-KPI access, checked where the data is read: an explicitly requested KPI the caller
 * may not read is a 403 naming it, as on /v1/metrics/{name}; the default overview set is
 * narrowed to what the caller may read (a marketing user's stream has no finance tiles).
 */
export function readableMetrics(principal: Principal, names: readonly string[], explicit: boolean): string[] {
  if (explicit) {
    for (const name of names) assertCanReadKpi(principal, name);
    return [...names];
  }
  const readable = names.filter((name) => canReadKpi(principal, name));
  if (readable.length === 0) throw forbidden('your roles allow none of the overview KPIs');
  return readable;
}

export function parseLastEventId(header: string | string[] | undefined): number {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || !/^\d{1,15}$/.test(raw.trim())) return 0;
  return Number(raw.trim());
}

/** The hub of each app, for tests and the /metrics gauges. */
const hubs = new WeakMap<AppContext, LiveHub>();
export const liveHubOf = (app: FastifyInstance): LiveHub | undefined => hubs.get(app.ctx);

/** One connection's SSE framing: ids continue from Last-Event-ID; a client that stops reading is dropped. */
function sseSink(stream: PassThrough, request: FastifyRequest): LiveSink {
  let nextId = parseLastEventId(request.headers['last-event-id']) + 1;
  const write = (frame: string) => {
    if (stream.destroyed || stream.writableEnded) return;
    if (stream.writableLength > MAX_BUFFERED_BYTES) {
      request.log.warn({ buffered: stream.writableLength }, 'live client is not reading; closing its stream');
      stream.destroy();
      return;
    }
    stream.write(frame);
  };
  write(`retry: ${RETRY_MS}\n\n`);
  return {
    snapshot: (data) => write(`id: ${nextId++}\nevent: snapshot\ndata: ${data}\n\n`),
    ping: () => write(': ping\n\n'),
    end: () => stream.end(),
  };
}

/** Ends the stream when a re-check says the caller may no longer read it; returns the stop function. */
function recheckEvery(ms: number, allowed: () => Promise<boolean>, stream: PassThrough, request: FastifyRequest): () => void {
  const timer = setInterval(() => {
    allowed().then(
      (ok) => ok || stream.end(),
      (err: unknown) => {
        if (err instanceof ApiError && (err.statusCode === 401 || err.statusCode === 403)) stream.end();
        else request.log.warn({ err }, 'could not re-check a live stream caller; keeping the stream');
      },
    );
  }, ms).unref();
  return () => clearInterval(timer);
}

export interface LiveRoutesOptions {
  hub: LiveHub;
  reauthorizeMs?: number;
}

export async function liveRoutes(app: FastifyInstance, opts: LiveRoutesOptions): Promise<void> {
  const { hub } = opts;
  const reauthorizeMs = opts.reauthorizeMs ?? REAUTHORIZE_MS;
  const { keys, now } = app.ctx;
  hubs.set(app.ctx, hub);
  // Open streams would hold the server's close; end them first.
  app.addHook('preClose', async () => hub.close());

  app.get('/v1/live', { exposeHeadRoute: false }, async (request, reply) => {
    const principal = await authorize(keys, request, 'read');
    const params = request.query as QueryParams;
    let spec: LiveSpec;
    let stillAllowed: () => Promise<boolean>;
    try {
      const { names, explicit } = requestedMetrics(params);
      const readable = readableMetrics(principal, names, explicit);
      spec = parseLiveQuery(readable, params, now());
      // Still allowed, and to the same tiles? Otherwise the stream ends; a reconnect gets the new answer.
      stillAllowed = async () => readableMetrics(await authorize(keys, request, 'read'), names, explicit).join() === readable.join();
    } catch (err) {
      throw toApiError(err);
    }

    const stream = new PassThrough();
    const subscription = hub.subscribe(spec, sseSink(stream, request));
    const stopRechecks = recheckEvery(reauthorizeMs, stillAllowed, stream, request);
    // Either side going away ends the subscription: the client (request.raw closes with its
    // socket) or the stream (ended by the hub or a re-check, destroyed for a client that stopped reading).
    const close = () => {
      stopRechecks();
      subscription.close();
    };
    request.raw.once('close', close);
    stream.once('close', close);
    try {
      await subscription.ready;
    } catch (err) {
      close();
      throw err;
    }
    subscription.start();
    return reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('x-accel-buffering', 'no')
      .send(stream);
  });
}

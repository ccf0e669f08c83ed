import type { FastifyInstance } from 'fastify';
import { ApiError, badRequest, tooManyRequests, unavailable } from '../errors.js';
import { authorize } from '../plugins/auth.js';

export const MAX_EVENTS_PER_REQUEST = 10_000;

// Bytes that are not UTF-8 would become U+FFFD and merge distinct ids; refuse them. A BOM
// is kept (so the body is not JSON): RFC 8259 forbids sending one.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw badRequest('invalid_body', 'body is not valid UTF-8');
  }
}

interface ParsedBody {
  events: unknown[];
  /** NDJSON lines that were not JSON, rejected one by one. */
  unparsable: { index: number; errors: string[] }[];
}

function parseJsonBody(text: string): ParsedBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw badRequest('invalid_body', `body is not valid JSON: ${(err as Error).message}`);
  }
  if (Array.isArray(body)) return { events: body, unparsable: [] };
  if (body !== null && typeof body === 'object' && Array.isArray((body as { events?: unknown }).events)) {
    return { events: (body as { events: unknown[] }).events, unparsable: [] };
  }
  throw badRequest('invalid_body', 'body must be a JSON array of events or {"events": [...]}');
}

function parseNdjsonBody(text: string): ParsedBody {
  const events: unknown[] = [];
  const unparsable: ParsedBody['unparsable'] = [];
  const lines = text.split('\n');
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (events.length > MAX_EVENTS_PER_REQUEST) break;
    try {
      events.push(JSON.parse(line));
    } catch (err) {
      // Keep the index aligned with the event's position among non-empty lines.
      unparsable.push({ index: events.length, errors: [`line is not valid JSON: ${(err as Error).message}`] });
      events.push(undefined);
    }
  }
  if (events.length > 0 && unparsable.length === events.length) {
    throw badRequest('invalid_body', 'no line of the NDJSON body is valid JSON');
  }
  return { events, unparsable };
}

/** POST /v1/events: api.md "Ingest". */
export async function eventsRoutes(app: FastifyInstance): Promise<void> {
  const { keys, pipeline, metrics, env } = app.ctx;
  let inflight = 0;

  // Bodies arrive as text: parsing here gives api.md's errors, not the framework's.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(['application/json', 'application/x-ndjson'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post('/v1/events', async (request, reply) => {
    const started = process.hrtime.bigint();
    try {
      await authorize(keys, request, 'ingest');
      if (!pipeline.ready) throw unavailable('ingest is starting', 1);
      if (pipeline.overloaded) throw unavailable('the store is behind; retry shortly', 2);
      if (inflight >= env.INGEST_MAX_INFLIGHT) throw tooManyRequests('too many concurrent ingest requests', 1);
      const text = Buffer.isBuffer(request.body) ? decodeUtf8(request.body) : '';
      if (text.trim() === '') throw badRequest('invalid_body', 'body is empty');
      const ndjson = (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-ndjson');
      const parsed = ndjson ? parseNdjsonBody(text) : parseJsonBody(text);
      if (parsed.events.length > MAX_EVENTS_PER_REQUEST) {
        throw new ApiError(413, 'payload_too_large', `at most ${MAX_EVENTS_PER_REQUEST} events per request`, { max_events: MAX_EVENTS_PER_REQUEST });
      }
      inflight++;
      let result;
      try {
        result = await pipeline.accept(parsed.events);
      } catch (err) {
        request.log.error({ err }, 'write-ahead log append failed');
        throw unavailable('could not make the batch durable; nothing was accepted', 2);
      } finally {
        inflight--;
      }
      // Unparsable NDJSON lines were passed as `undefined` and rejected by validation; name the real cause.
      for (const u of parsed.unparsable) {
        const r = result.rejected.find((x) => x.index === u.index);
        if (r) r.errors = u.errors;
      }
      metrics.ingestEvents.inc({ outcome: 'accepted' }, result.accepted);
      metrics.ingestEvents.inc({ outcome: 'duplicate' }, result.duplicates);
      metrics.ingestEvents.inc({ outcome: 'rejected' }, result.rejected.length);
      metrics.ingestBatchSize.observe(parsed.events.length);
      metrics.ingestAckSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
      metrics.ingestRequests.inc({ status: '200' });
      return reply.send(result);
    } catch (err) {
      const status = err instanceof ApiError ? err.statusCode : 500;
      metrics.ingestRequests.inc({ status: String(status) });
      throw err;
    }
  });
}

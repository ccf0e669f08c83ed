import type { FastifyError, FastifyInstance } from 'fastify';

/** One error type with stable codes, mapped to the JSON error shape of api.md by one handler. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: unknown) => new ApiError(400, code, message, details);
export const unauthorized = (message = 'missing or invalid credentials') => new ApiError(401, 'unauthorized', message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const unavailable = (message: string, retryAfterSeconds: number) =>
  new ApiError(503, 'unavailable', message, undefined, { 'retry-after': String(retryAfterSeconds) });
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new ApiError(429, 'too_many_requests', message, undefined, { 'retry-after': String(retryAfterSeconds) });

/** Fastify's own client errors, by code: status and our stable code. */
const FASTIFY_CODES: Record<string, [number, string, string?]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'request body is larger than 10 MiB'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'use application/json or application/x-ndjson'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_body', 'body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_body'],
  FST_ERR_VALIDATION: [400, 'invalid_parameter'],
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError, request, reply) => {
    if (err instanceof ApiError) {
      void reply.headers(err.headers).code(err.statusCode).send({ error: { code: err.code, message: err.message, details: err.details } });
      return;
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) {
      const [status, code, message] = known;
      void reply.code(status).send({ error: { code, message: message ?? err.message } });
      return;
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      void reply.code(err.statusCode).send({ error: { code: 'bad_request', message: err.message } });
      return;
    }
    request.log.error({ err }, 'request failed');
    void reply.code(500).send({ error: { code: 'internal', message: 'internal error' } });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } });
  });
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KPIS, QueryError, encodeCursor, parseMetricQuery, parseRecordsParams, runMetric, runRecords, toCsv, type QueryParams } from '@stockpulse/metrics';
import { ApiError } from '../errors.js';
import { assertCanReadKpi, authorize, canReadKpi } from '../plugins/auth.js';

/** Maps a bad metric query to a 400 that names the parameter. */
export function toApiError(err: unknown): unknown {
  if (err instanceof QueryError) return new ApiError(400, err.code, err.message, { parameter: err.param });
  return err;
}

const catalogue = KPIS.map((k) => ({
  name: k.name,
  title: k.title,
  unit: k.unit,
  description: k.description,
  ...(k.numerator ? { numerator: k.numerator.description, denominator: k.denominator?.description } : {}),
  dimensions: k.dimensions,
  grains: k.grains,
}));

export async function metricsRoutes(app: FastifyInstance): Promise<void> {
  const { keys, store, metrics, now } = app.ctx;

  app.get('/v1/metrics', async (request) => {
    const principal = await authorize(keys, request, 'read');
    return { metrics: catalogue.filter((k) => canReadKpi(principal, k.name)) };
  });

  app.get<{ Params: { name: string } }>('/v1/metrics/:name', async (request: FastifyRequest<{ Params: { name: string } }>) => {
    const principal = await authorize(keys, request, 'read');
    const started = process.hrtime.bigint();
    try {
      const q = parseMetricQuery(request.params.name, request.query as QueryParams, now());
      assertCanReadKpi(principal, q.kpi.name);
      const result = await runMetric(store.reader, q);
      metrics.metricQuerySeconds.observe({ metric: q.kpi.name }, Number(process.hrtime.bigint() - started) / 1e9);
      return result;
    } catch (err) {
      throw toApiError(err);
    }
  });

  app.get<{ Params: { name: string } }>('/v1/metrics/:name/records', async (request, reply) => {
    const principal = await authorize(keys, request, 'read');
    try {
      const params = request.query as QueryParams;
      const q = parseMetricQuery(request.params.name, params, now(), ['limit', 'cursor', 'sort', 'format']);
      assertCanReadKpi(principal, q.kpi.name);
      const page = parseRecordsParams(params);
      const result = await runRecords(store.reader, { q, limit: page.limit, offset: page.offset, sort: page.sort });
      const next = result.next_offset === null ? null : encodeCursor(result.next_offset);
      if (page.format === 'csv') {
        if (next) void reply.header('x-next-cursor', next);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${q.kpi.name}-records.csv"`)
          .send(toCsv(result.columns, result.rows));
      }
      return {
        metric: q.kpi.name,
        from: new Date(q.fromMs).toISOString(),
        to: new Date(q.toMs).toISOString(),
        columns: result.columns,
        rows: result.rows,
        next_cursor: next,
      };
    } catch (err) {
      throw toApiError(err);
    }
  });
}

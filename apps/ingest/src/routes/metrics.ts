import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KPIS, QueryError, parseMetricQuery, runMetric, type QueryParams } from '@stockpulse/metrics';
import { ApiError } from '../errors.js';
import { authorize } from '../plugins/auth.js';

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
    await authorize(keys, request, 'read');
    return { metrics: catalogue };
  });

  app.get<{ Params: { name: string } }>('/v1/metrics/:name', async (request: FastifyRequest<{ Params: { name: string } }>) => {
    await authorize(keys, request, 'read');
    const started = process.hrtime.bigint();
    try {
      const q = parseMetricQuery(request.params.name, request.query as QueryParams, now());
      const result = await runMetric(store.reader, q);
      metrics.metricQuerySeconds.observe({ metric: q.kpi.name }, Number(process.hrtime.bigint() - started) / 1e9);
      return result;
    } catch (err) {
      throw toApiError(err);
    }
  });
}

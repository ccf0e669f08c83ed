import type { FastifyInstance } from 'fastify';
import { schemaIsCurrent } from '@stockpulse/metrics';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  const { store, pipeline, metrics } = app.ctx;
  let schemaChecked = false;

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const checks: Record<string, string> = {};
    try {
      await store.reader.query({ query: 'SELECT 1', format: 'JSONEachRow' }).then((r) => r.json());
      checks.store = 'ok';
      if (!schemaChecked) schemaChecked = await schemaIsCurrent(store.reader);
      checks.schema = schemaChecked ? 'ok' : 'pending migrations';
    } catch (err) {
      checks.store = `unreachable: ${(err as Error).message.slice(0, 200)}`;
    }
    checks.ingest = pipeline.ready ? 'ok' : 'starting';
    if (pipeline.writer.failing) checks.writer = 'store refusing inserts; events are kept in the write-ahead log';
    const ready = checks.store === 'ok' && checks.schema === 'ok' && checks.ingest === 'ok';
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });

  app.get('/metrics', async (_request, reply) => {
    metrics.backlogRows.set(pipeline.writer.backlogRows);
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

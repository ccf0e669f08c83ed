import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { badRequest, notFound } from '../errors.js';
import { authorize, SCOPES } from '../plugins/auth.js';

const createKey = z.object({
  name: z.string().min(1).max(200),
  scopes: z.array(z.enum(SCOPES)).min(1),
});

/** API key management (admin scope). The key itself is returned once, at creation. */
export async function keysRoutes(app: FastifyInstance): Promise<void> {
  const { keys } = app.ctx;

  app.get('/v1/keys', async (request) => {
    await authorize(keys, request, 'admin');
    return { keys: await keys.list() };
  });

  app.post('/v1/keys', async (request, reply) => {
    await authorize(keys, request, 'admin');
    let body: unknown = request.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        throw badRequest('invalid_body', 'body is not valid JSON');
      }
    }
    const parsed = createKey.safeParse(body);
    if (!parsed.success) {
      throw badRequest('invalid_body', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    }
    const created = await keys.create(parsed.data.name, parsed.data.scopes);
    return reply.code(201).send({ id: created.id, key: created.key, name: parsed.data.name, scopes: parsed.data.scopes });
  });

  app.delete<{ Params: { id: string } }>('/v1/keys/:id', async (request, reply) => {
    await authorize(keys, request, 'admin');
    if (!(await keys.revoke(request.params.id))) throw notFound(`no active key ${request.params.id}`);
    return reply.code(204).send();
  });
}

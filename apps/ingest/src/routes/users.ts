import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROLES } from '@stockpulse/metrics';
import { ApiError, badRequest, notFound } from '../errors.js';
import { authorize } from '../plugins/auth.js';
import { MIN_PASSWORD_LENGTH, describeUser } from '../plugins/sessions.js';

const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);
const password = z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1024);
const createUser = z.object({ email: z.email().max(320), password, roles, name: z.string().min(1).max(200).optional() });
const patchUser = z.object({ roles: roles.optional(), password: password.optional(), disabled: z.boolean().optional(), name: z.string().min(1).max(200).optional() });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw badRequest('invalid_body', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return parsed.data;
}

/** User administration (admin scope or role). */
export async function usersRoutes(app: FastifyInstance): Promise<void> {
  const { keys } = app.ctx;
  const sessions = keys.sessions;
  if (!sessions) throw new Error('user routes need the session store');

  app.get('/v1/users', async (request) => {
    await authorize(keys, request, 'admin');
    return { users: (await sessions.list()).map(describeUser) };
  });

  app.post('/v1/users', async (request, reply) => {
    await authorize(keys, request, 'admin');
    const input = parse(createUser, request.body);
    const created = await sessions.createUser(input);
    if (created === 'exists') throw new ApiError(409, 'conflict', `a user with e-mail ${input.email} exists`);
    return reply.code(201).send({ user: describeUser(created) });
  });

  app.patch<{ Params: { id: string } }>('/v1/users/:id', async (request) => {
    const principal = await authorize(keys, request, 'admin');
    const patch = parse(patchUser, request.body);
    if (principal.kind === 'session' && principal.user.id === request.params.id && (patch.disabled || (patch.roles && !patch.roles.includes('admin')))) {
      throw badRequest('invalid_body', 'you cannot disable yourself or drop your own admin role');
    }
    const user = await sessions.updateUser(request.params.id, patch);
    if (!user) throw notFound(`no user ${request.params.id}`);
    return { user: describeUser(user) };
  });

  app.delete<{ Params: { id: string } }>('/v1/users/:id', async (request, reply) => {
    const principal = await authorize(keys, request, 'admin');
    if (principal.kind === 'session' && principal.user.id === request.params.id) throw badRequest('invalid_body', 'you cannot delete yourself');
    if (!(await sessions.deleteUser(request.params.id))) throw notFound(`no user ${request.params.id}`);
    return reply.code(204).send();
  });
}

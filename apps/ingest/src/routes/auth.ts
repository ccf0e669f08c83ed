import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ApiError, badRequest, unauthorized } from '../errors.js';
import { authorize } from '../plugins/auth.js';
import { ABSOLUTE_TIMEOUT_MS, CSRF_COOKIE, SESSION_COOKIE, describeUser } from '../plugins/sessions.js';

const login = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw badRequest('invalid_body', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return parsed.data;
}

function setSessionCookies(reply: FastifyReply, token: string, csrf: string): void {
  const common = { path: '/', secure: true, sameSite: 'lax' as const, maxAge: ABSOLUTE_TIMEOUT_MS / 1000 };
  void reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
}

/** Dashboard sign-in (docs/auth.md). */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { keys, now } = app.ctx;
  const sessions = keys.sessions;
  if (!sessions) throw new Error('auth routes need the session store');

  app.post('/v1/auth/login', async (request, reply) => {
    const { email, password } = parseBody(login, request.body);
    const user = await sessions.checkPassword(email, password);
    if (!user) throw unauthorized('wrong e-mail or password');
    const { token, csrf } = await sessions.create(user.id, now());
    setSessionCookies(reply, token, csrf);
    request.log.info({ userId: user.id }, 'signed in');
    return { user: describeUser(user), csrf_token: csrf };
  });

  app.post('/v1/auth/logout', async (request, reply) => {
    const principal = await authorize(keys, request, 'read');
    if (principal.kind !== 'session') throw new ApiError(400, 'not_a_session', 'sign-out ends a dashboard session; API keys are revoked with DELETE /v1/keys/{id}');
    await sessions.end(principal.user.sessionId);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/v1/auth/me', async (request) => {
    const principal = await authorize(keys, request, 'read');
    if (principal.kind !== 'session') throw new ApiError(400, 'not_a_session', 'this answers for dashboard sessions; API keys have no user');
    const { sessionId: _s, csrf, ...user } = principal.user;
    return { user: describeUser(user), csrf_token: csrf };
  });
}

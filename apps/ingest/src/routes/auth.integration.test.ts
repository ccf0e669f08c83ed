import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDLE_TIMEOUT_MS, SessionStore } from '../plugins/sessions.js';
import { startTestApp, type TestApp } from '../testing/harness.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');
let t: TestApp;
const admin = () => ({ authorization: `Bearer ${t.key}` });

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
  for (const [email, roles] of [
    ['mara@example.com', ['marketing']],
    ['fin@example.com', ['finance']],
    ['ops@example.com', ['warehouse', 'logistics']],
  ] as const) {
    const r = await t.app.inject({ method: 'POST', url: '/v1/users', headers: admin(), payload: { email, password: 'correct horse battery', roles } });
    expect(r.statusCode).toBe(201);
  }
});
afterAll(() => t.close());

async function signIn(email: string, password = 'correct horse battery') {
  const r = await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password } });
  const cookies = Object.fromEntries(r.cookies.map((c) => [c.name, c]));
  return { r, cookies, header: r.statusCode === 200 ? `sp_session=${cookies.sp_session?.value}` : '', csrf: r.statusCode === 200 ? (r.json() as { csrf_token: string }).csrf_token : '' };
}

describe('sign-in and sessions', () => {
  it('sets an HttpOnly, Secure, SameSite session cookie and answers the user with what they may open', async () => {
    const s = await signIn('MARA@example.com');
    expect(s.r.statusCode).toBe(200);
    const session = s.cookies.sp_session;
    expect(session?.httpOnly).toBe(true);
    expect(session?.secure).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    expect(s.cookies.sp_csrf?.httpOnly).toBeFalsy();
    const body = s.r.json() as { user: { roles: string[]; pages: string[]; kpis: string[] } };
    expect(body.user.roles).toEqual(['marketing']);
    expect(body.user.pages.sort()).toEqual(['marketing', 'overview']);
    expect(body.user.kpis).toContain('nps');
    expect(body.user.kpis).not.toContain('lost_sales');
    const me = await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie: s.header } });
    expect(me.statusCode).toBe(200);
    expect((me.json() as { csrf_token: string }).csrf_token).toBe(s.csrf);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    for (const [email, pw] of [
      ['mara@example.com', 'wrong password!!'],
      ['nobody@example.com', 'correct horse battery'],
    ]) {
      const r = (await signIn(email as string, pw)).r;
      expect(r.statusCode).toBe(401);
      expect(r.cookies).toHaveLength(0);
      expect((r.json() as { error: { code: string } }).error.code).toBe('unauthorized');
    }
  });

  it('checks KPI access where data is read: marketing cannot read finance KPIs or their records', async () => {
    const s = await signIn('mara@example.com');
    const ok = await t.app.inject({ method: 'GET', url: '/v1/metrics/nps', headers: { cookie: s.header } });
    expect(ok.statusCode).toBe(200);
    for (const url of ['/v1/metrics/lost_sales', '/v1/metrics/revenue?by=category', '/v1/metrics/backorder_cost/records', '/v1/metrics/inventory_value/records?format=csv']) {
      const r = await t.app.inject({ method: 'GET', url, headers: { cookie: s.header } });
      expect(r.statusCode, url).toBe(403);
      expect((r.json() as { error: { code: string; message: string } }).error.code).toBe('forbidden');
    }
    const list = (await t.app.inject({ method: 'GET', url: '/v1/metrics', headers: { cookie: s.header } })).json() as { metrics: { name: string }[] };
    expect(list.metrics.map((m) => m.name)).not.toContain('lost_margin');
    const fin = await signIn('fin@example.com');
    expect((await t.app.inject({ method: 'GET', url: '/v1/metrics/lost_sales', headers: { cookie: fin.header } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/v1/metrics/nps', headers: { cookie: fin.header } })).statusCode).toBe(403);
  });

  it('gives sessions no admin or ingest rights unless the role says so', async () => {
    const s = await signIn('ops@example.com');
    expect((await t.app.inject({ method: 'GET', url: '/v1/users', headers: { cookie: s.header } })).statusCode).toBe(403);
    const post = await t.app.inject({ method: 'POST', url: '/v1/events', headers: { cookie: s.header, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, payload: '[]' });
    expect(post.statusCode).toBe(403);
  });

  it('requires the CSRF header on changes made with the cookie', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/users',
      headers: admin(),
      payload: { email: 'root2@example.com', password: 'correct horse battery', roles: ['admin'] },
    });
    expect(created.statusCode).toBe(201);
    const s = await signIn('root2@example.com');
    const payload = { name: 'k', scopes: ['read'] };
    const without = await t.app.inject({ method: 'POST', url: '/v1/keys', headers: { cookie: s.header }, payload });
    expect(without.statusCode).toBe(403);
    expect((without.json() as { error: { code: string } }).error.code).toBe('csrf');
    const wrong = await t.app.inject({ method: 'POST', url: '/v1/keys', headers: { cookie: s.header, 'x-csrf-token': 'x'.repeat(s.csrf.length) }, payload });
    expect(wrong.statusCode).toBe(403);
    const right = await t.app.inject({ method: 'POST', url: '/v1/keys', headers: { cookie: s.header, 'x-csrf-token': s.csrf }, payload });
    expect(right.statusCode).toBe(201);
  });

  it('signs out: the session stops working', async () => {
    const s = await signIn('mara@example.com');
    const out = await t.app.inject({ method: 'POST', url: '/v1/auth/logout', headers: { cookie: s.header, 'x-csrf-token': s.csrf } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie: s.header } })).statusCode).toBe(401);
  });

  it('ends sessions of a disabled user, and refuses their sign-in', async () => {
    const s = await signIn('fin@example.com');
    const users = (await t.app.inject({ method: 'GET', url: '/v1/users', headers: admin() })).json() as { users: { id: string; email: string }[] };
    const fin = users.users.find((u) => u.email === 'fin@example.com');
    const r = await t.app.inject({ method: 'PATCH', url: `/v1/users/${fin?.id}`, headers: admin(), payload: { disabled: true } });
    expect(r.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie: s.header } })).statusCode).toBe(401);
    expect((await signIn('fin@example.com')).r.statusCode).toBe(401);
  });

  it('expires idle sessions', async () => {
    const store = new SessionStore(t.app.ctx.db);
    const users = (await t.app.inject({ method: 'GET', url: '/v1/users', headers: admin() })).json() as { users: { id: string; email: string }[] };
    const id = users.users.find((u) => u.email === 'mara@example.com')?.id as string;
    const { token } = await store.create(id, NOW);
    expect(await store.resolve(token, NOW + IDLE_TIMEOUT_MS - 1000)).not.toBeNull();
    // Touched just now: idle counts from the last use.
    expect(await store.resolve(token, NOW + 2 * IDLE_TIMEOUT_MS - 2000)).not.toBeNull();
    expect(await store.resolve(token, NOW + 3 * IDLE_TIMEOUT_MS)).toBeNull();
  });

  it('validates user input', async () => {
    const weak = await t.app.inject({ method: 'POST', url: '/v1/users', headers: admin(), payload: { email: 'w@example.com', password: 'short', roles: ['owner'] } });
    expect(weak.statusCode).toBe(400);
    const role = await t.app.inject({ method: 'POST', url: '/v1/users', headers: admin(), payload: { email: 'w@example.com', password: 'long enough password', roles: ['emperor'] } });
    expect(role.statusCode).toBe(400);
    const dup = await t.app.inject({ method: 'POST', url: '/v1/users', headers: admin(), payload: { email: 'mara@example.com', password: 'long enough password', roles: ['owner'] } });
    expect(dup.statusCode).toBe(409);
  });
});

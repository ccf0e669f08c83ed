import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoMinute, send } from './request';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('send', () => {
  it('sends the sp_csrf cookie as x-csrf-token, with the session cookie and a JSON body', async () => {
    vi.stubGlobal('document', { cookie: 'other=1; sp_csrf=a%2Bb_c; theme=dark' });
    const fetch = vi.fn(async () => json(200, { user: { id: 'u1' } }));
    vi.stubGlobal('fetch', fetch);
    const res = await send('PATCH', '/v1/users/u1', { roles: ['finance'] });
    expect(res).toEqual({ ok: true, status: 200, data: { user: { id: 'u1' } } });
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/v1/users/u1');
    expect(init.method).toBe('PATCH');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toMatchObject({ 'x-csrf-token': 'a+b_c', 'content-type': 'application/json' });
    expect(init.body).toBe('{"roles":["finance"]}');
  });

  it('answers a 204 without reading a body, and sends no content type without one', async () => {
    vi.stubGlobal('document', { cookie: 'sp_csrf=t' });
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    expect(await send('DELETE', '/v1/keys/abc')).toEqual({ ok: true, status: 204, data: null });
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).not.toHaveProperty('content-type');
    expect(init.body).toBeNull();
  });

  it("shows the API's own message, and plain words for csrf, 401 and network failures", async () => {
    vi.stubGlobal('document', { cookie: '' });
    vi.stubGlobal('fetch', async () => json(400, { error: { code: 'invalid_body', message: 'you cannot delete yourself' } }));
    expect(await send('DELETE', '/v1/users/me')).toMatchObject({ ok: false, status: 400, code: 'invalid_body', message: 'You cannot delete yourself' });
    vi.stubGlobal('fetch', async () => json(403, { error: { code: 'csrf', message: 'missing or wrong x-csrf-token header' } }));
    expect(await send('POST', '/v1/keys', {})).toMatchObject({ ok: false, code: 'csrf', message: expect.stringMatching(/Reload the page/) });
    vi.stubGlobal('fetch', async () => json(401, { error: { code: 'unauthorized', message: 'sign in' } }));
    expect(await send('POST', '/v1/keys', {})).toMatchObject({ ok: false, status: 401, message: 'Your session has ended. Sign in again.' });
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 502 }));
    expect(await send('POST', '/v1/keys', {})).toMatchObject({ ok: false, status: 502, code: 'http_error', message: 'The request failed (HTTP 502).' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    expect(await send('POST', '/v1/keys', {})).toMatchObject({ ok: false, status: 0, code: 'unreachable' });
  });
});

describe('isoMinute', () => {
  it('cuts an ISO instant to the minute, in UTC', () => {
    expect(isoMinute('2026-11-22T06:05:59.123Z')).toBe('2026-11-22 06:05 UTC');
  });
});

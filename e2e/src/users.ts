import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';

/** A dashboard user created for one test file (unique e-mail: every file shares one server). */
export interface TestUser {
  email: string;
  password: string;
  roles: string[];
}

export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/**
 * Creates a user through the admin API (POST /v1/users with the admin key), with a unique
 * e-mail unless `fixed` names one (screenshots show it); a fixed user that exists already
 * (a server reused through E2E_SERVER_URL) is taken as it is.
 */
export async function createUser(url: string, apiKey: string, roles: string[], fixed?: { email: string; password: string }): Promise<TestUser> {
  const user = { email: `${roles.join('-')}-${randomBytes(4).toString('hex')}@e2e.stockpulse.test`, password: `pw-${randomBytes(9).toString('hex')}`, ...fixed, roles };
  const res = await fetch(`${url}/v1/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (res.status !== 201 && !(fixed && res.status === 409)) throw new Error(`POST /v1/users ${roles.join(',')}: HTTP ${res.status} ${await res.text()}`);
  return user;
}

/**
 * A browser context signed in as `user` through POST /v1/auth/login: the session cookies land
 * in the context's jar, so its pages and its `request` (API calls) share one session.
 * The sign-in form itself is tested once, in dashboard.e2e.test.ts.
 */
export async function signedIn(browser: Browser, url: string, user: TestUser, opts: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: url, viewport: DESKTOP, ...opts });
  const res = await context.request.post('/v1/auth/login', { data: { email: user.email, password: user.password } });
  if (!res.ok()) throw new Error(`sign-in as ${user.email}: HTTP ${res.status()} ${await res.text()}`);
  return context;
}

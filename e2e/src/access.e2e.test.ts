import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { WAIT_MS } from './ui.js';
import { createUser, signedIn, type TestUser } from './users.js';

// Roles (docs/auth.md): marketing reads order counts and rates, voice of the customer and
// retention, no money. The page answers 403 before anything streams, and the API refuses
// the data itself, so hiding the nav link is not the only barrier.

const url = inject('serverUrl');
const apiKey = inject('apiKey');

let browser: Browser;
let marketing: TestUser;
let context: BrowserContext;

beforeAll(async () => {
  [browser, marketing] = await Promise.all([launchBrowser(), createUser(url, apiKey, ['marketing'])]);
  context = await signedIn(browser, url, marketing);
});
afterAll(() => browser?.close());

describe('a marketing user', () => {
  it('gets HTTP 403 with a clear message on the finance page, and no Finance link', async () => {
    const page = await context.newPage();
    const res = await page.goto('/finance');
    expect(res?.status()).toBe(403);
    await page.getByRole('heading', { level: 1, name: "You don't have access to the Finance page" }).waitFor({ timeout: WAIT_MS });
    expect(await page.getByText('Your roles do not include it. Ask an administrator if you need it.').count()).toBe(1);
    const nav = page.getByRole('navigation', { name: 'Pages' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Overview', 'Marketing']);
    expect(await page.getByRole('link', { name: 'Finance' }).count()).toBe(0);
    await page.close();
  });

  it('gets 403 from the API for finance KPIs, their records and a finance KPI page', async () => {
    const kpi = await context.request.get('/v1/metrics/lost_sales');
    expect(kpi.status()).toBe(403);
    expect(await kpi.json()).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining('lost_sales') as string } });
    expect((await context.request.get('/v1/metrics/lost_sales/records?format=csv')).status()).toBe(403);
    expect((await context.request.get('/v1/metrics/revenue?by=category')).status()).toBe(403);

    const page = await context.newPage();
    const res = await page.goto('/kpi/lost_sales');
    expect(res?.status()).toBe(403);
    await page.getByRole('heading', { level: 1, name: "You don't have access to the KPI “Lost sales”" }).waitFor({ timeout: WAIT_MS });
    await page.close();
  });

  it('still opens what the role allows: the marketing page and its KPIs', async () => {
    const page = await context.newPage();
    const res = await page.goto('/marketing');
    expect(res?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Marketing' }).waitFor({ timeout: WAIT_MS });
    expect((await context.request.get('/v1/metrics/nps')).status()).toBe(200);
    await page.close();
  });

  it('sees the 403 page with a single main landmark', async () => {
    const page = await context.newPage();
    await page.goto('/finance');
    expect(await page.getByRole('main').count()).toBe(1);
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';

const url = inject('serverUrl');
const apiKey = inject('apiKey');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the running product, with demo data', () => {
  it('is ready, and the demo business is in the KPIs', async () => {
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const r = await fetch(`${url}/v1/metrics/orders?grain=day`, { headers: { authorization: `Bearer ${apiKey}` } });
    const body = (await r.json()) as { rows: { value: number }[] };
    expect(body.rows.length).toBeGreaterThanOrEqual(7);
    expect(body.rows.reduce((n, row) => n + row.value, 0)).toBeGreaterThan(3000);
  });

  it('serves the dashboard to Chromium on the API origin', async () => {
    const page = await browser.newPage();
    const res = await page.goto(url);
    expect(res?.status()).toBeLessThan(400);
    await expect(page.title()).resolves.toMatch(/Stockpulse/);
    await page.close();
  });
});

import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { REPO } from './server.js';
import { readTiles, settle, WAIT_MS } from './ui.js';
import { createUser, DESKTOP, PHONE, signedIn, type TestUser } from './users.js';

// Screenshots of the main pages for docs/screenshots (linked from the README), taken by
// every run: fixed names, overwritten. Viewport-sized PNGs keep them around 100 KB each.

const url = inject('serverUrl');
const apiKey = inject('apiKey');
const DIR = join(REPO, 'docs', 'screenshots');
const MAX_BYTES = 400_000;
/** The user in the pictures' header: a readable name rather than a random test address. */
const SHOWN_USER = { email: 'owner@demo.stockpulse.test', password: 'screenshots-demo-password' };

let browser: Browser;
let owner: TestUser;

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  [browser, owner] = await Promise.all([launchBrowser(), createUser(url, apiKey, ['owner'], SHOWN_USER)]);
});
afterAll(() => browser?.close());

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(DIR, `${name}.png`);
  // The live indicator's clock and the caret are the only moving parts left.
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  expect(statSync(path).size).toBeLessThan(MAX_BYTES);
}

/** Signed-in pages: path, file name, and the heading that says the page is the right one. */
const PAGES = [
  { path: '/', name: 'overview', heading: 'Overview' },
  { path: '/kpi/backorder_rate', name: 'kpi-backorder-rate', heading: 'Backorder rate' },
  { path: '/finance', name: 'finance', heading: 'Finance' },
  { path: '/marketing', name: 'marketing', heading: 'Marketing' },
  { path: '/operations', name: 'operations', heading: 'Operations' },
];

describe('screenshots of the main pages (docs/screenshots)', () => {
  it('sign-in page', async () => {
    const context = await browser.newContext({ baseURL: url, viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: WAIT_MS });
    await shoot(page, 'login');
    await context.close();
  });

  it('signed-in pages at 1280 × 900', async () => {
    const context = await signedIn(browser, url, owner);
    const page = await context.newPage();
    for (const p of PAGES) {
      const res = await page.goto(p.path);
      expect(res?.status(), p.path).toBe(200);
      await page.getByRole('heading', { level: 1, name: p.heading, exact: true }).waitFor({ timeout: WAIT_MS });
      await settle(page);
      await shoot(page, p.name);
    }
    await context.close();
  });

  it('overview on a phone (375 × 812)', async () => {
    const context = await signedIn(browser, url, owner, PHONE);
    const page = await context.newPage();
    await page.goto('/');
    await readTiles(page);
    await settle(page);
    await shoot(page, 'overview-phone');
    await context.close();
  });
});

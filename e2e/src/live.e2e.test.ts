import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { apiJson, presetWindow, readTiles, statedDays, WAIT_MS, type MetricAnswer } from './ui.js';
import { createUser, signedIn, type TestUser } from './users.js';

// A live tile changes within 2 s after events are posted (issue #3). Runs last (see
// vitest.config.ts): it adds 300 backordered orders that the other tests should not see.

const url = inject('serverUrl');
const apiKey = inject('apiKey');
const ORDERS = 300;
/** The overview's tiles: the page streams exactly these (lib/live.ts). */
const OVERVIEW_TILES = ['backorder_rate', 'fill_rate', 'open_backorder_value', 'backorder_cost_pct', 'inventory_turnover', 'nps', 'on_time_delivery_rate', 'cancellation_rate'];
const LIMIT_MS = 2_000;
const OCCURRED_BEFORE_POST_MS = 1_000;

let browser: Browser;
let owner: TestUser;

beforeAll(async () => {
  [browser, owner] = await Promise.all([launchBrowser(), createUser(url, apiKey, ['owner'])]);
});
afterAll(() => browser?.close());

/**
 * 300 orders by a new customer, every line backordered, on SKUs the demo sells, placed a
 * second ago. Not "now": the dashboard ends its window at the current whole second
 * (lib/filters.ts resolvePeriod floors `to`), so an event stamped within the last
 * fraction of a second is outside the redraw that its own snapshot triggers, and the tile
 * stays stale until the next change (reported; with `now`, 3 of 7 runs never redrew).
 * Real events reach the API after they occurred, so a second back is also the realistic case.
 */
function backorderedOrders(skus: string[]): object[] {
  const run = randomBytes(4).toString('hex');
  const now = new Date(Date.now() - OCCURRED_BEFORE_POST_MS).toISOString();
  const customer = `CUS-E2E-${run}`;
  return [
    { id: `e2e-${run}-customer`, type: 'customer.upserted', occurred_at: now, data: { customer_id: customer, segment: 'retail' } },
    ...Array.from({ length: ORDERS }, (_, i) => ({
      id: `e2e-${run}-order-${i}`,
      type: 'order.placed',
      occurred_at: now,
      data: { order_id: `SO-E2E-${run}-${i}`, customer_id: customer, channel: 'web', lines: skus.map((sku) => ({ sku, qty: 2, unit_price: 10, backordered_qty: 2 })) },
    })),
  ];
}

/** Follows GET /v1/live for the overview's KPIs; `seenAt` is when backorder_rate first reached `threshold`. */
function watchStream(threshold: number): { seenAt: number | undefined; close(): void } {
  const abort = new AbortController();
  const state: { seenAt: number | undefined; close(): void } = { seenAt: undefined, close: () => abort.abort() };
  void (async () => {
    const res = await fetch(`${url}/v1/live?metrics=${OVERVIEW_TILES.join(',')}`, { headers: { authorization: `Bearer ${apiKey}`, accept: 'text/event-stream' }, signal: abort.signal });
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = res.body!.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
        buffer = buffer.slice(end + 2);
        const value = data ? (JSON.parse(data) as { metrics?: Record<string, { value: number | null }> }).metrics?.backorder_rate?.value : undefined;
        if (state.seenAt === undefined && value != null && value >= threshold) state.seenAt = Date.now();
      }
    }
  })().catch(() => undefined);
  return state;
}

const since = (at: number | undefined, from: number) => (at === undefined ? 'not yet' : `after ${at - from} ms`);

describe('live refresh', () => {
  it(`redraws the backorder-rate tile within ${LIMIT_MS} ms of a 200 from POST /v1/events`, async () => {
    const context = await signedIn(browser, url, owner);
    const page = await context.newPage();
    await page.goto('/');
    await readTiles(page);
    // "Live · <time>": the page has its first snapshot (the one it skips as already drawn).
    await page.getByRole('status').filter({ hasText: /^Live · / }).waitFor({ timeout: WAIT_MS });

    // Where the tile must get to: halfway from today's rate to the rate with the new orders
    // (the demo's own live events move it by far less).
    const days = await statedDays(page);
    const current = await apiJson<MetricAnswer>(context.request, '/v1/metrics/backorder_rate', { tz: 'UTC', ...presetWindow(days, Date.now()) });
    const { numerator, denominator } = current.rows[0] ?? {};
    if (numerator == null || denominator == null) throw new Error('the demo has no orders in the period');
    const threshold = (numerator / denominator + (numerator + ORDERS) / (denominator + ORDERS)) / 2;

    // Stamps the first moment the tile shows at least the threshold (re-queried on every
    // mutation: a redraw may replace the element).
    await page.evaluate((threshold) => {
      const w = window as unknown as { __e2eChangedAt?: number; __e2eShown?: string };
      new MutationObserver(() => {
        const text = document.querySelector('.tile__value[data-kpi="backorder_rate"]')?.textContent ?? '';
        const pct = Number.parseFloat(text);
        if (w.__e2eChangedAt === undefined && text.endsWith('%') && pct / 100 >= threshold) {
          w.__e2eChangedAt = Date.now();
          w.__e2eShown = text;
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, threshold);
    // To tell the server's part of the delay from the page's: when the page's live stream
    // (same query, watched from here so the browser's connections are untouched) carries it.
    const stream = watchStream(threshold);

    const { rows } = await apiJson<{ rows: { sku: string }[] }>(context.request, '/v1/metrics/revenue/records', { limit: '5' });
    const skus = [...new Set(rows.map((r) => r.sku))];
    expect(skus.length).toBeGreaterThan(0);
    const res = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(backorderedOrders(skus)),
    });
    const answeredAt = Date.now();
    const liveAtPost = await page.locator('.live').textContent();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: ORDERS + 1, rejected: [] });

    const changedAt = await page
      .waitForFunction(() => (window as unknown as { __e2eChangedAt?: number }).__e2eChangedAt, undefined, { timeout: 20_000, polling: 50 })
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(async (err: unknown) => {
        const tile = await page.locator('.tile__value[data-kpi="backorder_rate"]').textContent();
        throw new Error(`the tile did not reach ${(100 * threshold).toFixed(2)}% in 20 s (shows ${tile}; stream ${since(stream.seenAt, answeredAt)}; indicator "${liveAtPost}" when posting)`, { cause: err });
      })
      .finally(() => stream.close());
    const shown = await page.evaluate(() => (window as unknown as { __e2eShown?: string }).__e2eShown);
    const delay = changedAt - answeredAt;
    console.log(
      `live: the backorder-rate tile showed ${shown} ${delay} ms after the 200 (the live stream carried it ${since(stream.seenAt, answeredAt)}); ` +
        `${((100 * numerator) / denominator).toFixed(2)}% before, threshold ${(100 * threshold).toFixed(2)}%`,
    );
    expect(delay).toBeLessThan(LIMIT_MS);
    await context.close();
  });
});

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { apiJson, horizontalOverflow, parseCsv, metricValue, presetWindow, readTable, readTiles, settle, shows, statedDays, WAIT_MS, type TileReading } from './ui.js';
import { createUser, PHONE, signedIn, type TestUser } from './users.js';

// The acceptance tests for the owner's dashboard (sign-in, tiles = API, drill-down,
// CSV, phone). Every test opens its own context; they share the server, whose demo keeps
// streaming live, so comparisons with the API bracket the page: the API is asked just
// before the page is drawn and just after it is read, and the page must match one of them.

const url = inject('serverUrl');
const apiKey = inject('apiKey');

/** The owner's overview tiles, in display order (issue #3). */
const OVERVIEW_TILES = ['backorder_rate', 'fill_rate', 'open_backorder_value', 'backorder_cost_pct', 'inventory_turnover', 'nps', 'on_time_delivery_rate', 'cancellation_rate'];

interface CatalogueEntry {
  name: string;
  dimensions: string[];
}

let browser: Browser;
let owner: TestUser;

beforeAll(async () => {
  [browser, owner] = await Promise.all([launchBrowser(), createUser(url, apiKey, ['owner'])]);
});
afterAll(() => browser?.close());

/** The API's value of each tile for the window ending at `atMs`, with each KPI's share of `dims`. */
async function apiTiles(request: APIRequestContext, days: number, atMs: number, dims: Record<string, string>, catalogue: Map<string, CatalogueEntry>): Promise<Map<string, number | null>> {
  const window = presetWindow(days, atMs);
  const values = await Promise.all(
    OVERVIEW_TILES.map((kpi) => {
      const own = Object.fromEntries(Object.entries(dims).filter(([d]) => catalogue.get(kpi)?.dimensions.includes(d)));
      return metricValue(request, kpi, { tz: 'UTC', ...window, ...own });
    }),
  );
  return new Map(OVERVIEW_TILES.map((kpi, i) => [kpi, values[i] ?? null]));
}

function mismatches(tiles: TileReading[], before: Map<string, number | null>, after: Map<string, number | null>): string[] {
  return tiles
    .filter((t) => !shows(t.text, before.get(t.kpi)) && !shows(t.text, after.get(t.kpi)))
    .map((t) => `${t.kpi}: page shows "${t.text}", API answered ${before.get(t.kpi)} (before) / ${after.get(t.kpi)} (after)`);
}

async function catalogueOf(request: APIRequestContext): Promise<Map<string, CatalogueEntry>> {
  const { metrics } = await apiJson<{ metrics: CatalogueEntry[] }>(request, '/v1/metrics');
  return new Map(metrics.map((m) => [m.name, m]));
}

/** The category with the highest backorder rate over the last 30 days (many orders behind it). */
async function busiestCategory(request: APIRequestContext): Promise<string> {
  const answer = await apiJson<{ rows: { category: string; value: number | null }[] }>(request, '/v1/metrics/backorder_rate', { by: 'category' });
  const top = [...answer.rows].sort((a, b) => (b.value ?? -1) - (a.value ?? -1))[0];
  if (!top) throw new Error('the demo has no categories');
  return top.category;
}

async function recordsTable(page: Page) {
  const table = page.getByRole('table', { name: /^Orders behind this number, page 1\b/ });
  await table.locator('tbody tr').first().waitFor({ timeout: WAIT_MS });
  return table;
}

describe("the owner's dashboard, with demo data", () => {
  it('signs in through the form and lands on the overview, with the pages of the owner in the header', async () => {
    const context = await browser.newContext({ baseURL: url });
    const page = await context.newPage();
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/');

    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel('Password').fill(`${owner.password}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' }).waitFor({ timeout: WAIT_MS });

    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${url}/`, { timeout: WAIT_MS });
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor({ timeout: WAIT_MS });
    const nav = page.getByRole('navigation', { name: 'Pages' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Overview', 'Finance', 'Marketing', 'Operations']);
    expect(await nav.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
    expect(await page.locator('header').getByText(owner.email).count()).toBe(1);
    await context.close();
  });

  it('shows on each overview tile the value the API answers for the same period', async () => {
    const context = await signedIn(browser, url, owner);
    const page = await context.newPage();
    const catalogue = await catalogueOf(context.request);
    const days = 30; // the default period; checked against what the page states below
    const before = await apiTiles(context.request, days, Date.now(), {}, catalogue);
    await page.goto('/');
    const tiles = await readTiles(page);
    const after = await apiTiles(context.request, days, Date.now(), {}, catalogue);
    expect(await statedDays(page)).toBe(days);
    expect(tiles.map((t) => t.kpi)).toEqual(OVERVIEW_TILES);
    expect(mismatches(tiles, before, after)).toEqual([]);
    await context.close();
  });

  it('applies a category chosen in the filter bar to the tiles that take it, and says which ignore it', async () => {
    const context = await signedIn(browser, url, owner);
    const page = await context.newPage();
    const catalogue = await catalogueOf(context.request);
    await page.goto('/');
    await readTiles(page);
    const select = page.getByRole('combobox', { name: 'Category' });
    const category = (await select.locator('option').allTextContents()).find((o) => o !== 'All');
    if (!category) throw new Error('the filter bar offers no category');
    const days = await statedDays(page);

    const before = await apiTiles(context.request, days, Date.now(), { category }, catalogue);
    await select.selectOption(category);
    await page.waitForURL((u) => u.searchParams.get('category') === category, { timeout: WAIT_MS });
    await page.locator('.page-head__scope', { hasText: `category: ${category}` }).waitFor({ timeout: WAIT_MS });
    await settle(page);
    const tiles = await readTiles(page);
    const after = await apiTiles(context.request, days, Date.now(), { category }, catalogue);

    expect(tiles.map((t) => t.kpi)).toEqual(OVERVIEW_TILES);
    for (const t of tiles) {
      const takes = catalogue.get(t.kpi)?.dimensions.includes('category') ?? false;
      expect(t.tile.includes('ignores category'), `${t.kpi} takes category: ${takes}`).toBe(!takes);
    }
    expect(tiles.some((t) => !t.tile.includes('ignores category'))).toBe(true);
    expect(mismatches(tiles, before, after)).toEqual([]);
    await context.close();
  });

  it("drills from the backorder-rate tile through a category bar to that category's orders", async () => {
    const context = await signedIn(browser, url, owner);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('article', { name: 'Backorder rate' }).getByRole('link').click();
    await page.waitForURL((u) => u.pathname === '/kpi/backorder_rate', { timeout: WAIT_MS });

    const chart = page.getByRole('region', { name: 'Backorder rate by category' });
    const svg = chart.locator('.chart__canvas svg');
    await svg.waitFor({ timeout: WAIT_MS });
    await settle(page);
    // Keyboard users get the same drill as links in the chart's data table.
    await chart.getByText('Show data and drill-down links').click();
    const links = new Map(
      await chart.getByRole('table').getByRole('link').evaluateAll((as) => as.map((a): [string, string] => [a.textContent ?? '', a.getAttribute('href') ?? ''])),
    );
    expect(links.size).toBeGreaterThan(0);

    // A real click on the longest bar of the SVG chart, the one the eye goes to first.
    await svg.scrollIntoViewIfNeeded();
    const boxes = (await Promise.all((await svg.locator('path:not([fill="none"])').all()).map((p) => p.boundingBox()))).filter((b) => b !== null);
    const bar = boxes.filter((b) => b.height > 4 && b.height < 40).sort((a, b) => b.width - a.width)[0];
    if (!bar || bar.width < 4) throw new Error(`no bar to click in the category chart (${boxes.length} shapes)`);
    const labels = await svg.locator('text').evaluateAll((ts) => ts.map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect().toJSON() as DOMRect })));
    const centre = bar.y + bar.height / 2;
    const label = labels.filter((l) => l.box.right <= bar.x + 2).sort((a, b) => Math.abs(a.box.y + a.box.height / 2 - centre) - Math.abs(b.box.y + b.box.height / 2 - centre))[0];
    if (!label) throw new Error('the clicked bar has no category label');
    await page.mouse.click(bar.x + bar.width / 2, centre);

    await page.waitForURL((u) => u.searchParams.has('category'), { timeout: WAIT_MS });
    const category = new URL(page.url()).searchParams.get('category')!;
    expect(category).toBe(label.text);
    expect(links.get(category)).toBe(`/kpi/backorder_rate?${new URLSearchParams({ category }).toString()}`);
    const crumb = page.getByRole('navigation', { name: 'Breadcrumb' }).getByText(`Category: ${category}`, { exact: true });
    await crumb.waitFor({ timeout: WAIT_MS });
    expect(await crumb.getAttribute('aria-current')).toBe('page');

    // The orders behind the number: at least one, each with a line in that category.
    const table = await recordsTable(page);
    const { headers, rows } = await readTable(table);
    const orderCol = headers.indexOf('Order id');
    expect(orderCol).toBeGreaterThanOrEqual(0);
    expect(rows.length).toBeGreaterThan(0);
    const csvHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    const shown = new URL(csvHref!, url).searchParams;
    expect(shown.get('category')).toBe(category);
    const window = { tz: 'UTC', from: shown.get('from')!, to: shown.get('to')! };
    const lines = await apiJson<{ rows: { order_id: string; category: string }[] }>(context.request, '/v1/metrics/line_backorder_rate/records', { ...window, category, limit: '100000' });
    expect(lines.rows.every((l) => l.category === category)).toBe(true);
    const ordersInCategory = new Set(lines.rows.map((l) => l.order_id));
    expect(rows.map((r) => r[orderCol]).filter((id) => !ordersInCategory.has(id!))).toEqual([]);
    await context.close();
  });

  it("downloads the drill-down's records as the same CSV the API answers", async () => {
    const context = await signedIn(browser, url, owner);
    const page = await context.newPage();
    const category = await busiestCategory(context.request);
    await page.goto(`/kpi/backorder_rate?category=${encodeURIComponent(category)}`);
    const table = await recordsTable(page);
    const link = page.getByRole('link', { name: 'Export CSV' });
    const href = new URL((await link.getAttribute('href'))!, url);
    expect(href.pathname).toBe('/v1/metrics/backorder_rate/records');
    const from = href.searchParams.get('from')!;
    const to = href.searchParams.get('to')!;
    expect(Date.parse(to) - Date.parse(from)).toBe(30 * 86_400_000);
    // The API's CSV for the page's filters, asked independently of the link.
    const query = new URLSearchParams({ tz: 'UTC', category, from, to, format: 'csv', limit: '100000' }).toString();
    const apiCsv = async () => {
      const res = await context.request.get(`/v1/metrics/backorder_rate/records?${query}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toMatch(/^text\/csv/);
      return res.text();
    };

    const before = await apiCsv();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), link.click()]);
    const downloaded = await readFile((await download.path())!, 'utf8');
    const after = await apiCsv();
    expect(download.suggestedFilename()).toBe('backorder_rate-records.csv');
    expect([before, after]).toContain(downloaded);

    // The same orders as the JSON records of the same query, and the table's first page among them.
    const [header, ...csvRows] = parseCsv(downloaded);
    const json = await apiJson<{ columns: string[]; rows: { order_id: string }[] }>(context.request, '/v1/metrics/backorder_rate/records', { tz: 'UTC', category, from, to, limit: '100000' });
    expect(header).toEqual(json.columns);
    expect(csvRows.length).toBeGreaterThan(0);
    expect(csvRows.every((r) => r.length === header!.length)).toBe(true);
    const csvIds = csvRows.map((r) => r[header!.indexOf('order_id')]!);
    expect(new Set(csvIds).size).toBe(csvIds.length);
    expect(new Set(csvIds)).toEqual(new Set(json.rows.map((r) => r.order_id)));
    const { headers, rows } = await readTable(table);
    const shownIds = rows.map((r) => r[headers.indexOf('Order id')]!);
    expect(shownIds.length).toBeGreaterThan(0);
    expect(shownIds.filter((id) => !csvIds.includes(id))).toEqual([]);
    await context.close();
  });

  it('fits a phone screen (375 × 812) without sideways scrolling, overview and drill-down', async () => {
    const context = await signedIn(browser, url, owner, PHONE);
    const page = await context.newPage();
    await page.goto('/');
    await readTiles(page);
    await settle(page);
    expect(await horizontalOverflow(page)).toEqual({ scrollWidth: 375, innerWidth: 375 });

    const category = await busiestCategory(context.request);
    await page.goto(`/kpi/backorder_rate?category=${encodeURIComponent(category)}`);
    await recordsTable(page);
    await settle(page);
    expect(await horizontalOverflow(page)).toEqual({ scrollWidth: 375, innerWidth: 375 });
    await context.close();
  });
});

import type { APIRequestContext, Locator, Page } from 'playwright-core';

/** Bounded waits, generous: the machine is shared and often loaded. */
export const WAIT_MS = 30_000;

/**
 * A number as the dashboard shows it ("2.8%", "16.5K", "1.19×", "48", "3.2 d", "+0.120",
 * "—"), read back with the precision it was rounded to: the true value lies within
 * `value ± halfStep`. This reads the display independently of the dashboard's formatter,
 * so a formatter that shows the wrong number fails the comparison too.
 */
export interface Shown {
  value: number;
  halfStep: number;
}

const SCALE: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12, '%': 0.01 };

export function parseShown(text: string): Shown | null {
  const t = text.trim().replace(/\u2212/g, '-');
  if (t === '—') return null;
  const m = /^([+-]?[\d,]*\.?\d+)\s*([KMBT%×]|d)?$/.exec(t);
  if (!m?.[1]) throw new Error(`cannot read the displayed number "${text}"`);
  const digits = m[1].replace(/,/g, '');
  const decimals = digits.includes('.') ? (digits.split('.')[1] ?? '').length : 0;
  const scale = SCALE[m[2] ?? ''] ?? 1;
  return { value: Number(digits) * scale, halfStep: 0.5 * 10 ** -decimals * scale };
}

/** Whether the displayed text is `value` rounded to the shown precision (— for no value). */
export function shows(text: string, value: number | null | undefined): boolean {
  const shown = parseShown(text);
  if (shown === null || value === null || value === undefined) return shown === null && (value === null || value === undefined);
  return Math.abs(value - shown.value) <= shown.halfStep * (1 + 1e-9) + 1e-12;
}

/**
 * Waits until a dashboard page has drawn: no skeleton left, every chart canvas has its SVG,
 * and the charts' SVG stopped changing (ECharts animates for 250 ms and exposes no "done").
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: WAIT_MS });
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __e2eChartSig?: string };
      if (document.querySelector('.skeleton, .headline--skeleton, [aria-busy="true"]')) return false;
      const canvases = [...document.querySelectorAll('.chart__canvas:not(.chart__canvas--empty)')];
      if (canvases.some((c) => !c.querySelector('svg'))) return false;
      const sig = canvases.map((c) => c.querySelector('svg')!.innerHTML).join('|');
      const stable = sig === w.__e2eChartSig;
      w.__e2eChartSig = sig;
      return stable;
    },
    undefined,
    { polling: 150, timeout: WAIT_MS },
  );
}

export interface TileReading {
  kpi: string;
  text: string;
  /** The tile's whole text (title, change, "ignores ..." note). */
  tile: string;
}

/** The overview tiles' displayed values, read in one go (a live redraw cannot split them). */
export async function readTiles(page: Page): Promise<TileReading[]> {
  const grid = page.getByRole('region', { name: 'Key figures' });
  await grid.locator('.tile__value').first().waitFor({ timeout: WAIT_MS });
  return grid.getByRole('article').evaluateAll((tiles) =>
    tiles.map((t) => {
      const v = t.querySelector('.tile__value');
      return { kpi: v?.getAttribute('data-kpi') ?? '', text: v?.textContent ?? '', tile: (t as HTMLElement).innerText };
    }),
  );
}

/** The period a page states in its heading ("last 30 days, UTC · ..."): its window ends at render time. */
export async function statedDays(page: Page): Promise<number> {
  const scope = await page.locator('.page-head__scope').first().innerText();
  const m = /last (\d+) days, UTC/.exec(scope);
  if (!m?.[1]) throw new Error(`the page does not state a preset period in UTC: "${scope}"`);
  return Number(m[1]);
}

const DAY_MS = 86_400_000;

/** The API window of a preset period ending at `atMs`, as the dashboard computes it (whole seconds). */
export function presetWindow(days: number, atMs: number): { from: string; to: string } {
  const to = Math.floor(atMs / 1000) * 1000;
  return { from: new Date(to - days * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}

export interface MetricAnswer {
  rows: { value: number | null; numerator?: number | null; denominator?: number | null }[];
}

/** GET an API path with the context's session cookie; throws on anything but 200. */
export async function apiJson<T>(request: APIRequestContext, path: string, query: Record<string, string> = {}): Promise<T> {
  const qs = new URLSearchParams(query).toString();
  const res = await request.get(qs ? `${path}?${qs}` : path);
  if (res.status() !== 200) throw new Error(`GET ${path}?${qs}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function metricValue(request: APIRequestContext, kpi: string, query: Record<string, string>): Promise<number | null> {
  const answer = await apiJson<MetricAnswer>(request, `/v1/metrics/${kpi}`, query);
  return answer.rows[0]?.value ?? null;
}

/** A table as text: header labels (sort arrows dropped) and body cells. */
export async function readTable(table: Locator): Promise<{ headers: string[]; rows: string[][] }> {
  return table.evaluate((t) => {
    const text = (e: Element) => (e.textContent ?? '').replace(/[▲▼↕]/g, '').trim();
    const headRow = t.querySelector('thead tr');
    return {
      headers: headRow ? [...headRow.querySelectorAll('th')].map(text) : [],
      rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map(text)),
    };
  });
}

/** Whether the page scrolls sideways (the phone check). */
export function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

/** RFC 4180: rows of cells (quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

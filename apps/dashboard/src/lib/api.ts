// Server-only: calls the Stockpulse API in this same process over loopback, as the signed-in
// user (the browser's cookies are forwarded), and types its answers. Importing it from a
// client component fails the build (next/headers).
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { KPIS, PAGES, type MetricResult, type Page } from './metrics';
import { dashboardEnv } from './env';

const TIMEOUT_MS = 20_000;
export const SESSION_COOKIE = 'sp_session';
/** Set by src/proxy.ts: the path and query of the page being drawn, for `/login?next=`. */
export const PATH_HEADER = 'x-sp-path';

export interface User {
  id: string;
  email: string;
  roles: string[];
  pages: Page[];
  kpis: string[];
}
export interface Me {
  user: User;
  csrf_token: string;
  /** True when the dev-only API key fallback stands in for a session. */
  devKey?: boolean;
}

export interface RecordsAnswer {
  metric: string;
  from: string;
  to: string;
  columns: string[];
  rows: Record<string, unknown>[];
  next_cursor: string | null;
}

/** A failed call that the page shows in place (403 no access, 400 bad query, 5xx). */
export interface ApiFailure {
  ok: false;
  status: number;
  code: string;
  message: string;
}
export type ApiResult<T> = { ok: true; data: T } | ApiFailure;

async function credentials(): Promise<Record<string, string>> {
  const jar = await cookies();
  const cookie = (await headers()).get('cookie');
  if (jar.has(SESSION_COOKIE) && cookie) return { cookie };
  // DEV ONLY (see env.ts): no session, but a development key is configured.
  const devKey = dashboardEnv().devApiKey;
  if (devKey) return { authorization: `Bearer ${devKey}` };
  return cookie ? { cookie } : {};
}

/** Where to come back to after signing in. */
export async function currentPath(): Promise<string> {
  const path = (await headers()).get(PATH_HEADER);
  return path && path.startsWith('/') && !path.startsWith('//') ? path : '/';
}

export async function redirectToLogin(): Promise<never> {
  redirect(`/login?next=${encodeURIComponent(await currentPath())}`);
}

function toQuery(query: Record<string, string | undefined> | undefined): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') sp.set(k, v);
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/**
 * GET an API path as the current user. A 401 sends the browser to sign in (it never
 * returns); every other failure is returned for the caller to show.
 */
export async function apiGet<T>(path: string, query?: Record<string, string | undefined>): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(`${dashboardEnv().apiBaseUrl}${path}${toQuery(query)}`, {
      cache: 'no-store',
      headers: { accept: 'application/json', ...(await credentials()) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timeout = error instanceof DOMException && error.name === 'TimeoutError';
    return { ok: false, status: 503, code: timeout ? 'timeout' : 'unreachable', message: timeout ? 'The API did not answer in time.' : 'The API could not be reached.' };
  }
  if (response.status === 401) {
    await response.arrayBuffer();
    return redirectToLogin();
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: body as T };
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
  return { ok: false, status: response.status, code: error?.code ?? 'http_error', message: error?.message ?? `HTTP ${response.status}` };
}

/** The KPI answer for one query (see lib/filters kpiParams for the parameters). */
export function getMetric(name: string, query: Record<string, string | undefined>): Promise<ApiResult<MetricResult>> {
  return apiGet<MetricResult>(`/v1/metrics/${encodeURIComponent(name)}`, query);
}

export function getRecords(name: string, query: Record<string, string | undefined>): Promise<ApiResult<RecordsAnswer>> {
  return apiGet<RecordsAnswer>(`/v1/metrics/${encodeURIComponent(name)}/records`, query);
}

const DEV_USER: User = {
  id: 'dev-api-key',
  email: 'dev API key (STOCKPULSE_DEV_API_KEY)',
  roles: ['admin'],
  pages: [...PAGES],
  kpis: KPIS.map((k) => k.name),
};

/**
 * The signed-in user, once per request. Without a session: the dev-only key user when
 * configured, otherwise a redirect to /login.
 */
export const getMe = cache(async (): Promise<Me> => {
  const jar = await cookies();
  const devKey = dashboardEnv().devApiKey;
  if (!jar.has(SESSION_COOKIE)) {
    if (devKey) return { user: DEV_USER, csrf_token: '', devKey: true };
    return redirectToLogin();
  }
  const me = await apiGet<Me>('/v1/auth/me');
  if (me.ok) return me.data;
  throw new Error(`GET /v1/auth/me failed: ${me.status} ${me.code}`);
});

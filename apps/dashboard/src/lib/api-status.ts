import { dashboardEnv } from './env';

// Bounded so a hung API cannot hold the page: the page renders "unreachable" instead.
const READY_TIMEOUT_MS = 1_000;

export type ApiStatus =
  | { state: 'ready'; httpStatus: number; latencyMs: number }
  | { state: 'not-ready'; httpStatus: number; latencyMs: number }
  | { state: 'unreachable'; reason: 'timeout' | 'network' };

/** Asks the API's /readyz; never throws. */
export async function fetchApiStatus(): Promise<ApiStatus> {
  const url = `${dashboardEnv().apiBaseUrl}/readyz`;
  const started = performance.now();
  try {
    const response = await fetch(url, {
      cache: 'no-store',
      signal: AbortSignal.timeout(READY_TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
    // Drain the body so the socket is released; its content is not shown.
    await response.arrayBuffer();
    const latencyMs = Math.round(performance.now() - started);
    return response.ok
      ? { state: 'ready', httpStatus: response.status, latencyMs }
      : { state: 'not-ready', httpStatus: response.status, latencyMs };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { state: 'unreachable', reason: timedOut ? 'timeout' : 'network' };
  }
}

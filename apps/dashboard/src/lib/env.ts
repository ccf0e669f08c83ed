// The dashboard's configuration, parsed once. Nothing else in the dashboard reads process.env.
// It runs inside the ingest process (apps/ingest/src/plugins/dashboard.ts), so PORT is the
// port the API listens on.

const DEFAULT_PORT = 3000;

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`PORT must be an integer between 1 and 65535, got "${raw}"`);
  }
  return port;
}

export interface DashboardEnv {
  /** Base URL of the API as seen from this process (same origin, loopback). */
  apiBaseUrl: string;
  /**
   * DEVELOPMENT ONLY. When STOCKPULSE_DEV_API_KEY is set, server-side API calls that carry
   * no session cookie send this key instead, and the signed-in user is faked as an admin.
   * It exists so data pages can be worked on before sign-in is available; it is never set
   * by default and must never be set in production (every visitor would read as admin).
   */
  devApiKey: string | undefined;
}

let cached: DashboardEnv | undefined;

export function dashboardEnv(): DashboardEnv {
  const devKey = process.env.STOCKPULSE_DEV_API_KEY?.trim();
  cached ??= {
    apiBaseUrl: `http://127.0.0.1:${parsePort(process.env.PORT)}`,
    devApiKey: devKey === undefined || devKey === '' ? undefined : devKey,
  };
  return cached;
}

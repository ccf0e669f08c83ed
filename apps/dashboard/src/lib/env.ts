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
}

let cached: DashboardEnv | undefined;

export function dashboardEnv(): DashboardEnv {
  cached ??= { apiBaseUrl: `http://127.0.0.1:${parsePort(process.env.PORT)}` };
  return cached;
}

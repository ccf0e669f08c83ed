import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from './server.js';

/** Starts one server with 7 days of demo data for all browser tests, and stops it after. */
let server: RunningServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  // While writing tests: E2E_SERVER_URL and E2E_API_KEY point at a server already running
  // (with demo data) and skip the minute-long start. CI leaves them unset.
  const running = process.env.E2E_SERVER_URL;
  if (running) {
    if (!process.env.E2E_API_KEY) throw new Error('E2E_SERVER_URL needs E2E_API_KEY (its admin key)');
    project.provide('serverUrl', running);
    project.provide('apiKey', process.env.E2E_API_KEY);
    return;
  }
  server = await startServer({ demoDays: 7 });
  project.provide('serverUrl', server.url);
  project.provide('apiKey', server.apiKey);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    apiKey: string;
  }
}

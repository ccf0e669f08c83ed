import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from './server.js';

/** Starts one server with 7 days of demo data for all browser tests, and stops it after. */
let server: RunningServer | undefined;

export async function setup(project: TestProject): Promise<void> {
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

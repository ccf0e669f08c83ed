// Serves the built Next.js dashboard (apps/dashboard) on the API's origin, in this process
// (a Next "custom server"). API routes stay Fastify's: they are more specific than the
// catch-all, and unknown /v1/* paths get Fastify's 404, not a dashboard page.
//
// `next` is resolved from the dashboard directory, so apps/ingest does not depend on it;
// the few members used are typed here structurally for the same reason.

import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface DashboardOptions {
  /** apps/dashboard: holds its package.json and, once built, `.next/`. Default: the sibling app. */
  dashboardDir?: string;
  /** `false` registers nothing (API-only tests, workers). Default `true`. */
  enabled?: boolean;
  /** Port the server listens on; Next uses it for URLs it builds itself (first registration wins). */
  port?: number;
}

/** apps/dashboard, from both src/plugins (tsx) and dist/plugins (built). */
export const defaultDashboardDir = fileURLToPath(new URL('../../../dashboard', import.meta.url));

/** Paths that belong to the API even when no route matches (they 404 as JSON, not as a page). */
export function isApiPath(url: string): boolean {
  const path = url.split('?', 1)[0] ?? url;
  return path === '/v1' || path.startsWith('/v1/') || path === '/healthz' || path === '/readyz' || path === '/metrics';
}

type NextRequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
interface NextCustomServer {
  prepare(): Promise<void>;
  getRequestHandler(): NextRequestHandler;
}
type CreateNextServer = (options: { dev: boolean; dir: string; port?: number }) => NextCustomServer;

function loadNext(dashboardDir: string): CreateNextServer {
  const requireFromDashboard = createRequire(join(dashboardDir, 'package.json'));
  const mod: unknown = requireFromDashboard('next');
  const candidate = typeof mod === 'function' ? mod : (mod as { default?: unknown } | null)?.default;
  if (typeof candidate !== 'function') throw new Error('the "next" package did not export a server factory');
  return candidate as CreateNextServer;
}

/**
 * Next's router installs process-wide `uncaughtException` listeners that only log, which
 * would keep this process running in an unknown state (the ingest path relies on crash and
 * replay). Drop the ones `prepare()` added; Next's `unhandledRejection` logger stays, since
 * React server rendering can legitimately leave rejected promises unobserved.
 */
async function prepareKeepingCrashOnUncaught(nextApp: NextCustomServer): Promise<void> {
  const before = new Set(process.listeners('uncaughtException'));
  try {
    await nextApp.prepare();
  } finally {
    for (const listener of process.listeners('uncaughtException')) {
      if (!before.has(listener)) process.removeListener('uncaughtException', listener);
    }
  }
}

async function startNext(dashboardDir: string, port: number | undefined, log: FastifyBaseLogger) {
  const started = performance.now();
  const createNextServer = loadNext(dashboardDir);
  const nextApp = createNextServer({ dev: false, dir: dashboardDir, ...(port === undefined ? {} : { port }) });
  await prepareKeepingCrashOnUncaught(nextApp);
  log.info({ dashboardDir, prepareMs: Math.round(performance.now() - started) }, 'dashboard ready');
  return nextApp;
}

// One Next server per dashboard directory for the life of the process, shared by every
// Fastify instance (tests build several). It is deliberately never closed: Next's compiled
// route modules keep the first server's `waitUntil`, so once a server is closed, any server
// created later in the process answers its static routes with 500s. Not closing costs
// nothing here: Next holds no sockets or timers (the process still exits on its own; Fastify's
// close waits for in-flight requests), and the dashboard uses no `after()` work to flush.
const nextServers = new Map<string, Promise<NextCustomServer>>();

function sharedNext(dashboardDir: string, port: number | undefined, log: FastifyBaseLogger) {
  let server = nextServers.get(dashboardDir);
  if (server === undefined) {
    server = startNext(dashboardDir, port, log);
    nextServers.set(dashboardDir, server);
    // A failed start is not cached: a later registration tries again.
    server.catch(() => nextServers.delete(dashboardDir));
  }
  return server;
}

function nextRoutes(handle: NextRequestHandler, log: FastifyBaseLogger) {
  return async function routes(scope: FastifyInstance): Promise<void> {
    // Leave request bodies unread for Next (server actions post to page URLs). This
    // scope is encapsulated, so the API keeps its own parsers and body limits.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));

    scope.route({
      method: ['GET', 'HEAD', 'POST'],
      url: '/*',
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        if (isApiPath(request.url)) {
          reply.callNotFound();
          return reply;
        }
        reply.hijack();
        try {
          await handle(request.raw, reply.raw);
        } catch (error) {
          log.error({ err: error, url: request.url }, 'dashboard request failed');
          if (reply.raw.headersSent) {
            reply.raw.destroy();
          } else {
            reply.raw.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Internal Server Error');
          }
        }
      },
    });
  };
}

const PLACEHOLDER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stockpulse</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#16202b;background:#fff">
<h1>Stockpulse</h1>
<p>The dashboard has not been built. Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then restart.</p>
<p>The API is available under <code>/v1/</code>; readiness at <code>/readyz</code>.</p>
</body></html>
`;

async function placeholderRoutes(scope: FastifyInstance): Promise<void> {
  scope.get('/', async (_request, reply) =>
    reply
      .code(503)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(PLACEHOLDER_HTML),
  );
}

async function dashboard(app: FastifyInstance, options: DashboardOptions): Promise<void> {
  if (options.enabled === false) return;
  const dashboardDir = resolve(options.dashboardDir ?? defaultDashboardDir);
  const log = app.log.child({ plugin: 'dashboard' });

  if (!existsSync(join(dashboardDir, '.next', 'BUILD_ID'))) {
    log.warn({ dashboardDir }, 'dashboard not built; serving a placeholder page on /');
    await app.register(placeholderRoutes);
    return;
  }

  let nextApp: NextCustomServer;
  try {
    nextApp = await sharedNext(dashboardDir, options.port, log);
  } catch (error) {
    log.error({ err: error, dashboardDir }, 'dashboard failed to start; serving a placeholder page on /');
    await app.register(placeholderRoutes);
    return;
  }
  await app.register(nextRoutes(nextApp.getRequestHandler(), log));
}

/** Register after the API routes or before: API paths win either way. */
export const dashboardPlugin = fp(dashboard, { name: 'stockpulse-dashboard', fastify: '5.x' });
export default dashboardPlugin;

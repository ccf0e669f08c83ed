import { buildApp } from './app.js';
import { readEnv } from './env.js';
import { dashboardPlugin } from './plugins/dashboard.js';
import { startDemo } from './plugins/demo.js';

/** Reads the environment (and `--demo`) and listens; everything else is in buildApp. */
async function main(): Promise<void> {
  const env = readEnv();
  const demo = env.DEMO || process.argv.includes('--demo');
  const app = await buildApp({ env });
  await app.register(dashboardPlugin, { enabled: env.DASHBOARD, port: env.PORT });
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: flushing accepted events');
    const timer = setTimeout(() => process.exit(1), 30_000);
    timer.unref();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: env.PORT, host: env.HOST });
  if (demo) await startDemo(app, env.PORT);
}

main().catch((err: unknown) => {
  process.stderr.write(`stockpulse failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

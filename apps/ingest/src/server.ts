import { buildApp } from './app.js';
import { readEnv } from './env.js';

/** Reads the environment and listens; everything else is in buildApp. */
async function main(): Promise<void> {
  const env = readEnv();
  const app = await buildApp({ env });
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 30_000);
    timer.unref();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: env.PORT, host: env.HOST });
}

main().catch((err: unknown) => {
  process.stderr.write(`stockpulse failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

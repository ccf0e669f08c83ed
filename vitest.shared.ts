import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources in tests (the "source"
// export condition), so tests never run against a stale build.
export default defineConfig({
  resolve: { conditions: ['stockpulse:source'] },
  ssr: { resolve: { conditions: ['stockpulse:source'] } },
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

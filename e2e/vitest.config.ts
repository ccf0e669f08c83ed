import { defineConfig } from 'vitest/config';

// One server with demo data is shared by every browser test file (globalSetup), so files
// run one after another in a single fork.
export default defineConfig({
  test: {
    globalSetup: ['./src/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});

import { basename } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Files that change the shared data run last: the live test posts 300 backordered orders,
// which the screenshots and drill-downs should not show. Everything else keeps vitest's order.
const LAST = ['live.e2e.test.ts'];

class DataChangingLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => LAST.indexOf(basename(f.moduleId));
    return [...sorted.filter((f) => rank(f) < 0), ...sorted.filter((f) => rank(f) >= 0).sort((a, b) => rank(a) - rank(b))];
  }
}

// One server with demo data is shared by every browser test file (globalSetup), so files
// run one after another in a single fork.
export default defineConfig({
  test: {
    globalSetup: ['./src/global-setup.ts'],
    fileParallelism: false,
    sequence: { sequencer: DataChangingLast },
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The fault suite (`npm run test:faults`): the files in test/faults only,
 * one at a time in one worker (its scenarios kill processes and restart the
 * suite's own Temporal dev server, so nothing else may run beside them),
 * ending with the line
 * `faults: <scenarios> scenarios, <runs> runs, lost <n>, rerun-after-finish <n>`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/faults/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    reporters: ['default', './test/faults/reporter.ts'],
  },
});

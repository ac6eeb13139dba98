import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/hostile is its own suite: `npm run test:hostile` (test/hostile/vitest.config.ts).
    exclude: ['test/faults/**', 'test/hostile/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more parallel Temporal workers only slow each other down.
    maxWorkers: 2,
  },
});

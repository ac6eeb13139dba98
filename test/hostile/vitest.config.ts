import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.ts';

/**
 * The bad-input suite (`npm run test:hostile`): the files in test/hostile
 * only, on the same services and global setup as the main suite, ending with
 * the line `hostile: <cases> cases, crashes <n>, executed-untrusted <n>`.
 * The main suite leaves these files out, so each runs once per CI run.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    ...base.test,
    include: ['test/hostile/**/*.test.ts'],
    exclude: ['node_modules/**'],
    reporters: ['default', './test/hostile/reporter.ts'],
    // A file waits up to a minute for every hostile message's dead letter: room for that and setup.
    testTimeout: 180_000,
  },
});

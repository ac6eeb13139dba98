import type { Reporter, SerializedError, TestModule } from 'vitest/node';
import type { HostileCounts } from './support/tally.ts';

/**
 * Sums the counts every hostile test kept in its task meta (see
 * `support/tally.ts`) and prints them as the run's last line. An error vitest
 * caught outside any test (an unhandled rejection: a crash of code under
 * test) counts as a crash too.
 */
export default class HostileReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
  ): void {
    const total: HostileCounts = {
      cases: 0,
      crashes: unhandledErrors.length,
      executedUntrusted: 0,
    };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const counts = test.meta().hostile;
        if (!counts) continue;
        total.cases += counts.cases;
        total.crashes += counts.crashes;
        total.executedUntrusted += counts.executedUntrusted;
      }
    }
    process.stdout.write(
      `hostile: ${total.cases} cases, crashes ${total.crashes}, executed-untrusted ${total.executedUntrusted}\n`,
    );
  }
}

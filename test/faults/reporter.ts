import type { Reporter, TestModule } from 'vitest/node';
import type { FaultCounts } from './support/tally.ts';

/**
 * Sums the counts every scenario kept in its task meta (`support/tally.ts`)
 * and prints them as the run's last line:
 * `faults: <scenarios> scenarios, <runs> runs, lost <n>, rerun-after-finish <n>`.
 * Lost runs or reruns fail their scenario's test already; the exit code is
 * set here too, so the line and the status can never disagree.
 */
export default class FaultsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const scenarios: FaultCounts[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const counts = test.meta().faults;
        if (counts) scenarios.push(counts);
      }
    }
    const sum = (pick: (counts: FaultCounts) => number) =>
      scenarios.reduce((total, counts) => total + pick(counts), 0);
    const lost = sum((counts) => counts.lost);
    const reruns = sum((counts) => counts.rerunAfterFinish);
    if (lost > 0 || reruns > 0) process.exitCode = 1;
    process.stdout.write(
      `faults: ${scenarios.length} scenarios, ${sum((counts) => counts.runs)} runs, lost ${lost}, rerun-after-finish ${reruns}\n`,
    );
  }
}

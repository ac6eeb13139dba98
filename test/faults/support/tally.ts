/** What one fault scenario did and what went wrong, kept in its test's task meta. */
export interface FaultCounts {
  scenario: string;
  runs: number;
  /** Runs that did not end as the scenario demands (still open, another status, another output). */
  lost: number;
  /** Jobs an agent's handler was called for again after that agent's ledger recorded their success. */
  rerunAfterFinish: number;
  /** Processes killed (by failpoints or the test), outages and restarts injected. */
  faults: number;
}

declare module 'vitest' {
  interface TaskMeta {
    faults?: FaultCounts;
  }
}

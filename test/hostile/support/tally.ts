import type { TaskMeta } from 'vitest';

/** What one hostile test threw at the system and what went wrong. */
export interface HostileCounts {
  /** Hostile inputs sent (requests, messages, definitions, parameter sets). */
  cases: number;
  /** A 5xx, a dropped connection, a service that stopped answering, a message left unsettled. */
  crashes: number;
  /** A handler run, cancellation, step completion or file write that untrusted input caused. */
  executedUntrusted: number;
}

declare module 'vitest' {
  interface TaskMeta {
    hostile?: HostileCounts;
  }
}

/**
 * Counts of one test, kept in its task meta: the meta travels from the test
 * worker to the main process with the test's result, where the hostile
 * reporter (`test/hostile/reporter.ts`) sums every test's counts.
 */
export class Tally {
  private readonly counts: HostileCounts = { cases: 0, crashes: 0, executedUntrusted: 0 };

  /** `task`: the test's own (`it('…', ({ task }) => …)`). */
  constructor(private readonly task: { readonly meta: TaskMeta }) {
    this.sync();
  }

  get cases(): number {
    return this.counts.cases;
  }

  get crashes(): number {
    return this.counts.crashes;
  }

  get executedUntrusted(): number {
    return this.counts.executedUntrusted;
  }

  /** Counts `n` hostile inputs sent. */
  sent(n = 1): void {
    this.counts.cases += n;
    this.sync();
  }

  crashed(n = 1): void {
    this.counts.crashes += n;
    this.sync();
  }

  executed(n = 1): void {
    this.counts.executedUntrusted += n;
    this.sync();
  }

  private sync(): void {
    this.task.meta.hostile = { ...this.counts };
  }
}
